package io.github.sshfaults.docs.guide;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.clients.HopFailedException;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.clients.SshTarget;
import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.FailureClassifier;
import io.github.sshfaults.concurrent.FailureKind;
import io.github.sshfaults.concurrent.RetryPolicy;
import io.github.sshfaults.concurrent.RunReport;
import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.ChannelOpenFailure;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.HostFaults;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.Trigger;
import io.github.sshfaults.junit.FakeHost;
import io.github.sshfaults.junit.FakeHostExtension;
import io.github.sshfaults.junit.HostRegistry;
import io.github.sshfaults.junit.SshFaultsTest;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.Shell;
import io.github.sshfaults.sshd.TunnelDestination;
import io.github.sshfaults.sshd.UserKey;
import io.github.sshfaults.sshd.assertions.SshFaultsAssertions;
import io.github.sshfaults.sshd.internal.server.ServerOptionsProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The rows of the guide's table of configuration errors, each with the call that provokes its
 * error. See {@link ConfigurationErrorsTest} for how to add one.
 */
final class ConfigurationErrorRows implements AutoCloseable {

  /**
   * Sites the source scan finds that are not configuration errors, each with the reason: internal
   * invariants, calls on a closed host or an ended test, failures at run time, and errors that
   * depend on what the class path holds. The key is the one {@link ConfigurationErrorsTest} prints.
   */
  static final Map<String, String> NOT_CONFIGURATION_ERRORS = new TreeMap<>();

  static {
    notConfiguration(
        "an internal invariant of the retry loop, which asks only from the second attempt on;"
            + " users cannot call it",
        "RetryPolicy.delayBefore: check(…, \"only attempts from the second on wait, but asked for"
            + " attempt …\")");
    notConfiguration(
        "the host key provider depends on the class path: with Bouncy Castle or eddsa present (as"
            + " here, through sshj) it cannot be provoked; fake-hosts.md documents it",
        "Keys.checkSupported: throw new IllegalStateException(\"host key type ED25519 needs an"
            + " Ed25519 provider that Apache MINA SSHD can use, and this class path has none: add"
            + " org.bouncycastle:bcprov-jdk18on or net.i2p.crypto:eddsa (test scope), or use"
            + " ECDSA_P256 or RSA\")",
        "Algorithms.factories: throw new IllegalStateException(\"algorithm set … needs …, which this"
            + " JVM's Apache MINA SSHD cannot run\")");
    notConfiguration(
        "the JVM lacks a standard algorithm: an environment failure, not a setting",
        "Keys.generateEcdsaP256: throw new IllegalStateException(\"This JVM cannot generate ECDSA"
            + " P-256 keys\", …)",
        "Keys.privateKeyOpenSsh: throw new IllegalStateException(\"Cannot encode the private key"
            + " of …\", …)",
        "Keys.generateEd25519: throw new IllegalStateException(\"This JVM cannot generate Ed25519"
            + " keys\", …)",
        "Keys.generateRsa3072: throw new IllegalStateException(\"This JVM cannot generate RSA"
            + " keys\", …)");
    notConfiguration(
        "a defensive check: the public API (or an earlier check) refuses the value first",
        "Condition.ConnectionRange.new: check(…, \"last connection index must be at least …, but"
            + " was …\")",
        "Condition.ConnectionRange.new: positive(…, \"connection index\")",
        "Credentials.checkMethods: throw new IllegalArgumentException(\"… must name at least one"
            + " method…\")",
        "FakeSshHost.Builder.start: checkState(…, \"algorithm set is not configured\")",
        "FaultSpec.validate: throw new IllegalArgumentException(\"… at … needs a byte count: call"
            + " afterBytes(n) with n above 0\")",
        "RandomGarbage.new: inRange(…, …, …, \"garbage length\")",
        "RecordingJournal.new: positive(…, \"journal capacity\")",
        "RequireAuthMethods.new: check(…, \"requireAuthMethods needs at least two methods, but was"
            + " …\")",
        "PlanNode.mapping: throw problem(\"expected a key that is a plain word, but found …\")",
        "PlanFile.plan: throw new PlanException(…, \"\", \"not valid YAML: …\", …) #2",
        "SshFaultsExtension.injectFields: throw new ExtensionConfigurationException(\"Cannot set"
            + " …\", …)");
    notConfiguration(
        "an internal invariant, not reachable from user input",
        "HostPlan.stub: throw new IllegalStateException(\"Cannot stub …\", …)",
        "HostPlan.stub: throw new IllegalStateException(\"Cannot stub …\", …) #2",
        "ModelAccess.installOnce: throw new IllegalStateException(\"a reader is installed"
            + " already\")",
        "NamedThreadFactory.new: notBlank(…, \"thread name prefix\")",
        "RecordingJournal.sftpOperation: notNegative(…, \"SFTP byte count\")",
        "RunReport.new: notNegative(…, \"elapsed\")",
        "SessionHooks.AfterAuthDecision.afterTheAnswer: throw new IllegalStateException(\"no hang"
            + " after authentication: …\")",
        "TextValues.call: throw new IllegalStateException(\"Cannot call …\", …)");
    notConfiguration(
        "a call at the wrong moment (after close, after the test ended), not a setting",
        "Execution.ClientSlot.client: throw new IllegalStateException(\"The client of this thread"
            + " was closed at a deadline\")",
        "Execution.ClientSlot.client: throw new IllegalStateException(\"The client of this thread"
            + " was closed at a deadline\") #2",
        "FakeHostExtension.host: checkState(…, \"The host of … is not available: it runs from"
            + " before all tests (static field) or before each test (instance field) until the"
            + " class or test ends\")",
        "HostRegistry.register: checkState(…, \"… is closed: its test or class has ended\")",
        "HostRegistry.start: checkState(…, \"… is closed: its test or class has ended\")",
        "HostScope.checkOpen: throw new IllegalStateException(\"The test or class this host would"
            + " belong to has ended, and closed its hosts; a host added now would never be"
            + " closed\")",
        "HostServer.restart: throw new IllegalStateException(\"the host is closed and cannot"
            + " restart\")",
        "OpenConnections.checkOpen: throw new IllegalStateException(\"… is closed\")",
        "Watchdog.timer: throw new IllegalStateException(\"… is closed\")",
        "Outcome.value: throw new IllegalStateException(\"The task on … did not succeed: …\", …)");
    notConfiguration(
        "tests of one class running at once on a shared host: needs a parallel run to provoke;"
            + " junit-lifecycle.md (Parallel execution) documents it",
        "HostLifecycle.beforeEach: throw new ExtensionConfigurationException(\"Shared host '…' (…)"
            + " is in use by another test running at the same time. Shared hosts are reset after"
            + " each test, so tests that share one must not run concurrently: annotate the class"
            + " with @Execution(ExecutionMode.SAME_THREAD), or give each test its own host\")");
    notConfiguration(
        "the standalone server's HTTP control interface answers these with status 400 and the"
            + " message; standalone-server.md documents the interface (not yet in this table)",
        "ControlServer.body: throw new IllegalArgumentException(\"the body is longer than …"
            + " bytes\")",
        "ControlServer.faults: throw new IllegalArgumentException(\"line …: …\", …)",
        "StandaloneServer.host: orElseThrow new IllegalArgumentException(\"no host …; the hosts"
            + " are …\")");
  }

  private static void notConfiguration(String reason, String... keys) {
    for (String key : keys) {
      NOT_CONFIGURATION_ERRORS.put(key, reason);
    }
  }

  /** A call that must fail. */
  interface Provocation {
    void run() throws Throwable;
  }

  /** One row of the table: where, what is wrong, the fix, and the call that shows the message. */
  static final class Row {
    private final String area;
    private final String where;
    private final String wrong;
    private final String fix;
    private final Provocation provocation;
    private final List<String[]> literals = new ArrayList<>();
    private final List<Object[]> patterns = new ArrayList<>();

    private boolean asThrown;

    /**
     * Shows the message of the exception the call threw rather than of the one the library raised
     * inside it: for the server's options, which picocli wraps in its own words.
     */
    Row asThrown() {
      asThrown = true;
      return this;
    }

    Row(String area, String where, String wrong, String fix, Provocation provocation) {
      this.area = area;
      this.where = where;
      this.wrong = wrong;
      this.fix = fix;
      this.provocation = provocation;
    }

    /** Shows {@code placeholder} instead of {@code value}, the user's input, in the message. */
    Row with(String placeholder, String value) {
      literals.add(new String[] {placeholder, value});
      return this;
    }

    /** Shows {@code placeholder} instead of what {@code regex} matches in the message. */
    Row matching(String placeholder, String regex) {
      patterns.add(new Object[] {placeholder, Pattern.compile(regex), true});
      return this;
    }

    /** As {@link #matching}, for a part that only some messages of the row's kind have. */
    Row matchingIfAny(String placeholder, String regex) {
      patterns.add(new Object[] {placeholder, Pattern.compile(regex), false});
      return this;
    }

    String area() {
      return area;
    }

    String where() {
      return where;
    }

    String wrong() {
      return wrong;
    }

    String fix() {
      return fix;
    }

    Throwable provoke() {
      try {
        provocation.run();
      } catch (Throwable error) {
        return error;
      }
      throw new AssertionError("raised no error");
    }

    /** The message of {@code error} with the user's input shown as placeholders. */
    String message(Throwable raised, Throwable thrown) {
      String message = String.valueOf((asThrown ? thrown : raised).getMessage());
      for (String[] literal : literals) {
        if (!Pattern.compile("(?<![\\w.])" + Pattern.quote(literal[1]) + "(?![\\w])")
          .matcher(message)
          .find()) {
          throw new AssertionError(
              "the message does not contain " + literal[1] + ": " + message);
        }
        // Whole values only: a 0 must not turn 1048576 into 1<size>48576.
        message =
            message.replaceAll(
                "(?<![\\w.])" + Pattern.quote(literal[1]) + "(?![\\w])",
                Matcher.quoteReplacement(literal[0]));
      }
      for (Object[] pattern : patterns) {
        Matcher matcher = ((Pattern) pattern[1]).matcher(message);
        if (!matcher.find()) {
          if (!(Boolean) pattern[2]) {
            continue;
          }
          throw new AssertionError(
              "the message has no match of " + pattern[1] + ": " + message);
        }
        message = matcher.replaceAll(Matcher.quoteReplacement((String) pattern[0]));
      }
      return message;
    }
  }

  private final Path temp;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();
  private String area;
  private FakeSshHost host;
  private int plans;

  ConfigurationErrorRows() throws IOException {
    temp = Files.createTempDirectory("sshfaults-configuration-errors");
    addRows();
  }

  List<Row> rows() {
    return rows;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
    try (var walk = Files.walk(temp)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private FakeSshHost host() {
    if (host == null) {
      host = FakeSshHost.builder().name("web").seed(7).start();
      opened.add(host);
    }
    return host;
  }

  private FakeSshHost closedHost() {
    FakeSshHost closed = FakeSshHost.builder().name("gone").seed(7).start();
    closed.close();
    return closed;
  }

  private void area(String name) {
    area = name;
  }

  private Row row(String where, String wrong, String fix, Provocation provocation) {
    Row row = new Row(area, where, wrong, fix, provocation);
    rows.add(row);
    return row;
  }

  /** A row for a plan file with {@code yaml} as its text; the table shows its path as file. */
  private Row plan(String where, String wrong, String fix, String yaml) {
    Path file = temp.resolve("plan-" + ++plans + ".yaml");
    write(file, yaml);
    return row(where, wrong, fix, () -> FakeSshHost.fromPlan(file))
        .with("plan.yaml", file.toString());
  }

  /** A row for the standalone server's options. */
  private Row server(String where, String wrong, String fix, String... args) {
    return row(where, wrong, fix, () -> ServerOptionsProbe.parse(args)).asThrown();
  }

  /** A row for a test class that misuses the JUnit extension; it runs through the test kit. */
  private Row junit(String where, String wrong, String fix, Class<?> testClass) {
    return row(
            where,
            wrong,
            fix,
            () -> {
              Optional<Throwable> failure =
                  EngineTestKit.engine("junit-jupiter")
                      .selectors(selectClass(testClass))
                      .execute()
                      .allEvents()
                      .failed()
                      .stream()
                      .map(Event::getPayload)
                      .flatMap(Optional::stream)
                      .map(p -> ((org.junit.platform.engine.TestExecutionResult) p).getThrowable())
                      .flatMap(Optional::stream)
                      .findFirst();
              if (failure.isPresent()) {
                throw failure.get();
              }
            })
        .matchingIfAny(
            "<element>",
            "(?<=, on )(parameter \\[.*?\\] at index \\d+ of [^)]*\\)|field \\S+?)(?=:|$)");
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------ the rows

  @SuppressWarnings("ResultOfMethodCallIgnored")
  private void addRows() {
    area("Fake host builder");
    row(
            "`FakeSshHost.builder().port(int)`",
            "port outside 0 to 65535",
            "Use 0 (any free port, the default) or a port from 1 to 65535.",
            () -> FakeSshHost.builder().port(70000))
        .with("<port>", "70000");
    row(
            "`FakeSshHost.builder().name(String)`",
            "blank name",
            "Leave the name out, or give one with letters or digits.",
            () -> FakeSshHost.builder().name(" "))
        .with("<name>", "\" \"");
    row(
            "`FakeSshHost.builder().journalCapacity(int)`",
            "capacity below 1",
            "Give 1 or more events (the default is `Journal.DEFAULT_CAPACITY`).",
            () -> FakeSshHost.builder().journalCapacity(0))
        .with("<capacity>", "0");
    row(
            "`FakeSshHost.builder().filesQuota(long)`",
            "quota outside 4 KiB to 1 TiB",
            "Give a quota from 4096 bytes to 1 TiB.",
            () -> FakeSshHost.builder().filesQuota(100))
        .with("<bytes>", "100");
    row(
            "`FakeSshHost.builder().bindAddress(String)`",
            "a blank address",
            "Give an IP address, or leave it out for 127.0.0.1.",
            () -> FakeSshHost.builder().bindAddress(" "))
        .with("<address>", "\" \"");
    row(
            "`FakeSshHost.builder().bindAddress(String)`",
            "a host name, or not an IP address",
            "Write an IP literal: `127.0.0.1`, `::1` or `0.0.0.0`.",
            () -> FakeSshHost.builder().bindAddress("localhost"))
        .with("<address>", "\"localhost\"");
    row(
            "`FakeSshHost.builder().authMethods(...)`",
            "a method named twice",
            "Name each method once, in the order the host offers them.",
            () -> FakeSshHost.builder().authMethods(AuthMethod.PASSWORD, AuthMethod.PASSWORD))
        .with("<methods>", "[PASSWORD, PASSWORD]");
    row(
            "`FakeSshHost.builder().authMethods(...)`",
            "`null` among the methods",
            "Leave the null out.",
            () -> FakeSshHost.builder().authMethods(AuthMethod.PASSWORD, (AuthMethod) null))
        .with("<methods>", "[PASSWORD, null]");
    row(
            "`FakeSshHost.builder().seed(...)` left out",
            "system property `sshfaults.seed` is not a whole number",
            "Set `-Dsshfaults.seed` to a long, as a failure report prints it, or leave it unset.",
            () -> {
              String before = System.getProperty(HostFaults.SEED_PROPERTY);
              System.setProperty(HostFaults.SEED_PROPERTY, "abc");
              try {
                FakeSshHost.builder().start().close();
              } finally {
                if (before == null) {
                  System.clearProperty(HostFaults.SEED_PROPERTY);
                } else {
                  System.setProperty(HostFaults.SEED_PROPERTY, before);
                }
              }
            })
        .with("<value>", "\"abc\"");
    row(
            "any call on a `FakeSshHost` after `close()`",
            "the host is closed",
            "Start a new host; a closed host cannot be used again.",
            () -> closedHost().faults().add(Fault.hang()))
        .matching("<host>", "(?<=add faults to ).*(?=: it is closed)");

    area("Users and keys");
    row(
            "`host.user(name, password)`",
            "blank user name",
            "Give a user name.",
            () -> host().user(" ", "s3cret"))
        .with("<name>", "\" \"");
    row(
            "`host.user(name, password)`",
            "empty password",
            "Give a password of at least one character, or declare a key instead.",
            () -> host().user("deploy", ""))
        .with("<user>", "\"deploy\"");
    row(
            "`host.authMethodsFor(user, ...)`",
            "blank user name",
            "Give the user's name.",
            () -> host().authMethodsFor(" ", AuthMethod.PASSWORD))
        .with("<name>", "\" \"");
    row(
            "`UserKey.generate(user)`",
            "blank user name",
            "Give the user's name.",
            () -> UserKey.generate(""))
        .with("<name>", "\"\"");
    row(
            "`host.user(name, key)`",
            "blank user name",
            "Give the user's name.",
            () -> host().user("", UserKey.generate("x").publicKey()))
        .with("<name>", "\"\"");

    row(
            "`SshLogin.password(user, password)`",
            "blank user name",
            "Give the user's name.",
            () -> SshLogin.password(" ", "s3cret"))
        .with("<user>", "\" \"");
    row(
            "`SshLogin.key(user, keyPair)`",
            "blank user name",
            "Give the user's name.",
            () -> SshLogin.key("", UserKey.generate("x").keyPair()))
        .with("<user>", "\"\"");
    row(
            "`SshLogin.password(user, password)`",
            "empty password",
            "Give the password the host expects.",
            () -> SshLogin.password("deploy", ""))
        .with("<user>", "\"deploy\"");
    row(
            "`SshLogin.key(user, keyPair)`",
            "a key pair without its private or public half",
            "Pass the whole key pair, as `UserKey.keyPair()` returns it.",
            () -> {
              java.security.KeyPair full = UserKey.generate("x").keyPair();
              SshLogin.key("deploy", new java.security.KeyPair(full.getPublic(), null));
            })
        .with("<user>", "\"deploy\"");
    row(
            "`SshLogin.withKnownHostsLine(line)`",
            "blank line",
            "Pass `host.knownHostsLine()`.",
            () -> SshLogin.password("deploy", "s3cret").withKnownHostsLine(" "))
        .with("<line>", "\" \"");
    row(
            "`SshLogin.withKnownHostsLine(line)`",
            "not a known_hosts line",
            "Pass `host.knownHostsLine()`, or a line `[127.0.0.1]:2222 ecdsa-sha2-nistp256 AAAA...`.",
            () -> SshLogin.password("deploy", "s3cret").withKnownHostsLine("web ssh-rsa"))
        .with("<line>", "\"web ssh-rsa\"");
    row(
            "`JschClientAdapter` with `SshLogin.key(...)`",
            "an Ed25519 key pair, which this adapter cannot hand to JSch",
            "Use an RSA or EC key pair (`UserKey.generate` makes EC P-256).",
            () -> {
              KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
              SshLogin login = SshLogin.key("deploy", generator.generateKeyPair());
              try (JschClientAdapter client = JschClientAdapter.factory().create()) {
                client.exec(host(), login, "true");
              }
            })
        .with("<algorithm>", "EdDSA");
    row(
            "`JschClientAdapter` with `SshLogin.key(...)`",
            "an EC key on a curve other than P-256, P-384 or P-521",
            "Use a key on P-256 (`UserKey.generate`), P-384 or P-521.",
            () -> {
              // Bouncy Castle (here through sshj) knows curves the JDK does not; not installed.
              KeyPairGenerator generator =
                  KeyPairGenerator.getInstance(
                      "EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
              generator.initialize(new java.security.spec.ECGenParameterSpec("secp224r1"));
              SshLogin login = SshLogin.key("deploy", generator.generateKeyPair());
              try (JschClientAdapter client = JschClientAdapter.factory().create()) {
                client.exec(host(), login, "true");
              }
            })
        .with("<bits>", "224");
    addCommandRows();
  }

  private void addCommandRows() {
    area("Command stubs");
    row(
            "`host.command(line)`",
            "blank command line",
            "Give the exact command line the client sends.",
            () -> host().command(" "))
        .with("<line>", "\" \"");
    row(
            "`host.commandGlob(glob)`, `Fault.forCommandGlob(glob)`, `Verification.ranCommandGlob`",
            "blank glob",
            "Give a glob such as `deploy *`.",
            () -> host().commandGlob(""))
        .with("<glob>", "\"\"");
    row(
            "`host.commandMatching(regex)`, `Fault.forCommandMatching(regex)`",
            "a regular expression that does not compile",
            "Fix the expression; it follows `java.util.regex.Pattern`.",
            () -> host().commandMatching("deploy ("))
        .with("<regex>", "\"deploy (\"")
        .matching("<why>", "(?<=does not compile: ).*$");
    row(
            "`stub.exitWith(code, stderr)`, `CommandResult.exit(code)`, `withExitCode(code)`",
            "exit code outside 0 to 255",
            "Give 0 to 255, as a real process can only exit with those.",
            () -> CommandResult.exit(256))
        .with("<code>", "256");

    area("Shells");
    row(
            "`host.shell(user, shell)`",
            "blank user name",
            "Give the user's name, or call `host.shell(shell)` for every user.",
            () -> host().shell(" ", Shell.prompt("$ ")))
        .with("<name>", "\" \"");
    row(
            "`shell.line(line)`, `shell.withLine(line, answer)`",
            "blank line",
            "Give the line the client types, without its line ending.",
            () -> Shell.prompt("$ ").line(" "))
        .with("<line>", "\" \"");
    row(
            "`shell.withExitLines(lines...)`",
            "no lines",
            "Give at least one line, such as `exit`.",
            () -> Shell.prompt("$ ").withExitLines())
        .with("<call>", "withExitLines");
    row(
            "`shell.withExitLines(lines...)`",
            "a blank line",
            "Leave blank lines out.",
            () -> Shell.prompt("$ ").withExitLines("exit", " "))
        .with("<call>", "withExitLines")
        .with("<line>", "\" \"");
    row(
            "`shell.withMode(line, mode)`",
            "blank line",
            "Give the line that enters the mode, such as `enable`.",
            () -> Shell.prompt("router> ").withMode(" ", Shell.prompt("router# ")))
        .with("<line>", "\" \"");
    row(
            "`shell.withPassword(password)`",
            "empty password",
            "Give a password of one character or more, or leave the call out.",
            () -> Shell.prompt("router# ").withPassword(""));
    row(
            "`shell.withPaging(pageLines)`, `withPaging(pageLines, more)`",
            "page length outside 0 to 100000",
            "Give the lines per page, such as 24, or 0 for no paging.",
            () -> Shell.prompt("router> ").withPaging(-1))
        .with("<lines>", "-1");
    row(
            "`shell.withPaging(pageLines, more)`",
            "empty paging prompt",
            "Give the marker the device writes, or call `withPaging(pageLines)` for the default.",
            () -> Shell.prompt("router> ").withPaging(24, ""));
    addFaultRows();
  }

  private void addFaultRows() {
    area("Faults and triggers");
    row(
            "`Fault.delay(Duration)`, `Delay.fixed(Duration)`",
            "zero or negative delay",
            "Give a delay longer than zero.",
            () -> Delay.fixed(Duration.ZERO))
        .with("<delay>", "PT0S");
    row(
            "`Delay.fixed(Duration)`",
            "delay longer than `Delay.LONGEST`",
            "Give at most `Delay.LONGEST`; for a host that never answers, use `Fault.hang()`.",
            () -> Delay.fixed(Duration.ofHours(2)))
        .with("<delay>", "120m");
    row(
            "`Delay.uniform(min, max)`",
            "negative minimum",
            "Give a minimum of zero or more.",
            () -> Delay.uniform(Duration.ofMillis(-1), Duration.ofMillis(5)))
        .with("<min>", "PT-0.001S");
    row(
            "`Delay.uniform(min, max)`",
            "maximum not above the minimum",
            "Give a maximum longer than the minimum; for one fixed delay use `Delay.fixed`.",
            () -> Delay.uniform(Duration.ofMillis(50), Duration.ofMillis(20)))
        .with("<min>", "50ms")
        .with("<max>", "20ms");
    row(
            "`Delay.lognormal(median, sigma)`",
            "zero or negative median",
            "Give a median longer than zero.",
            () -> Delay.lognormal(Duration.ZERO, 0.5))
        .with("<median>", "PT0S");
    row(
            "`Delay.lognormal(median, sigma)`",
            "sigma not in (0, 10]",
            "Give a sigma above 0 and at most 10; 0.5 is a typical spread.",
            () -> Delay.lognormal(Duration.ofMillis(20), 0))
        .with("<sigma>", "0.0");
    row(
            "`Fault.throttle(bytesPerSecond, chunkSize)`",
            "rate below 1",
            "Give 1 or more bytes per second.",
            () -> Fault.throttle(0, 1024))
        .with("<rate>", "0");
    row(
            "`Fault.throttle(bytesPerSecond, chunkSize)`",
            "chunk size outside 1 to 1 MiB",
            "Give a chunk size from 1 to 1048576 bytes.",
            () -> Fault.throttle(1024, 0))
        .with("<size>", "0");
    row(
            "`Fault.exitWith(code, stderr)`",
            "exit code outside 0 to 255",
            "Give 0 to 255.",
            () -> Fault.exitWith(-1, "boom"))
        .with("<code>", "-1");
    row(
            "`Fault.garbageBanner(text)`",
            "empty text",
            "Give some text, or call `garbageBanner()` for random bytes.",
            () -> Fault.garbageBanner(""));
    row(
            "`Fault.garbageBanner(bytes)`",
            "no bytes, or more than 65536",
            "Give 1 to 65536 bytes.",
            () -> Fault.garbageBanner(new byte[0]))
        .with("<count>", "0");
    row(
            "`Fault.garbageBanner(length)`",
            "a length outside 1 to 65536",
            "Give 1 to 65536.",
            () -> Fault.garbageBanner(0))
        .with("<length>", "0");
    row(
            "`Fault.shellNoise(text)`",
            "empty text",
            "Give the text the shell writes before its prompt, such as an escape sequence.",
            () -> Fault.shellNoise(""));
    row(
            "`Fault.limitChannels(max)`",
            "limit below 1",
            "Give 1 or more channels.",
            () -> Fault.limitChannels(0))
        .with("<max>", "0");
    row(
            "`Fault.limitSessions(max)`",
            "limit below 1",
            "Give 1 or more sessions.",
            () -> Fault.limitSessions(0))
        .with("<max>", "0");
    row(
            "`Fault.tooManyAuthFailures(maxTries)`",
            "tries below 1",
            "Give 1 or more tries.",
            () -> Fault.tooManyAuthFailures(0))
        .with("<tries>", "0");
    row(
            "`Fault.disconnectWithCode(code, message)`",
            "negative reason code",
            "Give a code from RFC 4253 §11.1 (1 to 15), or a `DisconnectReason`.",
            () -> Fault.disconnectWithCode(-2, "bye"))
        .with("<code>", "-2");
    row(
            "`DisconnectReason.of(code)`",
            "code outside 1 to 15",
            "Give a code from RFC 4253 §11.1, or use `Fault.disconnectWithCode` for any other.",
            () -> DisconnectReason.of(16))
        .with("<code>", "16");
    row(
            "`Fault.rejectChannelOpenWithCode(code)`",
            "negative reason code",
            "Give a code from RFC 4254 §5.1 (1 to 4), or a `ChannelOpenFailure`.",
            () -> Fault.rejectChannelOpenWithCode(-1))
        .with("<code>", "-1");
    row(
            "`ChannelOpenFailure.of(code)`",
            "code outside 1 to 4",
            "Give a code from RFC 4254 §5.1, or use `Fault.rejectChannelOpenWithCode` for any other.",
            () -> ChannelOpenFailure.of(9))
        .with("<code>", "9");
    row(
            "`SftpStatus.of(code)`",
            "code outside 1 to 15",
            "Give an SFTP status code from 1 to 15.",
            () -> SftpStatus.of(0))
        .with("<code>", "0");
    row(
            "`AuthMethod.of(name)`",
            "not a method name",
            "Give `password`, `publickey` or `keyboard-interactive`.",
            () -> AuthMethod.of("kerberos"))
        .with("<name>", "\"kerberos\"");
    row(
            "`Fault.requireAuthMethods(first, second, more...)`",
            "a method named twice",
            "Name each method once.",
            () -> Fault.requireAuthMethods(AuthMethod.PASSWORD, AuthMethod.PASSWORD))
        .with("<methods>", "[PASSWORD, PASSWORD]");
    row(
            "`Fault.requireAuthMethods(...).forUser(user)`",
            "a trigger on the user, which is unknown when the host offers its methods",
            "Leave the user trigger out; to vary by user, use `host.authMethodsFor(user, ...)`.",
            () -> Fault.requireAuthMethods(AuthMethod.PUBLIC_KEY, AuthMethod.PASSWORD)
                .forUser("deploy"))
        .matching("<trigger>", "^\\S+")
        .matching("<fault>", "(?<=cannot trigger ).*(?=: the host)");
    row(
            "`Fault.at(stage)`",
            "a stage where the effect cannot happen",
            "Pick one of the stages the message lists.",
            () -> Fault.exitWith(1, "boom").at(Stage.BANNER))
        .with("<fault>", "exitWith(1, \"boom\")");
    row(
            "`Fault.afterBytes(n)`",
            "negative byte count",
            "Give 0 (no cut) or more bytes.",
            () -> Fault.dropConnection().afterBytes(-1))
        .with("<n>", "-1");
    row(
            "`Fault.afterBytes(n)`",
            "a byte count for an effect or stage that counts no bytes",
            "Move the fault to a stage the message names with `at(...)` first, or leave the count out.",
            () -> Fault.hang().afterBytes(10))
        .with("<n>", "10");
    row(
            "`Fault.direction(direction)`",
            "a direction for an effect or stage without one",
            "Use `at(Stage.TRANSPORT)` or `at(Stage.FORWARDING)` first, with `throttle` or a cut.",
            () -> Fault.dropConnection().direction(Direction.FROM_CLIENT));
    row(
            "`Fault....after(duration)`",
            "a duration outside 0 to 1 day",
            "Give 0 to 1 day.",
            () -> Fault.dropConnection().at(Stage.AFTER_AUTH).after(Duration.ofDays(2)));
    row(
            "`Fault....after(duration)`",
            "an effect or stage without a moment to wait from",
            "Use `dropConnection()`, `resetConnection()` or `disconnect(...)`, `at(Stage.AFTER_AUTH)`"
                + " or `at(Stage.EXEC)`, and call `at` before `after`.",
            () -> Fault.dropConnection().after(Duration.ofSeconds(1)))
        .matching("<fault>", "(?<=does not apply to ).*?(?= at )")
        .matching("<stage>", "(?<= at )[A-Z_]+(?=;)");
    row(
            "`Fault.refuse().when(...)`",
            "a trigger on a refused connection",
            "Leave the trigger out; remove the fault (or `host.heal()`) to accept again.",
            () -> Fault.refuse().firstAttempts(2))
        .matching("<trigger>", "(?<=cannot have a trigger \\().*(?=\\): a refused)");
    row(
            "a trigger the stage cannot know (`forCommand` before a command, `forPath` outside SFTP)",
            "the trigger asks about something the stage has not seen yet",
            "Move the fault to a stage that knows it, as the message says.",
            () -> Fault.dropConnection().at(Stage.AFTER_AUTH).forCommand("deploy"));
    row(
            "`onConnection(index)` on `Trigger` or `Fault`",
            "index below 1",
            "Connections count from 1.",
            () -> Trigger.onConnection(0))
        .with("<index>", "0");
    row(
            "`firstConnections(count)`",
            "count below 1",
            "Give 1 or more.",
            () -> Trigger.firstConnections(0))
        .with("<count>", "0");
    row(
            "`fromConnection(index)` on `Trigger` or `Fault`",
            "index below 1",
            "Connections count from 1.",
            () -> Trigger.fromConnection(-3))
        .with("<index>", "-3");
    row(
            "`firstAttempts(count)`",
            "count below 1",
            "Give 1 or more; \"fail twice then succeed\" is `firstAttempts(2)`.",
            () -> Trigger.firstAttempts(0))
        .with("<count>", "0");
    row(
            "`everyNth(n)`",
            "n below 1",
            "Give 1 or more.",
            () -> Trigger.everyNth(0))
        .with("<n>", "0");
    row(
            "`atMost(count)`",
            "count below 1",
            "Give 1 or more firings; to disable a fault, remove it.",
            () -> Trigger.atMost(0))
        .with("<count>", "0");
    row(
            "`withProbability(p)`",
            "p outside 0.0 to 1.0",
            "Give a probability from 0.0 to 1.0.",
            () -> Trigger.withProbability(1.5))
        .with("<p>", "1.5");
    row(
            "`forUser(name)`",
            "blank user name",
            "Give the user's name.",
            () -> Trigger.forUser(" "))
        .with("<name>", "\" \"");
    row(
            "`forCommand(line)`",
            "blank command line",
            "Give the exact command line.",
            () -> Trigger.forCommand(""))
        .with("<line>", "\"\"");
    row(
            "`forSftp(actions...)`",
            "no actions",
            "Name one or more `SftpAction`s.",
            () -> Trigger.forSftp());
    row(
            "`forPath(path)`",
            "blank path",
            "Give an absolute path such as `/data/report.csv`.",
            () -> Trigger.forPath(" "))
        .with("<path>", "\" \"");
    row(
            "`forPath(path)`",
            "a relative or unnormalized path",
            "Write the absolute, normalized path the message suggests.",
            () -> Trigger.forPath("data/../report.csv"))
        .with("<path>", "\"data/../report.csv\"")
        .with("<normalized>", "\"/report.csv\"");
    row(
            "`forPathGlob(glob)`",
            "blank glob",
            "Give a glob such as `/data/**`.",
            () -> Trigger.forPathGlob(""))
        .with("<glob>", "\"\"");
    row(
            "`forPathGlob(glob)`",
            "a glob that does not start with / or *",
            "Start the glob with `/` (or `**` for any directory).",
            () -> Trigger.forPathGlob("data/*.csv"))
        .with("<glob>", "\"data/*.csv\"");
    row(
            "`forPathGlob(glob)`",
            "an unclosed `[`",
            "Close the character class with `]`.",
            () -> Trigger.forPathGlob("/data/[ab"))
        .with("<glob>", "\"/data/[ab\"")
        .with("<index>", "6");
    row(
            "`forPathGlob(glob)`",
            "an unclosed `{`",
            "Close the group with `}`.",
            () -> Trigger.forPathGlob("/data/{a,b"))
        .with("<glob>", "\"/data/{a,b\"")
        .with("<index>", "6");
    row(
            "`forPathGlob(glob)`",
            "a `{` inside another group",
            "Groups do not nest; write the alternatives in one group.",
            () -> Trigger.forPathGlob("/data/{a,{b,c}}"))
        .with("<glob>", "\"/data/{a,{b,c}}\"")
        .with("<index>", "9");
    row(
            "`forPathGlob(glob)`",
            "a `}` that closes no group",
            "Remove the `}` or open the group with `{`.",
            () -> Trigger.forPathGlob("/data/a}"))
        .with("<glob>", "\"/data/a}\"")
        .with("<index>", "7");
    row(
            "`host.faults().add(faults...)`",
            "no faults",
            "Pass one or more faults; `clear()` removes them all.",
            () -> host().faults().add());
    addFilesRows();
  }

  private void addFilesRows() {
    area("SFTP and files");
    row(
            "`host.files().write(path, ...)`, `read`, `list`, `mkdirs`, `delete`",
            "blank path",
            "Give a path on the host, such as `/data/report.csv`.",
            () -> host().files().write(" ", "x"))
        .with("<path>", "\" \"");
    row(
            "`host.files().exists(path)`",
            "blank path",
            "Give a path on the host.",
            () -> host().files().exists(""))
        .with("<path>", "\"\"");
    row(
            "`host.files().write(path, ...)`",
            "the path is a directory",
            "Write to a file path below the directory.",
            () -> host().files().mkdirs("/data").write("/data", "x"))
        .with("<path>", "\"/data\"");
    row(
            "`host.files().read(path)`",
            "no such file",
            "Write the file first, or check the path; the message lists the files there are.",
            () -> host().files().read("/missing.txt"))
        .with("<path>", "\"/missing.txt\"")
        .matching("<files>", "(?<=on the host; ).*$");
    row(
            "`host.files().list(dir)`",
            "no such directory",
            "Create it with `mkdirs`, or check the path.",
            () -> host().files().list("/nowhere"))
        .with("<dir>", "\"/nowhere\"")
        .matching("<files>", "(?<=on the host; ).*$");
    row(
            "`host.files().mkdirs(dir)`",
            "a file stands where a directory should be",
            "Delete the file first, or choose another path.",
            () -> host().files().write("/file.txt", "x").mkdirs("/file.txt/sub"))
        .with("<dir>", "\"/file.txt/sub\"")
        .matching("<why>", "(?<=: ).*$");
    row(
            "`host.files().delete(\"/\")`",
            "deleting the root",
            "Delete the entries of `/` one by one.",
            () -> host().files().delete("/"));
    addTunnelRows();
  }

  private void addTunnelRows() {
    area("Tunnels");
    row(
            "`host.allowForwarding(user, destination...)`",
            "blank user name",
            "Give the name of the user who opens the tunnels.",
            () -> host().allowForwarding(" ", TunnelDestination.socket(5432)))
        .with("<name>", "\" \"");
    row(
            "`TunnelDestination.socket(address)`",
            "an address other than 127.0.0.1 or ::1 (a wildcard, a name), or port 0",
            "Bind the test's socket to loopback and pass its address, or call"
                + " `TunnelDestination.socket(port)`.",
            () -> TunnelDestination.socket(new InetSocketAddress(5432)))
        .with("<address>", new InetSocketAddress(5432).toString());
    row(
            "`TunnelDestination.socket(port)`",
            "port outside 1 to 65535",
            "Give the port the test's socket listens on (`getLocalPort()`).",
            () -> TunnelDestination.socket(0))
        .with("<port>", "0");
    row(
            "`host.allowRemoteForwarding(user)`",
            "blank user name",
            "Give the name of the user who asks for remote forwarding.",
            () -> host().allowRemoteForwarding(" "))
        .with("<name>", "\" \"");
    addJournalRows();
  }

  private void addJournalRows() {
    area("Journal, verification and assertions");
    row(
            "`journal.tail(n)`",
            "negative n",
            "Give 0 or more.",
            () -> host().journal().tail(-1))
        .with("<n>", "-1");
    row(
            "`journal.describeTail(n)`",
            "negative n",
            "Give 0 or more.",
            () -> host().journal().describeTail(-1))
        .with("<n>", "-1");
    row(
            "`journal.awaitConnections(n)`, `awaitCommands(n)`, `await(type, n, timeout)`",
            "n below 1",
            "Give 1 or more events to wait for.",
            () -> host().journal().awaitConnections(0))
        .with("<n>", "0");
    row(
            "`times(n)`",
            "negative count",
            "Give 0 or more; `never()` is 0.",
            () -> SshFaultsAssertions.times(-1))
        .with("<n>", "-1");
    row(
            "`atLeast(n)`",
            "negative count",
            "Give 0 or more.",
            () -> SshFaultsAssertions.atLeast(-1))
        .with("<n>", "-1");
    row(
            "`atMost(n)`",
            "negative count",
            "Give 0 or more.",
            () -> SshFaultsAssertions.atMost(-1))
        .with("<n>", "-1");
    row(
            "`verify(host).ranCommand(line)`",
            "blank command line",
            "Give the exact command line.",
            () -> SshFaultsAssertions.verify(host()).ranCommand(" "))
        .with("<line>", "\" \"");
    row(
            "`verify(host).authenticated(user)`",
            "blank user name",
            "Give the user's name.",
            () -> SshFaultsAssertions.verify(host()).authenticated(""))
        .with("<name>", "\"\"");
    row(
            "`verify(host).rejectedLogin(user)`",
            "blank user name",
            "Give the user's name.",
            () -> SshFaultsAssertions.verify(host()).rejectedLogin(""))
        .with("<name>", "\"\"");
    row(
            "`verify(host).sftp(action, path)`",
            "blank path",
            "Give the path on the host.",
            () -> SshFaultsAssertions.verify(host()).sftp(io.github.sshfaults.faults.SftpAction.READ, ""))
        .with("<path>", "\"\"");
    row(
            "`verify(host).downloaded(path)`, `uploaded(path)`",
            "blank path",
            "Give the path on the host.",
            () -> SshFaultsAssertions.verify(host()).downloaded(""))
        .with("<path>", "\"\"");
    row(
            "`verify(host).symlinked(link, target)`, `hardlinked(link, target)`",
            "blank link path",
            "Give the link's path.",
            () -> SshFaultsAssertions.verify(host()).symlinked(" ", "/a"))
        .with("<path>", "\" \"");
    row(
            "`verify(host).symlinked(link, target)`, `hardlinked(link, target)`",
            "blank target",
            "Give the target's path.",
            () -> SshFaultsAssertions.verify(host()).symlinked("/a", " "))
        .with("<path>", "\" \"");
    row(
            "`verify(host).recorded(type, description, predicate)`",
            "blank description",
            "Describe what the predicate looks for; failure messages show it.",
            () -> SshFaultsAssertions.verify(host())
                .recorded(io.github.sshfaults.sshd.journal.CommandRun.class, " ", e -> true))
        .with("<description>", "\" \"");
    row(
            "`assertThat(host).hasFile(path)`, `doesNotHaveFile(path)`",
            "blank path",
            "Give the path on the host.",
            () -> SshFaultsAssertions.assertThat(host()).hasFile(" "))
        .with("<path>", "\" \"");
    row(
            "`SshAwait.atMost(timeout)`",
            "zero or negative timeout",
            "Give a timeout longer than zero.",
            () -> SshAwait.atMost(Duration.ZERO))
        .with("<timeout>", "PT0S");
    row(
            "`SshAwait.withPollInterval(interval)`",
            "zero or negative interval",
            "Give an interval longer than zero.",
            () -> SshAwait.await().withPollInterval(Duration.ZERO))
        .with("<interval>", "PT0S");
    row(
            "`SshAwait.until(description, ...)`",
            "blank description",
            "Describe what is awaited; the timeout message shows it.",
            () -> SshAwait.await().until(" ", () -> true))
        .with("<description>", "\" \"");
    addConcurrentRows();
  }

  private void addConcurrentRows() {
    area("Concurrent helper and client adapters");
    row(
            "`ConcurrentSsh.withThreads(n)`",
            "n outside 1 to `MAX_THREADS`",
            "Give 1 to `ConcurrentSsh.MAX_THREADS` threads.",
            () -> ConcurrentSsh.create().withThreads(0))
        .with("<n>", "0");
    row(
            "`ConcurrentSsh.withName(name)`",
            "blank name",
            "Give a name such as `uptime`.",
            () -> ConcurrentSsh.create().withName(" "))
        .with("<name>", "\" \"");
    row(
            "`ConcurrentSsh.withName(name)`",
            "white space in the name",
            "Use a name without spaces, as it goes into thread names.",
            () -> ConcurrentSsh.create().withName("nightly run"))
        .with("<name>", "\"nightly run\"");
    row(
            "`withRunDeadline`, `withTaskDeadline`, `withCleanupTimeout`",
            "zero or negative duration",
            "Give a duration longer than zero.",
            () -> ConcurrentSsh.create().withRunDeadline(Duration.ZERO))
        .with("<what>", "run deadline")
        .with("<duration>", "PT0S");
    row(
            "`withRunDeadline`, `withTaskDeadline`, `withCleanupTimeout`",
            "longer than `ConcurrentSsh.MAX_DEADLINE`",
            "Give at most `ConcurrentSsh.MAX_DEADLINE`.",
            () -> ConcurrentSsh.create().withTaskDeadline(Duration.ofDays(2)))
        .with("<what>", "task deadline")
        .with("<duration>", "PT48H");
    row(
            "`ConcurrentSsh.run(targets, clientFactory, task)`",
            "the client factory returned null",
            "Return a client from `create()`; the run records this as each target's failure.",
            () -> {
              RunReport<String, String> report =
                  ConcurrentSsh.create().run(List.of("a"), () -> null, (client, t) -> t);
              throw report.outcomes().get(0).failure().orElseThrow();
            });
    row(
            "`RetryPolicy.withMaxAttempts(n)`",
            "n outside 1 to `RetryPolicy.MAX_ATTEMPTS`",
            "Give 1 (no retry) to `RetryPolicy.MAX_ATTEMPTS`.",
            () -> RetryPolicy.on(FailureKind.DISCONNECTED).withMaxAttempts(0))
        .with("<n>", "0");
    row(
            "`RetryPolicy.withBackoff(delay)`",
            "negative delay",
            "Give zero or a longer delay.",
            () -> RetryPolicy.on(FailureKind.DISCONNECTED).withBackoff(Duration.ofMillis(-1)))
        .with("<delay>", "PT-0.001S");
    row(
            "`RetryPolicy.withBackoff(delay)`",
            "delay above the longest backoff",
            "Give at most the longest backoff the message names.",
            () -> RetryPolicy.on(FailureKind.DISCONNECTED).withBackoff(Duration.ofHours(5)))
        .with("<delay>", "PT5H");
    row(
            "`RetryPolicy.withBackoffMultiplier(factor)`",
            "factor outside 1.0 to 10.0",
            "Give 1.0 (constant) to 10.0.",
            () -> RetryPolicy.on(FailureKind.DISCONNECTED).withBackoffMultiplier(0.5))
        .with("<factor>", "0.5");
    row(
            "`report.slowest(n)`",
            "negative n",
            "Give 0 or more.",
            () -> ConcurrentSsh.create().run(List.of("a"), t -> t).slowest(-1))
        .with("<n>", "-1");
    row(
            "`FailureClassifier.byTypeName(name, kind)`",
            "blank class name",
            "Give the exception's fully qualified class name.",
            () -> FailureClassifier.byTypeName(" ", FailureKind.AUTH))
        .with("<name>", "\" \"");
    row(
            "`FailureClassifier.byMessage(fragment, kind)`",
            "empty fragment",
            "Give a part of the message to look for.",
            () -> FailureClassifier.byMessage("", FailureKind.AUTH));
    row(
            "`SshTarget.of(name, host, port)`",
            "blank name",
            "Give a name, or use `SshTarget.of(host, port)`.",
            () -> SshTarget.of(" ", "127.0.0.1", 22))
        .with("<name>", "\" \"");
    row(
            "`SshTarget.of(host, port)`",
            "blank host",
            "Give a host name or address.",
            () -> SshTarget.of("", 22))
        .with("<host>", "\"\"");
    row(
            "`SshTarget.of(host, port)`",
            "port outside 1 to 65535",
            "Give the port the host listens on.",
            () -> SshTarget.of("127.0.0.1", 0))
        .with("<port>", "0");
    row(
            "`target.withJumpHost(bastion, login)`",
            "a target already reached through a jump host",
            "Reach the inner host through the last bastion only.",
            () ->
                SshTarget.of("web", "127.0.0.1", 22)
                    .withJumpHost(SshTarget.of("bastion", "127.0.0.1", 2200), SshLogin.password("deploy", "s3cret"))
                    .withJumpHost(SshTarget.of("outer", "127.0.0.1", 2201), SshLogin.password("deploy", "s3cret")));
    row(
            "`target.withJumpHost(bastion, login)`",
            "a bastion itself reached through a jump host",
            "Reach the inner host through the last bastion only.",
            () ->
                SshTarget.of("web", "127.0.0.1", 22)
                    .withJumpHost(
                        SshTarget.of("bastion", "127.0.0.1", 2200)
                            .withJumpHost(SshTarget.of("outer", "127.0.0.1", 2201), SshLogin.password("deploy", "s3cret")),
                        SshLogin.password("deploy", "s3cret")));
    row(
            "`new HopFailedException(hop, target, cause)`",
            "a target without a jump host",
            "Give the target the task ran on, made with `withJumpHost`.",
            () ->
                new HopFailedException(
                    HopFailedException.Hop.INNER_HOST,
                    SshTarget.of("web", "127.0.0.1", 22),
                    new java.io.IOException("cut")));
    row(
            "`MinaClientAdapter.factory(timeout)`, `JschClientAdapter.factory(timeout)`, `SshjClientAdapter.factory(timeout)`",
            "zero or negative timeout",
            "Give a timeout longer than zero.",
            () -> MinaClientAdapter.factory(Duration.ZERO))
        .with("<timeout>", "PT0S");
    row(
            "`MinaClientAdapter.factory(timeout)`, `JschClientAdapter.factory(timeout)`, `SshjClientAdapter.factory(timeout)`",
            "timeout under 1 ms or above the longest",
            "Give 1 ms up to the longest the message names.",
            () -> SshjClientAdapter.factory(Duration.ofNanos(10)))
        .with("<timeout>", "PT0.00000001S");
    for (String client : List.of("Mina", "Jsch", "Sshj")) {
      row(
              "`" + client + "ClientAdapter.exec(target, login, command)`",
              "blank command",
              "Give the command line to run.",
              () -> adapter(client).exec(host(), SshLogin.password("u", "p"), " "))
          .with("<command>", "\" \"");
      row(
              "`" + client + "ClientAdapter.download(target, login, path)`",
              "blank path",
              "Give the path on the host.",
              () -> adapter(client).download(host(), SshLogin.password("u", "p"), " "))
          .with("<path>", "\" \"");
      row(
              "`" + client + "ClientAdapter.upload(target, login, path, bytes)`",
              "blank path",
              "Give the path on the host.",
              () -> adapter(client).upload(host(), SshLogin.password("u", "p"), "", new byte[0]))
          .with("<path>", "\"\"");
      row(
              "`" + client + "ClientAdapter.list(target, login, directory)`",
              "blank directory",
              "Give the directory on the host.",
              () -> adapter(client).list(host(), SshLogin.password("u", "p"), " "))
          .with("<directory>", "\" \"");
    }
    addPlanRows();
  }

  private io.github.sshfaults.clients.SshClientAdapter adapter(String client) throws Exception {
    io.github.sshfaults.clients.SshClientAdapter adapter =
        switch (client) {
          case "Mina" -> MinaClientAdapter.factory().create();
          case "Jsch" -> JschClientAdapter.factory().create();
          default -> SshjClientAdapter.factory().create();
        };
    opened.add(adapter);
    return adapter;
  }

  private void addPlanRows() {
    area("Plan files");
    row(
            "`FakeSshHost.fromPlan(path)`, `--plan`",
            "no such file",
            "Check the path; relative paths start at the working directory.",
            () -> FakeSshHost.fromPlan(temp.resolve("missing.yaml")))
        .with("missing.yaml", temp.resolve("missing.yaml").toString());
    Path binary = temp.resolve("binary.yaml");
    try {
      Files.write(binary, new byte[] {'h', 'o', (byte) 0xff, (byte) 0xfe});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    row(
            "plan file",
            "not UTF-8 text",
            "Save the plan as UTF-8.",
            () -> FakeSshHost.fromPlan(binary))
        .with("binary.yaml", binary.toString());
    Path folder = temp.resolve("a-folder.yaml");
    write(folder.resolve("x"), "");
    row(
            "plan file",
            "a folder, or unreadable",
            "Give the path of the plan file itself.",
            () -> FakeSshHost.fromPlan(folder))
        .with("a-folder.yaml", folder.toString())
        .matching("<why>", "(?<=cannot be read: ).*$");
    plan("plan file", "not YAML", "Fix the YAML at the line the message names.", "hosts: [web\n")
        .matching("<problem>", "(?<=not valid YAML: ).*$");
    plan("plan file", "empty", "Describe at least one host under `hosts:`.", "");
    plan("plan file", "no `hosts`", "Put the hosts under `hosts:`.", "# nothing\n{}\n");
    plan("`hosts`", "no host", "Name at least one host.", "hosts: {}\n");
    plan(
            "`hosts.<name>`",
            "a host name with other characters",
            "Use letters, digits, `.`, `_` or `-`, starting with a letter or digit.",
            "hosts:\n  -web: {}\n")
        .with("<name>", "\"-web\"");
    plan(
            "any mapping of the plan",
            "an unknown key",
            "Use one of the keys the message lists (see standalone-server.md).",
            "hosts:\n  web:\n    sed: 1\n")
        .with("<key>", "\"sed\"");
    plan(
            "any mapping of the plan",
            "a key given twice",
            "Give each key once.",
            "hosts:\n  web:\n    seed: 1\n    seed: 2\n")
        .with("<key>", "\"seed\"");
    plan(
            "any mapping of the plan",
            "something else where a mapping belongs",
            "Write `key: value` lines, indented under their parent.",
            "hosts:\n  web:\n    users: [deploy]\n")
        .matching("<found>", "(?<=but found ).*$");
    plan(
            "`hosts.<name>.commands`, `faults`, `auth-methods`",
            "not a list",
            "Write one item per line, each starting with `- `.",
            "hosts:\n  web:\n    faults: hang\n")
        .matching("<found>", "(?<=but found ).*$");
    plan(
            "`users.<name>.password`, `commands[].stdout` and other text",
            "not text",
            "Write the value as text; quote it if YAML reads it otherwise.",
            "hosts:\n  web:\n    users:\n      deploy:\n        password: [a]\n")
        .matching("<found>", "(?<=but found ).*$");
    plan(
            "`seed`, `files-quota`, `exit-code`",
            "not a whole number in range",
            "Give a whole number in the range the message names.",
            "hosts:\n  web:\n    files-quota: 12\n")
        .with("<value>", "\"12\"");
    plan(
            "`accept-any-credentials`",
            "not true or false",
            "Write `true` or `false`.",
            "hosts:\n  web:\n    accept-any-credentials: maybe\n")
        .with("<value>", "\"maybe\"");
    plan(
            "`algorithms`, `host-key-type`",
            "not one of the names",
            "Use one of the names the message lists.",
            "hosts:\n  web:\n    algorithms: fastest\n")
        .with("<value>", "\"fastest\"");
    plan(
            "`seed`, `files-quota`, `exit-code` and other plain values",
            "a list or mapping where a plain value belongs",
            "Write a plain value.",
            "hosts:\n  web:\n    seed: [1]\n")
        .matching("<found>", "(?<=but found ).*$");
    plan(
            "`accept-any-credentials` with `users`",
            "both",
            "Use one or the other.",
            "hosts:\n  web:\n    accept-any-credentials: true\n    users:\n"
                + "      deploy: {password: s3cret}\n");
    plan(
            "`users`",
            "a blank user name",
            "Name the user.",
            "hosts:\n  web:\n    users:\n      ' ': {password: s3cret}\n");
    plan(
            "`users.<name>`",
            "neither password nor authorized-keys",
            "Give a password, an authorized-keys file, or both.",
            "hosts:\n  web:\n    users:\n      deploy: {}\n");
    plan(
            "`users.<name>.password`",
            "empty",
            "Give a password of one character or more.",
            "hosts:\n  web:\n    users:\n      deploy: {password: ''}\n");
    plan(
            "`users.<name>.authorized-keys`",
            "no such file",
            "Give the path of an authorized_keys file, relative to the plan's folder.",
            "hosts:\n  web:\n    users:\n      deploy: {authorized-keys: keys.pub}\n")
        .matching("<file>", "(?<=no such file )\\S+")
        .matching("<hint>", "(?<=<file>).*$");
    Path emptyKeys = temp.resolve("empty.pub");
    write(emptyKeys, "# no keys here\n");
    plan(
            "`users.<name>.authorized-keys`",
            "a file without keys",
            "Put one public key per line, as OpenSSH's `authorized_keys`.",
            "hosts:\n  web:\n    users:\n      deploy: {authorized-keys: empty.pub}\n")
        .with("<file>", emptyKeys.toString());
    Path badKeys = temp.resolve("bad.pub");
    write(badKeys, "ssh-rsa !!!notbase64 me@laptop\n");
    plan(
            "`users.<name>.authorized-keys`",
            "a line that is not a key",
            "Copy the line from the `.pub` file unchanged.",
            "hosts:\n  web:\n    users:\n      deploy: {authorized-keys: bad.pub}\n")
        .with("<file>", badKeys.toString())
        .matching("<why>", "(?<=authorized keys \\(OpenSSH's one key per line\\): ).*$");
    Path unknownKeys = temp.resolve("unknown.pub");
    write(unknownKeys, "ssh-foo AAAAB3NzaC1yc2EAAAADAQABAAAAgQ== me@laptop\n");
    plan(
            "`users.<name>.authorized-keys`",
            "a key of a type the host cannot use",
            "Use an ssh-rsa or ecdsa-sha2-nistp256/384/521 key.",
            "hosts:\n  web:\n    users:\n      deploy: {authorized-keys: unknown.pub}\n")
        .with("<file>", unknownKeys.toString())
        .matching("<why>", "(?<=<file>: ).*(?=; keys of type)");
    plan(
            "`auth-methods`",
            "an empty list",
            "Name one or more methods.",
            "hosts:\n  web:\n    auth-methods: []\n");
    plan(
            "`auth-methods`",
            "a method named twice",
            "Name each method once.",
            "hosts:\n  web:\n    auth-methods: [password, password]\n");
    plan(
            "`auth-methods`",
            "not a method",
            "Use `password`, `publickey` or `keyboard-interactive`.",
            "hosts:\n  web:\n    auth-methods: [kerberos]\n")
        .with("<value>", "\"kerberos\"");
    plan(
            "`commands[]`",
            "no matcher, or several",
            "Give exactly one of `command`, `command-glob`, `command-matching`.",
            "hosts:\n  web:\n    commands:\n      - stdout: hi\n");
    plan(
            "`commands[].command-matching`",
            "a regular expression that does not compile",
            "Fix the expression; it follows `java.util.regex.Pattern`.",
            "hosts:\n  web:\n    commands:\n      - command-matching: 'deploy ('\n")
        .matching("<why>", "(?<=does not compile: ).*$");
    plan(
            "`files`",
            "no such folder",
            "Give a folder, relative to the plan's folder.",
            "hosts:\n  web:\n    files: nowhere\n")
        .with("<folder>", temp.resolve("nowhere").toString());
    plan(
            "`faults[]`",
            "a mapping where a fault text belongs",
            "Quote the whole fault, as the message shows.",
            "hosts:\n  web:\n    faults:\n      - exit-with 1 error: disk full\n");
    plan(
            "`faults[]`, `--fault`",
            "a fault the Java API refuses",
            "Fix the fault as the message says; the text form takes the Java API's words.",
            "hosts:\n  web:\n    faults:\n      - exit-with 300 boom\n");
    plan(
            "`hosts.<name>.shell`, `users.<name>.shell`, a mode of `modes`",
            "no prompt",
            "Give the prompt, such as `prompt: \"router> \"`.",
            "hosts:\n  web:\n    shell: {motd: hello}\n");
    plan(
            "`shell.more`",
            "without `paging`",
            "Give `paging: <lines per page>` too, or leave `more` out.",
            "hosts:\n  web:\n    shell: {prompt: '> ', more: '-- More --'}\n");
    plan(
            "`shell.lines[]`",
            "no matcher, or several",
            "Give exactly one of `line`, `line-glob`, `line-matching`.",
            "hosts:\n  web:\n    shell:\n      prompt: '> '\n      lines:\n        - stdout: hi\n");
    plan(
            "`shell.exit-lines`, `return-lines`, `paging-off-lines`",
            "an empty list, or a blank line",
            "Give one line or more, none blank.",
            "hosts:\n  web:\n    shell: {prompt: '> ', exit-lines: []}\n");
    plan(
            "`shell.password`, `more`, `modes` and the other fields",
            "a value `Shell` refuses",
            "Fix the value as the message says; the fields take the words of `Shell`'s calls.",
            "hosts:\n  web:\n    shell: {prompt: '> ', password: ''}\n");
    Path two = temp.resolve("two.yaml");
    write(two, "hosts:\n  web: {}\n  db: {}\n");
    row(
            "`FakeSshHost.fromPlan(path)`, `@FakeHost(plan)`",
            "the plan has several hosts",
            "Name the host with `builder().plan(path, name)` or `@FakeHost(plan, name)`, or use"
                + " `allFromPlan`.",
            () -> FakeSshHost.fromPlan(two))
        .with("two.yaml", two.toString());
    row(
            "`FakeSshHost.builder().plan(path, name)`",
            "no host of that name",
            "Use one of the names the message lists.",
            () -> FakeSshHost.builder().plan(two, "mail"))
        .with("two.yaml", two.toString());
    addFaultTextRows();
  }

  private void addFaultTextRows() {
    area("Faults in text (plan files, --fault, the control interface)");
    plan(
            "`faults[]`, `--fault`",
            "empty fault text",
            "Write a fault, as the message shows.",
            "hosts:\n  web:\n    faults:\n      - ''\n")
        .matching("<factories>", "(?<=the factories are ).*$");
    plan(
            "`faults[]`, `--fault`",
            "an unknown fault",
            "Use a factory the message lists; the words are the Java calls in kebab case.",
            "hosts:\n  web:\n    faults:\n      - drop-conection\n")
        .matching("<factories>", "(?<=the factories are ).*$");
    plan(
            "`faults[]`, `--fault`",
            "an unknown modifier, or one without `=`",
            "Use `name=value` with a modifier the message lists.",
            "hosts:\n  web:\n    faults:\n      - hang frist-attempts=2\n")
        .matching("<modifiers>", "(?<=the modifiers are ).*$");
    plan(
            "`faults[]`, `--fault`",
            "an unclosed quote",
            "Close the quote.",
            "hosts:\n  web:\n    faults:\n      - 'exit-with 1 \"boom'\n");
    plan(
            "`faults[]`, `--fault`",
            "a backslash at the end",
            "Finish the escape, or double the backslash.",
            "hosts:\n  web:\n    faults:\n      - 'exit-with 1 \"boom\\'\n");
    plan(
            "`faults[]`, `--fault`",
            "an unknown escape",
            "Use one of the escapes the message lists.",
            "hosts:\n  web:\n    faults:\n      - 'exit-with 1 \"bo\\qm\"'\n");
    plan(
            "`faults[]`, `--fault`",
            "a value of the wrong kind",
            "Write the value as the message says.",
            "hosts:\n  web:\n    faults:\n      - hang first-attempts=two\n");
    plan(
            "`faults[]`, `--fault`",
            "the wrong number of arguments",
            "Give the arguments the message lists.",
            "hosts:\n  web:\n    faults:\n      - exit-with 1 boom extra\n");
    addServerRows();
  }

  private void addServerRows() {
    area("Standalone server options");
    server(
            "`--hosts N`",
            "N outside 1 to 1000",
            "Give 1 to 1000 hosts.",
            "--hosts", "0")
        .with("<n>", "0");
    server(
            "`--name NAME`",
            "other characters",
            "Use letters, digits, `.`, `_` or `-`, starting with a letter or digit.",
            "--name", "web/1")
        .with("<name>", "\"web/1\"");
    server("`--port`, `--control-port`", "outside 0 to 65535", "Give 0 (any free port) to 65535.",
            "--port", "70000")
        .with("<port>", "70000");
    server("`--bind`", "not an IP address", "Write an IP literal such as `127.0.0.1`.",
            "--bind", "localhost")
        .with("<address>", "\"localhost\"");
    server("`--files-quota`", "outside 4 KiB to 1 TiB", "Give 4096 bytes to 1 TiB.",
            "--files-quota", "100")
        .with("<bytes>", "100");
    server("`--files DIR`", "not a folder", "Give an existing folder.",
            "--files", temp.resolve("nowhere").toString())
        .with("<dir>", temp.resolve("nowhere").toString());
    server("`--user NAME`", "blank name", "Give the user's name.", "--user", " ");
    server("`--password`", "empty", "Give a password.", "--user", "deploy", "--password", "");
    server("`--password`, `--authorized-keys`", "before any `--user`",
            "Write `--user NAME` before it.", "--password", "s3cret")
        .with("<option>", "--password");
    server("`--user NAME`", "neither `--password` nor `--authorized-keys` after it",
            "Give one or both after the user.", "--user", "deploy")
        .with("<user>", "deploy");
    server("`--authorized-keys FILE`", "no such file, or no keys in it",
            "Give an authorized_keys file.",
            "--user", "deploy", "--authorized-keys", temp.resolve("missing.pub").toString())
        .with("<file>", temp.resolve("missing.pub").toString())
        .matching("<why>", "(?<=<file>: ).*$");
    server("`--accept-any-credentials` with `--user`", "both", "Use one or the other.",
            "--accept-any-credentials", "--user", "deploy", "--password", "s3cret");
    server("`--stdout`, `--stderr`, `--exit-code`", "before any stub",
            "Write `--command`, `--command-glob` or `--command-matching` before it.",
            "--stdout", "hi")
        .with("<option>", "--stdout");
    server("`--exit-code`", "outside 0 to 255", "Give 0 to 255.",
            "--command", "x", "--exit-code", "300")
        .with("<code>", "300");
    server("`--algorithms`, `--host-key-type`", "not one of the names",
            "Use one of the names the message lists.", "--algorithms", "fastest")
        .with("<value>", "\"fastest\"");
    server("`--fault TEXT`", "a fault the text form refuses",
            "Fix the fault as the message says (see \"Faults in text\").", "--fault", "hang extra");
    server("host options with `--plan`", "both",
            "Put the option in the host's section of the plan file.",
            "--plan", temp.resolve("two.yaml").toString(), "--seed", "1")
        .with("<option>", "--seed")
        .with("<plan>", temp.resolve("two.yaml").toString());
    addJunitRows();
  }

  private void addJunitRows() {
    area("JUnit annotations");
    junit("`@FakeHost` on a parameter", "a type other than `FakeSshHost` or `List<FakeSshHost>`",
            "Declare the parameter as `FakeSshHost` (or a `List` for a fleet).", NotAHost.class)
        .matching("<parameter>", "(?<=, but ).*(?= is of type)");
    junit("`@FakeHost` on a field", "a type other than `FakeSshHost` or `List<FakeSshHost>`",
            "Declare the field as `FakeSshHost`.", NotAHostField.class)
        .matching("<field>", "(?<=, but ).*(?= is of type)");
    junit("`@FakeHost` on a field", "a final field",
            "Remove `final`: the extension sets the field.", FinalField.class)
        .matching("<field>", "(?<=, but ).*(?= is$)");
    junit("`@FakeHost(users)`", "an entry without `name:password`",
            "Write each user as `name:password`.", UserWithoutPassword.class)
        .with("<entry>", "deploy");
    junit("`@FakeHost(users)`", "a user declared twice", "Declare each user once.",
            UserTwice.class)
        .with("<name>", "deploy");
    junit("`@FakeHost(users, acceptAnyCredentials)`", "both", "Use one or the other.",
            UsersAndAnybody.class);
    junit("`@FakeHost(authMethods)`", "a method named twice", "Name each method once.",
            AuthMethodTwice.class)
        .with("<method>", "PASSWORD")
        .matching("<methods>", "(?<=twice: \\[).*?(?=\\])");
    junit("`@FakeHost(name)`", "blank", "Leave it out, or give a name.", BlankName.class);
    junit("`@FakeHost(name)`", "the name of another host of the test",
            "Give each host its own name.", SameName.class)
        .with("<name>", "web")
        .matching("<other>", "(?<=same test, on ).*?(?=: each host)");
    junit("`@FakeHost(count)`", "outside 1 to the largest fleet",
            "Give 1 to the number the message names.", CountOutOfRange.class)
        .with("<count>", "-1");
    junit("`@FakeHost(count)` on a `FakeSshHost`", "a count on a single host",
            "Declare a `List<FakeSshHost>`, or leave count out.", CountOnSingleHost.class)
        .with("<count>", "3");
    junit("`List<FakeSshHost>`", "no count", "Annotate it `@FakeHost(count = N)`.",
            FleetWithoutCount.class);
    junit("`@FakeHost(plan)` on a `List<FakeSshHost>`", "a plan for a fleet",
            "Use `FakeSshHost.allFromPlan` with a `HostRegistry`.", PlanOnFleet.class);
    junit("`@FakeHost(plan)` with other attributes", "attributes the plan decides",
            "Leave them out and put them in the plan.", PlanAndSeed.class)
        .matching("<attributes>", "(?<=so ).*(?= the plan's to say)");
    junit("`@FakeHost(plan)`", "a plan file with an error",
            "Fix the plan as the message says.", BrokenPlan.class)
        .matching("<absolute path>", "(?<=looked for ).*?(?=\\))");
    junit("`@FakeHost(journalCapacity)`", "below 1", "Give 1 or more.", ZeroJournal.class)
        .with("<capacity>", "-1");
    junit("`@FakeHost(seed)`", "not a whole number", "Give the seed as a report printed it.",
            BadSeed.class)
        .with("<seed>", "abc");
    row("`FakeHostExtension.builder().name(name)`", "blank name", "Give a name.",
            () -> FakeHostExtension.builder().name(" "))
        .with("<name>", "\" \"");
    junit("`HostRegistry.register(host)`", "a closed host",
            "Register hosts while they run; the registry closes them.", RegisterClosed.class)
        .matching("<host>", "(?<=Cannot register ).*(?=: it is closed)");
    junit("`HostRegistry.register(host)`", "a host registered twice",
            "Register each host once.", RegisterTwice.class)
        .matching("<host>", "(?<=Cannot register ).*?(?= twice)")
        .matching("<as>", "(?<= twice: it belongs to this test already, as ).*(?=, and is)");
  }

  // ------------------------------------------------------- test classes that misuse the extension

  @Tag("test-kit-only")
  @SshFaultsTest
  static class NotAHost {
    @Test
    void test(@FakeHost String host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class NotAHostField {
    @FakeHost String host;

    @Test
    void test() {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class FinalField {
    @FakeHost final FakeSshHost host = null;

    @Test
    void test() {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class UserWithoutPassword {
    @Test
    void test(@FakeHost(users = "deploy") FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class UserTwice {
    @Test
    void test(@FakeHost(users = {"deploy:a", "deploy:b"}) FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class AuthMethodTwice {
    @Test
    void test(
        @FakeHost(authMethods = {AuthMethod.PASSWORD, AuthMethod.PASSWORD}) FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class UsersAndAnybody {
    @Test
    void test(@FakeHost(users = "deploy:a", acceptAnyCredentials = true) FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class BlankName {
    @Test
    void test(@FakeHost(name = " ") FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class SameName {
    @Test
    void test(@FakeHost(name = "web") FakeSshHost a, @FakeHost(name = "web") FakeSshHost b) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class CountOutOfRange {
    @Test
    void test(@FakeHost(count = -1) List<FakeSshHost> hosts) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class CountOnSingleHost {
    @Test
    void test(@FakeHost(count = 3) FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class FleetWithoutCount {
    @Test
    void test(List<FakeSshHost> hosts) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class PlanOnFleet {
    @Test
    void test(@FakeHost(plan = "configuration-errors/web.yaml") List<FakeSshHost> hosts) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class PlanAndSeed {
    @Test
    void test(@FakeHost(plan = "configuration-errors/web.yaml", seed = "1") FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class BrokenPlan {
    @Test
    void test(@FakeHost(plan = "configuration-errors/no-such-plan.yaml") FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class ZeroJournal {
    @Test
    void test(@FakeHost(journalCapacity = -1) FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class BadSeed {
    @Test
    void test(@FakeHost(seed = "abc") FakeSshHost host) {}
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class RegisterClosed {
    @Test
    void test(HostRegistry registry) {
      FakeSshHost host = FakeSshHost.builder().name("late").seed(7).start();
      host.close();
      registry.register(host);
    }
  }

  @Tag("test-kit-only")
  @SshFaultsTest
  static class RegisterTwice {
    @Test
    void test(HostRegistry registry) {
      registry.register(registry.start(b -> b.name("twice").seed(7)));
    }
  }
}
