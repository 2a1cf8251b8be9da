package io.github.sshfaults.sshd.internal.plan;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Public keys from a file in OpenSSH's {@code authorized_keys} format, one key per line. */
public final class AuthorizedKeys {

  private AuthorizedKeys() {}

  /**
   * The keys in {@code path}.
   *
   * @param hint said after "no such file", where relative paths are resolved from
   * @throws IllegalArgumentException saying what is wrong with the file, with the cause
   */
  public static List<PublicKey> read(Path path, String hint) {
    List<AuthorizedKeyEntry> entries;
    try {
      entries = AuthorizedKeyEntry.readAuthorizedKeys(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file " + path + hint, e);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read " + path + " as authorized keys (OpenSSH's one key per line): " + e, e);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          path + " has no key; expected lines such as \"ecdsa-sha2-nistp256 AAAA... comment\"");
    }
    List<PublicKey> keys = new ArrayList<>();
    for (AuthorizedKeyEntry entry : entries) {
      try {
        keys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        throw new IllegalArgumentException(
            "cannot use the "
                + entry.getKeyType()
                + " key in "
                + path
                + ": "
                + e.getMessage()
                + "; keys of type ssh-rsa and ecdsa-sha2-nistp256/384/521 work everywhere",
            e);
      }
    }
    return List.copyOf(keys);
  }
}
