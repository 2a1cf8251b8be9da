package io.github.sshfaults.sshd.internal.plan;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.CommandStubbing;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Shell;
import io.github.sshfaults.sshd.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One host of a plan: everything a plan file (or the standalone server's options) says about it.
 * Immutable, and checked when read; {@link #configure} and {@link #setUp} give it to a host.
 *
 * @param name the host's name, unique in its plan
 * @param seed its seed, or null for the usual default (system property, else random)
 * @param algorithms its algorithm set, or null for the default
 * @param hostKeyType its host key type, or null for the default
 * @param authMethods the authentication methods it offers, in order, or null for the default
 * @param users who may log in
 * @param acceptAnyCredentials whether anybody may log in with anything
 * @param commands its command stubs, in order: a later one wins when two match
 * @param files a local folder whose content the host's files start with, or null
 * @param filesQuota the quota of the host's files in bytes, or null for the default
 * @param faults its fault plan
 * @param timing its timing, or null for the default
 * @param shells its scripted shells, in order: the host's (for every user) first, then each user's
 */
public record HostPlan(
    String name,
    Long seed,
    AlgorithmSet algorithms,
    HostKeyType hostKeyType,
    List<AuthMethod> authMethods,
    List<User> users,
    boolean acceptAnyCredentials,
    List<Stub> commands,
    Path files,
    Long filesQuota,
    FaultPlan faults,
    Timing timing,
    List<ShellPlan> shells) {

  /**
   * The stub methods of {@link FakeSshHost} by their kebab-case names ({@code command}, {@code
   * command-matching}...): each public method taking the command's pattern as a {@code String} and
   * returning a {@link CommandStubbing}. Read by reflection, so plans know every matcher Java has.
   */
  static final Map<String, Method> MATCHERS = matchers();

  public HostPlan {
    authMethods = authMethods == null ? null : List.copyOf(authMethods);
    users = List.copyOf(users);
    commands = List.copyOf(commands);
    shells = List.copyOf(shells);
  }

  /** A host without shells. */
  public HostPlan(
      String name,
      Long seed,
      AlgorithmSet algorithms,
      HostKeyType hostKeyType,
      List<AuthMethod> authMethods,
      List<User> users,
      boolean acceptAnyCredentials,
      List<Stub> commands,
      Path files,
      Long filesQuota,
      FaultPlan faults,
      Timing timing) {
    this(
        name,
        seed,
        algorithms,
        hostKeyType,
        authMethods,
        users,
        acceptAnyCredentials,
        commands,
        files,
        filesQuota,
        faults,
        timing,
        List.of());
  }

  /**
   * A scripted shell of the plan.
   *
   * @param user the user it is for; null for every user
   * @param shell the shell
   */
  public record ShellPlan(String user, Shell shell) {}

  /**
   * A user.
   *
   * @param name the user name
   * @param password the password, or null when the user logs in by key only
   * @param keys the public keys the user may log in with
   * @param authMethods the authentication methods offered to the user, in order, or null for the
   *     host's
   */
  public record User(
      String name, String password, List<PublicKey> keys, List<AuthMethod> authMethods) {
    public User {
      keys = List.copyOf(keys);
      authMethods = authMethods == null ? null : List.copyOf(authMethods);
    }
  }

  /**
   * A command stub.
   *
   * @param matcher the kebab-case name of the {@link FakeSshHost} method that starts it ({@code
   *     command}, {@code command-matching})
   * @param pattern the command line, glob or regex it answers
   * @param result what it answers
   * @param location {@code file:line} of the stub, for errors found when it is set up
   * @param field its field in the plan ({@code hosts.web.commands[0]})
   */
  public record Stub(
      String matcher, String pattern, CommandResult result, String location, String field) {}

  /**
   * Gives {@code builder} the plan's name, seed, algorithms, host key type, authentication methods,
   * files quota, faults and timing.
   */
  public FakeSshHost.Builder configure(FakeSshHost.Builder builder) {
    builder.name(name).faults(faults);
    if (seed != null) {
      builder.seed(seed);
    }
    if (algorithms != null) {
      builder.algorithms(algorithms);
    }
    if (hostKeyType != null) {
      builder.hostKeyType(hostKeyType);
    }
    if (authMethods != null) {
      builder.authMethods(
          authMethods.get(0),
          authMethods.subList(1, authMethods.size()).toArray(AuthMethod[]::new));
    }
    if (filesQuota != null) {
      builder.filesQuota(filesQuota);
    }
    if (timing != null) {
      builder.timing(timing);
    }
    return builder;
  }

  /**
   * Gives a started {@code host} the plan's users, command stubs, shells and files.
   *
   * @throws PlanException naming the stub's place in the plan when the host rejects it (a regex
   *     that does not compile)
   * @throws UncheckedIOException when the files folder cannot be read
   */
  public void setUp(FakeSshHost host) {
    for (User user : users) {
      if (user.password() != null) {
        host.user(user.name(), user.password());
      }
      user.keys().forEach(key -> host.user(user.name(), key));
      if (user.authMethods() != null) {
        List<AuthMethod> methods = user.authMethods();
        host.authMethodsFor(
            user.name(),
            methods.get(0),
            methods.subList(1, methods.size()).toArray(AuthMethod[]::new));
      }
    }
    if (acceptAnyCredentials) {
      host.acceptAnyCredentials();
    }
    for (Stub stub : commands) {
      stub(host, stub);
    }
    for (ShellPlan shell : shells) {
      if (shell.user() == null) {
        host.shell(shell.shell());
      } else {
        host.shell(shell.user(), shell.shell());
      }
    }
    if (files != null) {
      copyFiles(host);
    }
  }

  private static void stub(FakeSshHost host, Stub stub) {
    try {
      ((CommandStubbing<?>) MATCHERS.get(stub.matcher()).invoke(host, stub.pattern()))
          .replies(stub.result());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        throw new PlanException(stub.location(), stub.field(), cause.getMessage(), cause);
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Cannot stub " + stub, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot stub " + stub, e);
    }
  }

  private void copyFiles(FakeSshHost host) {
    try (Stream<Path> walk = Files.walk(files)) {
      for (Path path : walk.sorted().toList()) {
        String relative = files.relativize(path).toString().replace('\\', '/');
        if (relative.isEmpty()) {
          continue;
        }
        if (Files.isDirectory(path)) {
          host.files().mkdirs("/" + relative);
        } else if (Files.isRegularFile(path)) {
          host.files().write("/" + relative, Files.readAllBytes(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the files of host " + name + " from " + files, e);
    }
  }

  private static Map<String, Method> matchers() {
    return Arrays.stream(FakeSshHost.class.getMethods())
        .filter(
            m ->
                m.getReturnType() == CommandStubbing.class
                    && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class}))
        .collect(Collectors.toMap(m -> kebab(m.getName()), m -> m, (a, b) -> a, TreeMap::new));
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }
}
