package io.github.sshfaults.junit;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.internal.Seeds;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Timing;
import io.github.sshfaults.sshd.journal.Journal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A host as a {@link FakeHost} annotation (or its absence) describes it, checked as a whole before
 * anything starts. Immutable.
 */
record HostSpec(
    Map<String, String> users,
    boolean acceptAnyCredentials,
    AlgorithmSet algorithms,
    HostKeyType hostKeyType,
    int journalCapacity,
    Long seed,
    String name,
    int count,
    Path plan,
    List<AuthMethod> authMethods,
    Timing timing) {

  /** The most hosts one fleet may have, as {@link FakeHost#count()} documents. */
  static final int MAX_FLEET_SIZE = 1000;

  private static final HostSpec DEFAULTS =
      new HostSpec(
          Map.of(),
          false,
          AlgorithmSet.FAST,
          HostKeyType.ECDSA_P256,
          Journal.DEFAULT_CAPACITY,
          null,
          null,
          0,
          null,
          null,
          Timing.FAST);

  /**
   * The spec of a single host as {@code annotation} describes it, or the defaults when there is
   * none.
   *
   * @param where the annotated element, as messages name it
   * @throws ExtensionConfigurationException naming {@code where} and the attributes at fault, also
   *     when the annotation sets {@code count}
   */
  static HostSpec forHost(Optional<FakeHost> annotation, String where) {
    HostSpec spec = annotation.map(config -> of(config, where)).orElse(DEFAULTS);
    if (spec.plan != null) {
      // Read now, so that a malformed plan fails naming the annotated element.
      try {
        planned(FakeSshHost.builder(), spec.plan, spec.name);
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(e.getMessage() + ", on " + where, e);
      }
    }
    if (spec.count != 0) {
      throw misuse(
          where,
          "@FakeHost(count = "
              + spec.count
              + ") asks for a fleet, which needs the type java.util.List<"
              + FakeSshHost.class.getName()
              + ">; for a single FakeSshHost, leave count out");
    }
    return spec;
  }

  /**
   * The spec of a fleet ({@code List<FakeSshHost>}) as {@code annotation} describes it.
   *
   * @param where the annotated element, as messages name it
   * @throws ExtensionConfigurationException naming {@code where} and the attributes at fault, also
   *     when there is no annotation or it does not set {@code count}
   */
  static HostSpec forFleet(Optional<FakeHost> annotation, String where) {
    HostSpec spec = annotation.map(config -> of(config, where)).orElse(DEFAULTS);
    if (spec.plan != null) {
      throw misuse(
          where,
          "@FakeHost(plan) starts one host of a plan, on a FakeSshHost; for every host of a plan,"
              + " call FakeSshHost.allFromPlan and register each host with a HostRegistry");
    }
    if (spec.count == 0) {
      throw misuse(
          where,
          "A List<FakeSshHost> is a fleet and needs its size: annotate it @FakeHost(count = N),"
              + " N between 1 and "
              + MAX_FLEET_SIZE);
    }
    return spec;
  }

  private static HostSpec of(FakeHost config, String where) {
    if (!config.name().isEmpty() && config.name().isBlank()) {
      throw misuse(
          where,
          "@FakeHost(name) must not be blank, but was "
              + quote(config.name())
              + "; leave it out to name the host after its parameter or field");
    }
    if (config.count() < 0 || config.count() > MAX_FLEET_SIZE) {
      throw misuse(
          where,
          "@FakeHost(count) must be between 1 and "
              + MAX_FLEET_SIZE
              + " (or left out for a single host), but was "
              + config.count());
    }
    if (config.acceptAnyCredentials() && config.users().length > 0) {
      throw misuse(
          where,
          "@FakeHost(users, acceptAnyCredentials = true) contradict each other: accepting any"
              + " credentials makes the declared users meaningless; use one or the other");
    }
    if (config.journalCapacity() < 1) {
      throw misuse(
          where,
          "@FakeHost(journalCapacity) must be at least 1, but was " + config.journalCapacity());
    }
    Map<String, String> users = new LinkedHashMap<>();
    for (String entry : config.users()) {
      int colon = entry.indexOf(':');
      if (colon < 1 || colon == entry.length() - 1 || entry.substring(0, colon).isBlank()) {
        throw misuse(
            where,
            "@FakeHost(users) entries must be \"name:password\" with both parts non-empty, but one"
                + " is \""
                + entry
                + "\"");
      }
      String name = entry.substring(0, colon);
      if (users.put(name, entry.substring(colon + 1)) != null) {
        throw misuse(where, "@FakeHost(users) declares user \"" + name + "\" twice");
      }
    }
    return new HostSpec(
        Map.copyOf(users),
        config.acceptAnyCredentials(),
        config.algorithms(),
        config.hostKeyType(),
        config.journalCapacity(),
        seed(config, where),
        config.name().isEmpty() ? null : config.name(),
        config.count(),
        plan(config, where),
        authMethods(config, where),
        config.timing());
  }

  /** The methods {@code @FakeHost(authMethods)} names, or null for the host's default. */
  private static List<AuthMethod> authMethods(FakeHost config, String where) {
    AuthMethod[] methods = config.authMethods();
    if (methods.length == 0) {
      return null;
    }
    try {
      // The builder's own check, so that the annotation fails as the Java API does.
      FakeSshHost.builder()
          .authMethods(methods[0], Arrays.copyOfRange(methods, 1, methods.length));
    } catch (IllegalArgumentException e) {
      throw misuse(where, "@FakeHost(authMethods): " + e.getMessage());
    }
    return List.of(methods);
  }

  /** The plan file, unless the annotation sets what the plan decides. */
  private static Path plan(FakeHost config, String where) {
    if (config.plan().isEmpty()) {
      return null;
    }
    List<String> decided = new ArrayList<>();
    if (config.users().length > 0) {
      decided.add("users");
    }
    if (config.acceptAnyCredentials()) {
      decided.add("acceptAnyCredentials");
    }
    if (config.algorithms() != AlgorithmSet.FAST) {
      decided.add("algorithms");
    }
    if (config.hostKeyType() != HostKeyType.ECDSA_P256) {
      decided.add("hostKeyType");
    }
    if (!config.seed().isEmpty()) {
      decided.add("seed");
    }
    if (config.count() != 0) {
      decided.add("count");
    }
    if (config.authMethods().length > 0) {
      decided.add("authMethods");
    }
    if (config.timing() != Timing.FAST) {
      decided.add("timing");
    }
    if (!decided.isEmpty()) {
      throw misuse(
          where,
          "@FakeHost(plan) describes the host, so "
              + String.join(", ", decided)
              + (decided.size() == 1 ? " is" : " are")
              + " the plan's to say; leave "
              + (decided.size() == 1 ? "it" : "them")
              + " out of the annotation and put "
              + (decided.size() == 1 ? "it" : "them")
              + " in "
              + config.plan()
              + (config.count() != 0
                  ? " (for every host of a plan, use FakeSshHost.allFromPlan and a HostRegistry)"
                  : ""));
    }
    return planPath(config.plan());
  }

  /** {@code plan} in the working directory, else as a class path resource that is a file. */
  private static Path planPath(String plan) {
    Path path = Path.of(plan);
    if (Files.exists(path)) {
      return path;
    }
    URL resource = Thread.currentThread().getContextClassLoader().getResource(plan);
    if (resource != null && resource.getProtocol().equals("file")) {
      try {
        return Path.of(resource.toURI());
      } catch (URISyntaxException e) {
        return path;
      }
    }
    return path; // reading it reports that it does not exist, where it was looked for
  }

  private static FakeSshHost.Builder planned(FakeSshHost.Builder builder, Path plan, String host) {
    return host == null || host.isEmpty() ? builder.plan(plan) : builder.plan(plan, host);
  }

  private static Long seed(FakeHost config, String where) {
    if (config.seed().isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(config.seed().strip());
    } catch (NumberFormatException e) {
      throw misuse(
          where,
          "@FakeHost(seed) must be a decimal long such as \"-4962768465676381896\", but was \""
              + config.seed()
              + "\"");
    }
  }

  /**
   * Starts the hosts of a fleet as specified, named {@code names} (one per host), several at a
   * time. Each host's seed derives from {@code fleetSeed} and its number, so that the same random
   * fault on every host does not fire on the same connections of all of them, and one fleet seed
   * replays them all.
   */
  List<FakeSshHost> startFleet(String fleetName, List<HostName> names, long fleetSeed) {
    return FleetStart.start(
        fleetName,
        names.size(),
        i -> withSeed(memberSeed(fleetSeed, i + 1)).start(names.get(i).value()));
  }

  /** The seed of host {@code number} (from 1) of a fleet whose seed is {@code fleetSeed}. */
  static long memberSeed(long fleetSeed, int number) {
    return Seeds.derive(fleetSeed, number);
  }

  /** The fleet's seed: the one {@code @FakeHost(seed)} gives, else one drawn for the fleet. */
  long fleetSeed() {
    return Seeds.resolve(seed);
  }

  private HostSpec withSeed(long hostSeed) {
    return new HostSpec(
        users,
        acceptAnyCredentials,
        algorithms,
        hostKeyType,
        journalCapacity,
        hostSeed,
        name,
        count,
        plan,
        authMethods,
        timing);
  }

  /**
   * Starts a host as specified, named {@code name} (or unnamed when null); closes it again if
   * configuring it fails. With a plan, the plan's host called {@link #name} (the annotation's), or
   * its only host.
   */
  FakeSshHost start(String name) {
    FakeSshHost.Builder builder =
        plan != null
            ? planned(FakeSshHost.builder(), plan, this.name)
            : FakeSshHost.builder()
                .algorithms(algorithms)
                .hostKeyType(hostKeyType)
                .timing(timing);
    if (authMethods != null) {
      builder.authMethods(
          authMethods.get(0),
          authMethods.subList(1, authMethods.size()).toArray(AuthMethod[]::new));
    }
    builder.journalCapacity(journalCapacity);
    if (seed != null) {
      builder.seed(seed);
    }
    if (name != null) {
      builder.name(name);
    }
    FakeSshHost host = builder.start();
    try {
      users.forEach(host::user);
      if (acceptAnyCredentials) {
        host.acceptAnyCredentials();
      }
      return host;
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
  }

  private static ExtensionConfigurationException misuse(String where, String problem) {
    return new ExtensionConfigurationException(problem + ", on " + where);
  }
}
