package io.github.sshfaults.junit;

import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.internal.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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

  /** What a run's entry says instead of its outcome table when the failure shows the table. */
  static final String TABLE_IN_MESSAGE = "(outcome table: in the assertion message above)";

  /** The key of the entry that explains stand-in names. */
  static final String NAMES_KEY = "sshfaults.names";

  /**
   * Everything that contributes report entries for a test that failed with the given failure, each
   * keyed {@code sshfaults.<what>.<name>}. The one list to extend with more.
   */
  private static final List<BiFunction<ExtensionContext, Throwable, Map<String, String>>> SOURCES =
      List.of(Diagnostics::hosts, Diagnostics::runs, Diagnostics::names);

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
    SOURCES.forEach(source -> entries.putAll(source.apply(test, failure)));
    if (entries.isEmpty()) {
      return;
    }
    entries.forEach(test::publishReportEntry);
    StringBuilder text = new StringBuilder();
    entries.forEach((key, value) -> text.append('\n').append(key).append(" = ").append(value));
    // The failure's text may quote what a client sent or a command printed (ANSI sequences, BEL):
    // a log line shows it escaped, as every other place that prints client input does.
    LOG.warn(
        "{} failed ({}); sshfaults diagnostics:{}",
        test.getDisplayName(),
        Text.escape(String.valueOf(failure)),
        text);
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

  /**
   * Each run of an injected runner in reach of the test: its summary and outcome table, unless the
   * failure's message shows that table already (an assertion on the run's report failed).
   */
  private static Map<String, String> runs(ExtensionContext test, Throwable failure) {
    Map<String, String> entries = new LinkedHashMap<>();
    List<String> messages = messages(failure);
    for (HostScope scope : HostScope.enclosing(test)) {
      for (HostScope.Report run : scope.reports()) {
        String key = uniqueKey(entries, "sshfaults.run." + run.name().value());
        String table = run.report().table();
        boolean shown = messages.stream().anyMatch(message -> message.contains(table));
        entries.put(key, run.report().summary() + "\n" + (shown ? TABLE_IN_MESSAGE : table));
      }
    }
    return entries;
  }

  /** The messages of {@code failure} and of its causes, outermost first. */
  private static List<String> messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t.getMessage() != null) {
        messages.add(t.getMessage());
      }
    }
    return messages;
  }

  /**
   * Once, if any host, fleet or runner in reach goes by a stand-in name: which parameter each is,
   * and how to get real names.
   */
  private static Map<String, String> names(ExtensionContext test, Throwable failure) {
    Set<String> standIns = new LinkedHashSet<>();
    boolean fleets = false;
    for (HostScope scope : HostScope.enclosing(test)) {
      for (HostScope.Entry entry : scope.hosts()) {
        if (entry.name().origin() == HostName.Origin.STAND_IN) {
          HostScope.Fleet fleet = entry.fleet();
          fleets |= fleet != null;
          String name =
              fleet == null
                  ? entry.name().value()
                  : fleet.name() + "-1.." + fleet.name() + "-" + fleet.size();
          standIns.add(name + " (" + entry.name().source() + ")");
        }
      }
      for (HostScope.Report run : scope.reports()) {
        if (run.name().origin() == HostName.Origin.STAND_IN) {
          standIns.add(run.name().value() + " (" + run.name().source() + ")");
        }
      }
    }
    if (standIns.isEmpty()) {
      return Map.of();
    }
    return Map.of(
        NAMES_KEY,
        String.join(", ", standIns)
            + (standIns.size() == 1 && !fleets ? " is a stand-in name" : " are stand-in names")
            + ": the test was compiled without javac -parameters, so its parameters have no names."
            + " For real names, name each host with @FakeHost(name = \"web\"), or compile the"
            + " tests with -parameters (Maven: <maven.compiler.parameters>true"
            + "</maven.compiler.parameters>), which names hosts and runners after their"
            + " parameters");
  }

  private static String uniqueKey(Map<String, String> entries, String key) {
    String unique = key;
    for (int n = 2; entries.containsKey(unique); n++) {
      unique = key + "-" + n;
    }
    return unique;
  }

  /** Each host in reach of the test: what it is, and the tail of its journal. */
  private static Map<String, String> hosts(ExtensionContext test, Throwable failure) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (HostScope scope : HostScope.enclosing(test)) {
      for (HostScope.Entry entry : scope.hosts()) {
        String key = uniqueKey(entries, "sshfaults.host." + entry.name().value());
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
                + "\n"
                + replayHint(entry)
                + "\n"
                + entry.host().journal().describeTail(JOURNAL_TAIL));
      }
    }
    return entries;
  }

  /** How to replay the random decisions of the host of {@code entry}, or of its fleet. */
  private static String replayHint(HostScope.Entry entry) {
    HostScope.Fleet fleet = entry.fleet();
    if (fleet != null) {
      return "(replay this fleet's random decisions with @FakeHost(seed = \""
          + fleet.seed()
          + "\", count = "
          + fleet.size()
          + ") on fleet "
          + fleet.name()
          + ", whose seed each of its hosts' seeds derives from; -D"
          + HostFaults.SEED_PROPERTY
          + "="
          + fleet.seed()
          + " gives every fleet and single host that seed)";
    }
    long seed = entry.host().seed();
    return "(replay this host's random decisions with @FakeHost(seed = \""
        + seed
        + "\") or FakeSshHost.builder().seed("
        + seed
        + "L); -D"
        + HostFaults.SEED_PROPERTY
        + "="
        + seed
        + " gives every host that seed)";
  }
}
