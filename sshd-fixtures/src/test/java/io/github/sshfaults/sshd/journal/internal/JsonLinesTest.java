package io.github.sshfaults.sshd.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.sshd.journal.CommandRun;
import io.github.sshfaults.sshd.journal.ConnectionAccepted;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** JSON Lines export: one valid object per line, whatever the strings hold. */
class JsonLinesTest {

  private static final Instant TIME = Instant.parse("2025-01-02T03:04:05.678Z");

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    JsonLines.string(out, text);
    return out.toString();
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(json("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
    assertThat(json("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
    // DEL and C1 controls need no escape in JSON, but a terminal showing the file would obey them.
    assertThat(json("\u0000\u001b\u001f\u007f\u009b\ufffd"))
        .isEqualTo("\"\\u0000\\u001b\\u001f\\u007f\\u009b\\ufffd\"");
  }

  @Test
  void escapesJavaScriptLineSeparatorsAndUnpairedSurrogatesButKeepsOtherUnicode() {
    assertThat(json("x\u2028y\u2029")).isEqualTo("\"x\\u2028y\\u2029\"");
    assertThat(json("\ud83d\ude00 caf\u00e9")).isEqualTo("\"\ud83d\ude00 caf\u00e9\"");
    assertThat(json("lone \ud83d and \ude00")).isEqualTo("\"lone \\ud83d and \\ude00\"");
    assertThat(json("\ud83d\ud83d\ude00")).isEqualTo("\"\\ud83d\ud83d\ude00\"");
    assertThat(json("lone \ud83d and \ude00").getBytes(StandardCharsets.UTF_8))
        .asString(StandardCharsets.UTF_8)
        .doesNotContain("?");
  }

  @Test
  void writesAnEventWithCommonFieldsFirstThenItsDetails() {
    CommandRun run =
        new CommandRun(
            7,
            TIME,
            2,
            "alice",
            "echo \"$HOME\"\n",
            OptionalInt.empty(),
            12,
            0,
            Duration.ofMillis(34));

    assertThat(JsonLines.event(run))
        .isEqualTo(
            "{\"sequence\":7,\"time\":\"2025-01-02T03:04:05.678Z\",\"connection\":2,\"type\":\"command\",\"user\":\"alice\",\"commandLine\":\"echo"
                + " \\\"$HOME\\\"\\n"
                + "\",\"exitCode\":null,"
                + "\"stdoutBytes\":12,\"stderrBytes\":0,\"durationMillis\":34}");
  }

  @Test
  void exportsAHeaderLineThenOneLinePerEvent() {
    RecordingJournal journal = new RecordingJournal(10);
    journal.describeAs("FakeSshHost[127.0.0.1:2222]");
    journal.record(
        1, (s, t, c) -> new ConnectionAccepted(s, t, c, new InetSocketAddress("127.0.0.1", 5555)));
    journal.record(1, (s, t, c) -> new ConnectionAccepted(s, t, c, null));

    String[] lines = journal.toJsonLines().split("\n", -1);

    assertThat(lines).hasSize(4);
    assertThat(lines[0])
        .isEqualTo(
            "{\"type\":\"journal\",\"host\":\"FakeSshHost[127.0.0.1:2222]\",\"capacity\":10,\"events\":2,\"dropped\":0}");
    assertThat(lines[1])
        .startsWith("{\"sequence\":1,")
        .endsWith("\"type\":\"connection-accepted\",\"peer\":\"127.0.0.1:5555\"}");
    assertThat(lines[2]).endsWith("\"peer\":null}");
    assertThat(lines[3]).isEmpty();
  }

  @Test
  void describesEventsOnOneReadableLine() {
    ConnectionAccepted accepted =
        new ConnectionAccepted(3, TIME, 1, new InetSocketAddress("127.0.0.1", 5555));

    assertThat(accepted)
        .hasToString("#3 03:04:05.678Z conn 1 connection-accepted peer=\"127.0.0.1:5555\"");
  }
}
