package io.github.sshfaults.junit;

import io.github.sshfaults.faults.HostFaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed test leaves behind so that a CI failure can be understood from the report alone:
 * report entries (which Surefire and IDEs show with the test) and the same text in the log.
 */
final class Diagnostics {

  private static final Logger LOG = LoggerFactory.getLogger(Diagnostics.class);

  /** How many of each host's last journal events a report shows. */
  static final int JOURNAL_TAIL = 50;

  /**
   * Everything that contributes report entries for a failed test, each keyed {@code
   * sshfaults.<what>.<name>}. The one list to extend with seeds, fault plans and runner outcome
   * tables.
   */
  private static final List<Function<ExtensionContext, Map<String, String>>> SOURCES =
      List.of(Diagnostics::hosts, Diagnostics::runs);

  private Diagnostics() {}

  /**
   * Publishes diagnostics for a class whose {@code @BeforeAll} or {@code @AfterAll} method failed
   * with {@code failure}, once however many sshfaults extensions see the failure, and rethrows it.
   */
  static void publishForClass(ExtensionContext container, Throwable failure) throws Throwable {
    ExtensionContext.Store store = container.getStore(HostScope.NAMESPACE);
    Object published = store.get(PublishedFailure.class);
    if (published != failure) {
      store.put(PublishedFailure.class, failure);
      publish(container, failure);
    }
    throw failure;
  }

  /** Store key: the class-level failure whose diagnostics are out already. */
  private static final class PublishedFailure {}

  /**
   * Publishes every source's entries for {@code test}, which failed with {@code failure}: as report
   * entries, as a warning in the log, and attached to the failure itself as a suppressed {@link
   * FailureDiagnostics}, because that is what every runner shows (Maven Surefire prints no report
   * entries, and the log may have no backend).
   */
  static void publish(ExtensionContext test, Throwable failure) {
    Map<String, String> entries = new LinkedHashMap<>();
    SOURCES.forEach(source -> entries.putAll(source.apply(test)));
    if (entries.isEmpty()) {
      return;
    }
    entries.forEach(test::publishReportEntry);
    StringBuilder text = new StringBuilder();
    entries.forEach((key, value) -> text.append('\n').append(key).append(" = ").append(value));
    LOG.warn("{} failed ({}); sshfaults diagnostics:{}", test.getDisplayName(), failure, text);
    failure.addSuppressed(new FailureDiagnostics("what the fake hosts saw" + text));
  }

  /**
   * The diagnostics of a failed test, attached to its failure. Not an error of its own: it carries
   * no stack trace, only the text.
   */
  static final class FailureDiagnostics extends Exception {
    FailureDiagnostics(String text) {
      super(text, null, false, false);
    }
  }

  /** Each run of an injected runner in reach of the test: its summary and outcome table. */
  private static Map<String, String> runs(ExtensionContext test) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (HostScope scope : HostScope.enclosing(test)) {
      for (HostScope.Report run : scope.reports()) {
        String key = uniqueKey(entries, "sshfaults.run." + run.name());
        entries.put(key, run.report().summary() + "\n" + run.report().table());
      }
    }
    return entries;
  }

  private static String uniqueKey(Map<String, String> entries, String key) {
    String unique = key;
    for (int n = 2; entries.containsKey(unique); n++) {
      unique = key + "-" + n;
    }
    return unique;
  }

  /** Each host in reach of the test: what it is, and the tail of its journal. */
  private static Map<String, String> hosts(ExtensionContext test) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (HostScope scope : HostScope.enclosing(test)) {
      for (HostScope.Entry entry : scope.hosts()) {
        String key = uniqueKey(entries, "sshfaults.host." + entry.name());
        entries.put(
            key,
            entry.host()
                + " (host key "
                + entry.host().hostKeyType()
                + " "
                + entry.host().hostKeyFingerprint()
                + ", algorithms "
                + entry.host().algorithms()
                + (entry.resettable() ? ", shared" : "")
                + (entry.host().isClosed()
                    ? ", closed"
                    : entry.host().isRunning() ? "" : ", stopped")
                + ")\n"
                + entry.host().faults().describe()
                + "\n(replay this host's random decisions with @FakeHost(seed = \""
                + entry.host().seed()
                + "\") or FakeSshHost.builder().seed("
                + entry.host().seed()
                + "L); -D"
                + HostFaults.SEED_PROPERTY
                + "="
                + entry.host().seed()
                + " gives every host that seed)\n"
                + entry.host().journal().describeTail(JOURNAL_TAIL));
      }
    }
    return entries;
  }
}
