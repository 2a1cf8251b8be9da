package io.github.sshfaults.sshd.internal.server;

import io.github.sshfaults.internal.FaultText;
import io.github.sshfaults.sshd.internal.plan.HostPlan;
import io.github.sshfaults.sshd.internal.plan.PlanException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The standalone server: {@code java -jar sshfaults-sshd-fixtures-<version>-server.jar --help}.
 *
 * <p>Exit codes: 0 after {@code POST /stop} or {@code --help}; 2 for a bad option or plan file,
 * with a message naming it and what is allowed; 1 when the hosts cannot start (a port taken); 130
 * or 143 when stopped by Ctrl-C or SIGTERM, after closing every host.
 */
public final class ServerMain {

  /** Exit code of a bad option or plan file. */
  static final int USAGE = 2;

  /** Exit code of a server that could not start. */
  static final int FAILED = 1;

  private ServerMain() {}

  /** A reason to end before serving, with the process's exit code. */
  static final class Exit extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;

    Exit(int code) {
      super("exit " + code, null, false, false);
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  /** Starts the server and serves until stopped. */
  public static void main(String[] args) throws InterruptedException {
    configureLogging(Arrays.asList(args).contains("--verbose"));
    StandaloneServer server;
    try {
      server = start(args, System.out, System.err);
    } catch (Exit e) {
      System.exit(e.code());
      return;
    }
    Thread hook = new Thread(server::close, "sshfaults-server-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    server.awaitStop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException signalled) {
      return; // Ctrl-C or SIGTERM: the hook closes the server, the JVM exits with 130 or 143
    }
    server.close();
    System.exit(0);
  }

  /**
   * Reads the options and starts the server they describe, printing to {@code out} (JSON lines,
   * log) and {@code err} (problems).
   *
   * @throws Exit when there is nothing to serve: after {@code --help} or {@code --version} (0), a
   *     bad option or plan (2), or a failed start (1), each reported on {@code err}
   */
  static StandaloneServer start(String[] args, PrintStream out, PrintStream err) throws Exit {
    ServerOptions options = new ServerOptions();
    CommandLine commandLine = commandLine(options);
    List<HostPlan> hosts;
    try {
      ParseResult parsed = commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested()) {
        out.print(commandLine.getUsageMessage(Ansi.OFF));
        out.flush();
        throw new Exit(0);
      }
      if (commandLine.isVersionHelpRequested()) {
        commandLine.printVersionHelp(out, Ansi.OFF);
        out.flush();
        throw new Exit(0);
      }
      options.validate(parsed);
      hosts = options.hostPlans();
    } catch (ParameterException e) {
      err.println("sshfaults-server: " + e.getMessage());
      if (e instanceof UnmatchedArgumentException unmatched
          && !unmatched.getSuggestions().isEmpty()) {
        err.println("Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
      }
      err.println("Run with --help for every option, with examples.");
      err.flush();
      throw new Exit(USAGE);
    } catch (PlanException e) {
      err.println("sshfaults-server: --plan " + e.getMessage());
      err.flush();
      throw new Exit(USAGE);
    }
    try {
      return StandaloneServer.start(
          new StandaloneServer.Settings(
              hosts,
              options.bind,
              options.port,
              options.journal,
              options.noControl ? null : options.controlPort,
              options.quiet),
          out);
    } catch (PlanException e) {
      err.println("sshfaults-server: " + e.getMessage());
      err.flush();
      throw new Exit(USAGE);
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      err.println(
          "sshfaults-server: cannot start: "
              + e.getMessage()
              + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
      err.flush();
      throw new Exit(FAILED);
    }
  }

  static CommandLine commandLine(ServerOptions options) {
    CommandLine commandLine = new CommandLine(options);
    // --user, --password, --command, --stdout... repeat, each applying to the one before.
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.getCommandSpec().usageMessage().footer(footer());
    return commandLine;
  }

  private static String[] footer() {
    String text =
        String.join(
            "\n",
            "",
            "Examples:",
            "  # one host: alice logs in with a password, uptime answers",
            "  java -jar server.jar --user alice --password secret \\",
            "      --command uptime --stdout 'up 3 days' --command 'exit 3' --exit-code 3",
            "  # three hosts alike; the first two connections of each drop after login",
            "  java -jar server.jar --hosts 3 --user deploy --authorized-keys ~/.ssh/id_ecdsa.pub \\",
            "      --fault 'drop-connection at=after-auth first-attempts=2' --seed 42",
            "  # the hosts of a plan file, their journal in a file",
            "  java -jar server.jar --plan fleet.yaml --journal journal.jsonl",
            "",
            "Output (stdout): one JSON line per host, then a ready line, then one log line per event",
            "(connection, login, command, SFTP request, fault fired; client text escaped):",
            "  {\"event\":\"host\",\"name\":\"host\",\"host\":\"127.0.0.1\",\"port\":40123,",
            "   \"hostKeyFingerprint\":\"SHA256:...\",",
            "   \"knownHostsLine\":\"[127.0.0.1]:40123 ecdsa-sha2-nistp256 AAAA...\",",
            "   \"seed\":42,\"control\":\"http://127.0.0.1:40124/hosts/host\"}",
            "  {\"event\":\"ready\",\"hosts\":1,\"control\":\"http://127.0.0.1:40124\"}",
            "  host #1 10:15:30.123Z conn 1 connection-accepted peer=\"127.0.0.1:51022\"",
            "",
            "Control (HTTP on 127.0.0.1, at the ready line's address):",
            ControlServer.ROUTES.lines().map(line -> "  " + line).reduce((a, b) -> a + "\n" + b)
                .orElse(""),
            "  e.g. curl -X PUT --data-binary 'reject-auth for-user=bob' $CONTROL/hosts/host/faults",
            "",
            "Plan file (YAML or JSON; paths relative to the plan's folder):",
            "  hosts:",
            "    web:",
            "      seed: 42",
            "      algorithms: openssh              # fast (default), openssh, legacy",
            "      host-key-type: rsa               # ecdsa-p256 (default), rsa",
            "      timing: openssh                  # fast (default), openssh: sshd with PAM",
            "      users:",
            "        alice: {password: secret}",
            "        deploy: {authorized-keys: keys/deploy.pub}",
            "      commands:                        # a later stub wins when two match",
            "        - command: uptime",
            "          stdout: \"up 3 days\\n\"",
            "        - command-matching: 'systemctl (start|stop) \\w+'",
            "          stderr: \"Failed\\n\"",
            "          exit-code: 3",
            "      files: files/web                 # served over SFTP, never written back",
            "      faults:",
            "        - reject-auth for-user=bob",
            "        - drop-connection at=after-auth with-probability=0.3",
            "",
            "Exit codes: 0 after POST /stop; 2 bad option or plan; 1 cannot start; 130/143 after",
            "Ctrl-C/SIGTERM (every host closed first).",
            "",
            "Faults are Fault's Java factory calls and fluent calls in kebab case:",
            "  Fault.dropConnection().at(Stage.AFTER_AUTH).firstAttempts(2)",
            "  is drop-connection at=after-auth first-attempts=2",
            "",
            FaultText.vocabulary());
    // picocli formats footers: a literal percent sign must be doubled.
    return new String[] {text.replace("%", "%%")};
  }

  // The server's own process: MINA SSHD's log goes to stderr, warnings only unless --verbose.
  private static void configureLogging(boolean verbose) {
    setUnlessSet("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    setUnlessSet("org.slf4j.simpleLogger.logFile", "System.err");
    setUnlessSet("org.slf4j.simpleLogger.showDateTime", "true");
  }

  private static void setUnlessSet(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
