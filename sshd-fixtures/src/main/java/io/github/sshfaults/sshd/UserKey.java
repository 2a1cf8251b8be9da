package io.github.sshfaults.sshd;

import static io.github.sshfaults.internal.Preconditions.notBlank;

import io.github.sshfaults.sshd.internal.Keys;
import java.security.KeyPair;
import java.security.PublicKey;

/**
 * A client key pair for public-key login, in the forms each SSH client library loads.
 *
 * <pre>{@code
 * UserKey bob = host.userWithNewKey("bob");
 * minaSession.addPublicKeyIdentity(bob.keyPair());                        // MINA SSHD
 * jsch.addIdentity("bob", bob.privateKeyOpenSsh().getBytes(UTF_8), null, null); // JSch
 * sshj.authPublickey("bob", sshj.loadKeys(bob.keyPair()));                // sshj
 * }</pre>
 *
 * <p>Keys are ECDSA P-256: every supported client speaks it and generating one takes about a
 * millisecond.
 */
public final class UserKey {

  private final String user;
  private final KeyPair keyPair;

  private UserKey(String user, KeyPair keyPair) {
    this.user = user;
    this.keyPair = keyPair;
  }

  /**
   * Generates a fresh key pair for {@code user} without registering it on any host: useful to show
   * that an unknown key is turned away.
   */
  public static UserKey generate(String user) {
    return new UserKey(notBlank(user, "user name"), Keys.generateEcdsaP256());
  }

  /** The user this key logs in as. */
  public String user() {
    return user;
  }

  /** The key pair, as MINA SSHD's and sshj's clients take it. */
  public KeyPair keyPair() {
    return keyPair;
  }

  /** The public half. */
  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  /**
   * The private key in OpenSSH's format ({@code -----BEGIN OPENSSH PRIVATE KEY-----}), unencrypted,
   * as JSch's {@code addIdentity} and {@code ssh -i} read it.
   */
  public String privateKeyOpenSsh() {
    return Keys.privateKeyOpenSsh(keyPair, user);
  }

  /**
   * The public key as an {@code authorized_keys} line: {@code ecdsa-sha2-nistp256 AAAA... user}.
   */
  public String authorizedKeysLine() {
    return Keys.publicKeyEntry(keyPair.getPublic()) + " " + user;
  }

  /**
   * The public key's SHA-256 fingerprint, {@code SHA256:...}, as {@code ssh-keygen -l} prints it.
   */
  public String fingerprint() {
    return Keys.fingerprint(keyPair.getPublic());
  }

  @Override
  public String toString() {
    return "UserKey[" + user + ", " + fingerprint() + "]";
  }
}
