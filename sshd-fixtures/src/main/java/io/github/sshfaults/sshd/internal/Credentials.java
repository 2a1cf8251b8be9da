package io.github.sshfaults.sshd.internal;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * The users a fake host lets in. Nobody gets in until a test declares a user or explicitly asks to
 * accept any credentials. Thread-safe: tests add users while sessions authenticate.
 */
public final class Credentials implements PasswordAuthenticator, PublickeyAuthenticator {

  /** Why the last check on a session decided as it did ("wrong password"), for the journal. */
  public static final AttributeKey<String> VERDICT = new AttributeKey<>();

  /** The users at one moment, to return to with {@link #restore(Snapshot)}. Immutable. */
  public record Snapshot(
      Map<String, String> passwords, Map<String, List<PublicKey>> keys, boolean acceptAny) {}

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

  /** The users declared now. */
  public Snapshot snapshot() {
    Map<String, List<PublicKey>> keysNow = new HashMap<>();
    keys.forEach((user, list) -> keysNow.put(user, List.copyOf(list)));
    return new Snapshot(Map.copyOf(passwords), Map.copyOf(keysNow), acceptAny);
  }

  /** Declares exactly the users of {@code snapshot}, forgetting the others. */
  public void restore(Snapshot snapshot) {
    clear();
    passwords.putAll(snapshot.passwords());
    snapshot.keys().forEach((user, list) -> keys.put(user, new CopyOnWriteArrayList<>(list)));
    acceptAny = snapshot.acceptAny();
  }

  @Override
  public boolean authenticate(String user, String password, ServerSession session) {
    String expected = passwords.get(user);
    if (acceptAny || (password != null && password.equals(expected))) {
      return verdict(session, true, acceptAny ? "any credentials accepted" : "password matches");
    }
    return verdict(session, false, expected != null ? "wrong password" : unknown(user, "password"));
  }

  @Override
  public boolean authenticate(String user, PublicKey key, ServerSession session) {
    List<PublicKey> known = keys.get(user);
    if (acceptAny || (known != null && known.stream().anyMatch(k -> Keys.sameKey(k, key)))) {
      return verdict(session, true, acceptAny ? "any credentials accepted" : "key matches");
    }
    return verdict(
        session,
        false,
        known != null ? "key " + Keys.fingerprint(key) + " not registered" : unknown(user, "key"));
  }

  private String unknown(String user, String credential) {
    return passwords.containsKey(user) || keys.containsKey(user)
        ? "user has no " + credential
        : "no such user";
  }

  private static boolean verdict(ServerSession session, boolean accepted, String reason) {
    session.setAttribute(VERDICT, reason);
    return accepted;
  }
}
