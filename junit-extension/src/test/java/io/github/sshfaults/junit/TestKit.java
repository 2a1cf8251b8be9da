package io.github.sshfaults.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs test classes through the Jupiter engine, as the lifecycle tests need. */
final class TestKit {

  private TestKit() {}

  static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  static Events tests(Class<?> testClass) {
    return run(testClass).testEvents();
  }

  /** The failure of the first failed event. */
  static Throwable firstFailure(Events events) {
    return events.failed().stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing failed"))
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  /** Every report entry published, keyed by test display name then entry key. */
  static Map<String, Map<String, String>> reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .collect(
            Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName(),
                TestKit::entriesOf,
                (a, b) -> {
                  Map<String, String> merged = new java.util.LinkedHashMap<>(a);
                  merged.putAll(b);
                  return merged;
                }));
  }

  private static Map<String, String> entriesOf(Event event) {
    return event
        .getPayload(ReportEntry.class)
        .map(ReportEntry::getKeyValuePairs)
        .orElseThrow()
        .entrySet()
        .stream()
        .filter(e -> Objects.nonNull(e.getValue()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
