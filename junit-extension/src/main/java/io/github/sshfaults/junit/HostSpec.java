package io.github.sshfaults.junit;

import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.journal.Journal;
import java.util.LinkedHashMap;
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
    Long seed) {

  private static final HostSpec DEFAULTS =
      new HostSpec(
          Map.of(),
          false,
          AlgorithmSet.FAST,
          HostKeyType.ECDSA_P256,
          Journal.DEFAULT_CAPACITY,
          null);

  /**
   * The spec of {@code annotation}, or the defaults when there is none.
   *
   * @param where the annotated element, as messages name it
   * @throws ExtensionConfigurationException naming {@code where} and the attributes at fault
   */
  static HostSpec of(Optional<FakeHost> annotation, String where) {
    return annotation.map(config -> of(config, where)).orElse(DEFAULTS);
  }

  private static HostSpec of(FakeHost config, String where) {
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
        seed(config, where));
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
   * Starts a host as specified, named {@code name} (or unnamed when null); closes it again if
   * configuring it fails.
   */
  FakeSshHost start(String name) {
    FakeSshHost.Builder builder =
        FakeSshHost.builder()
            .algorithms(algorithms)
            .hostKeyType(hostKeyType)
            .journalCapacity(journalCapacity);
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
