package io.github.sshfaults.sshd.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * The users a fake host lets in. Nobody gets in until a test declares a user or explicitly asks
 * to accept any credentials. Thread-safe: tests add users while sessions authenticate.
 */
public final class Credentials implements PasswordAuthenticator, PublickeyAuthenticator {

  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, List<PublicKey>> keys = new ConcurrentHashMap<>();
  private volatile boolean acceptAny;

  /** Lets {@code user} in with {@code password}, replacing any password set before. */
  public void addPassword(String user, String password) {
    passwords.put(user, password);
  }

  /** Lets {@code user} in with the private half of {@code key}, in addition to other keys. */
  public void addKey(String user, PublicKey key) {
    keys.computeIfAbsent(user, u -> new CopyOnWriteArrayList<>()).add(key);
  }

  /** Lets anybody in with any password or key. */
  public void acceptAny() {
    acceptAny = true;
  }

  /** Forgets every user, and stops accepting any credentials. */
  public void clear() {
    passwords.clear();
    keys.clear();
    acceptAny = false;
  }

  @Override
  public boolean authenticate(String user, String password, ServerSession session) {
    return acceptAny || (password != null && password.equals(passwords.get(user)));
  }

  @Override
  public boolean authenticate(String user, PublicKey key, ServerSession session) {
    if (acceptAny) {
      return true;
    }
    List<PublicKey> known = keys.get(user);
    return known != null && known.stream().anyMatch(k -> Keys.sameKey(k, key));
  }
}
