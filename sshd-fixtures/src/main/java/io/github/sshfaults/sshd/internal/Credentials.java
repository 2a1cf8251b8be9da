package io.github.sshfaults.sshd.internal;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.AuthMethod;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * The users a fake host lets in, and the authentication methods it offers them. Nobody gets in
 * until a test declares a user or explicitly asks to accept any credentials. Thread-safe: tests add
 * users while sessions authenticate.
 */
public final class Credentials implements PasswordAuthenticator, PublickeyAuthenticator {

  /**
   * What OpenSSH's sshd offers as Debian, Ubuntu and Fedora ship it, in its order: public keys,
   * then passwords ({@code KbdInteractiveAuthentication no}).
   */
  public static final List<AuthMethod> DEFAULT_METHODS =
      List.of(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD);

  /** Why the last check on a session decided as it did ("wrong password"), for the journal. */
  public static final AttributeKey<String> VERDICT = new AttributeKey<>();

  /** The users at one moment, to return to with {@link #restore(Snapshot)}. Immutable. */
  public record Snapshot(
      Map<String, String> passwords,
      Map<String, List<PublicKey>> keys,
      Map<String, List<AuthMethod>> methods,
      boolean acceptAny) {}

  private final List<AuthMethod> hostMethods;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, List<PublicKey>> keys = new ConcurrentHashMap<>();
  private final Map<String, List<AuthMethod>> userMethods = new ConcurrentHashMap<>();
  private volatile boolean acceptAny;

  /** Credentials of a host that offers {@link #DEFAULT_METHODS}. */
  public Credentials() {
    this(DEFAULT_METHODS);
  }

  /**
   * Credentials of a host that offers {@code hostMethods}, in this order, to every user not given
   * methods of their own.
   *
   * @throws IllegalArgumentException as {@link #checkMethods(List, String)}
   */
  public Credentials(List<AuthMethod> hostMethods) {
    this.hostMethods = checkMethods(hostMethods, "authentication methods of the host");
  }

  /**
   * {@code methods}, unless empty, or naming a method twice or null.
   *
   * @param whose what the list is, as in {@code authentication methods of user "deploy"}
   * @throws IllegalArgumentException naming the problem, the list and the methods there are
   */
  public static List<AuthMethod> checkMethods(List<AuthMethod> methods, String whose) {
    String allowed =
        "; the methods are "
            + Arrays.stream(AuthMethod.values()).map(Enum::name).collect(Collectors.joining(", "));
    if (methods == null || methods.isEmpty()) {
      throw new IllegalArgumentException(whose + " must name at least one method" + allowed);
    }
    Set<AuthMethod> seen = new HashSet<>();
    for (AuthMethod method : methods) {
      if (method == null) {
        throw new IllegalArgumentException(
            whose + " must not name null, but were " + methods + allowed);
      }
      if (!seen.add(method)) {
        throw new IllegalArgumentException(
            whose + " must name each method once, but named " + method + " twice: " + methods);
      }
    }
    return List.copyOf(methods);
  }

  /** The methods the host offers to users not given methods of their own, in its order. */
  public List<AuthMethod> hostMethods() {
    return hostMethods;
  }

  /**
   * Offers {@code user} exactly {@code methods}, in this order, instead of the host's, replacing
   * methods offered to the user before.
   *
   * @throws IllegalArgumentException as {@link #checkMethods(List, String)}
   */
  public void offer(String user, List<AuthMethod> methods) {
    userMethods.put(
        user, checkMethods(methods, "authentication methods of user " + quote(user)));
  }

  /** The methods offered to {@code user} (null when not known), in order. */
  public List<AuthMethod> offeredTo(String user) {
    return user == null ? hostMethods : userMethods.getOrDefault(user, hostMethods);
  }

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

  /** Forgets every user and the methods offered to each, and stops accepting any credentials. */
  public void clear() {
    passwords.clear();
    keys.clear();
    userMethods.clear();
    acceptAny = false;
  }

  /** The users declared now. */
  public Snapshot snapshot() {
    Map<String, List<PublicKey>> keysNow = new HashMap<>();
    keys.forEach((user, list) -> keysNow.put(user, List.copyOf(list)));
    return new Snapshot(
        Map.copyOf(passwords), Map.copyOf(keysNow), Map.copyOf(userMethods), acceptAny);
  }

  /** Declares exactly the users of {@code snapshot}, forgetting the others. */
  public void restore(Snapshot snapshot) {
    clear();
    passwords.putAll(snapshot.passwords());
    snapshot.keys().forEach((user, list) -> keys.put(user, new CopyOnWriteArrayList<>(list)));
    userMethods.putAll(snapshot.methods());
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
