package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.sshd.internal.Keys;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;

/** The host's keys, or another key of the same type for a connection whose key is swapped. */
final class FaultyHostKeys implements KeyPairProvider {

  private final KeyPairProvider keys;

  FaultyHostKeys(KeyPairProvider keys) {
    this.keys = keys;
  }

  @Override
  public Iterable<KeyPair> loadKeys(SessionContext context)
      throws IOException, GeneralSecurityException {
    Connection connection = context instanceof Session session ? Connection.of(session) : null;
    Iterable<KeyPair> hostKeys = keys.loadKeys(context);
    if (connection != null && connection.swapHostKey) {
      return List.of(Keys.otherHostKey(hostKeys.iterator().next()));
    }
    return hostKeys;
  }
}
