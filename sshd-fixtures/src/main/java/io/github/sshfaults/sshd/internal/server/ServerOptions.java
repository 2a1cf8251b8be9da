package io.github.sshfaults.sshd.internal.server;

import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.internal.Seeds;
import io.github.sshfaults.internal.FaultText;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Timing;
import io.github.sshfaults.sshd.internal.FilesQuota;
import io.github.sshfaults.sshd.internal.plan.AuthorizedKeys;
import io.github.sshfaults.sshd.internal.plan.HostPlan;
import io.github.sshfaults.sshd.internal.plan.PlanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The standalone server's command line, as picocli reads it. Options that describe one user or one
 * stub ({@code --user alice --password secret}, {@code --command uptime --stdout ...}) apply in
 * the order given: {@code --password} belongs to the {@code --user} before it.
 */
@Command(
    name = "sshfaults-server",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    versionProvider = ServerOptions.Version.class,
    description =
          "Fake SSH hosts that fail on cue, for testing SSH clients in any language: the "
          + "hosts of sshfaults' Java API, in a process of their own. Prints one JSON line "
          + "per host, then logs what the hosts see until stopped (Ctrl-C, SIGTERM, or POST "
          + "/stop on the control address). ")
final class ServerOptions {

  /** The most hosts one process may serve. */
  static final int MAX_HOSTS = 1000;

  /** The options that describe hosts, which a plan file describes instead. */
  static final List<String> HOST_OPTIONS =
      List.of(
          "--hosts",
          "--name",
          "--user",
          "--password",
          "--authorized-keys",
          "--accept-any-credentials",
          "--command",
          "--command-glob",
          "--command-matching",
          "--stdout",
          "--stderr",
          "--exit-code",
          "--fault",
          "--seed",
          "--algorithms",
          "--host-key-type",
          "--files",
          "--files-quota",
          "--timing");

  @Spec CommandSpec spec;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      order = 1,
      description =
          "Hosts from a plan file (YAML or JSON), one section per host; the same file "
          + "loads in Java with FakeSshHost.fromPlan. Not with the host options below.")
  Path plan;

  @Option(
      names = "--hosts",
      paramLabel = "N",
      order = 2,
      description = "How many hosts alike, each on its own port (default 1), named NAME-1..NAME-N.")
  int hosts = 1;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      order = 3,
      description = "The host's name in output and logs (default: host).")
  String name = "host";

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      order = 4,
      description = "The IP address to listen on (default 127.0.0.1, loopback only).")
  String bind = "127.0.0.1";

  @Option(
      names = "--port",
      paramLabel = "PORT",
      order = 5,
      description =
          "The first host's port (default 0: one the system picks); the next hosts take "
          + "the next ports, or ports the system picks when 0.")
  int port;

  private final List<UserOption> users = new ArrayList<>();
  private final List<StubOption> stubs = new ArrayList<>();

  @Option(
      names = "--user",
      paramLabel = "NAME",
      order = 10,
      description = "Declares a user; follow it with --password or --authorized-keys (or both).")
  void user(String user) {
    if (user.isBlank()) {
      throw usage("--user needs a name, but was blank");
    }
    users.add(new UserOption(user));
  }

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      order = 11,
      description = "The password of the --user before it.")
  void password(String password) {
    if (password.isEmpty()) {
      throw usage("--password must not be empty");
    }
    lastUser("--password").password = password;
  }

  @Option(
      names = "--authorized-keys",
      paramLabel = "FILE",
      order = 12,
      description =
          "A file of public keys (authorized_keys format) the --user before it may log in "
          + "with: ssh-rsa or ecdsa-sha2-nistp256/384/521 (ssh-keygen -t ecdsa).")
  void authorizedKeys(Path file) {
    UserOption user = lastUser("--authorized-keys");
    try {
      user.keys.addAll(AuthorizedKeys.read(file, ""));
    } catch (IllegalArgumentException e) {
      throw usage("--authorized-keys " + file + ": " + e.getMessage());
    }
  }

  @Option(
      names = "--accept-any-credentials",
      order = 13,
      description = "Lets anybody in with any user, password or key. Not with --user.")
  boolean acceptAnyCredentials;

  @Option(
      names = "--command",
      paramLabel = "LINE",
      order = 20,
      description =
          "Starts a stub for exactly this command line; --stdout, --stderr and "
          + "--exit-code after it say what it answers (default: nothing, exit code 0). "
          + "Later stubs win when two match.")
  void command(String line) {
    stubs.add(new StubOption("command", line));
  }

  @Option(
      names = "--command-glob",
      paramLabel = "GLOB",
      order = 21,
      description =
          "Starts a stub for every command line the glob matches whole (* and ?; * crosses "
          + "slashes).")
  void commandGlob(String glob) {
    stubs.add(new StubOption("command-glob", glob));
  }

  @Option(
      names = "--command-matching",
      paramLabel = "REGEX",
      order = 21,
      description = "Starts a stub for every command line the regular expression matches whole.")
  void commandMatching(String regex) {
    stubs.add(new StubOption("command-matching", regex));
  }

  @Option(
      names = "--stdout",
      paramLabel = "TEXT",
      order = 22,
      description = "What the stub before it writes on stdout.")
  void stdout(String text) {
    StubOption stub = lastStub("--stdout");
    stub.result = stub.result.withStdout(text);
  }

  @Option(
      names = "--stderr",
      paramLabel = "TEXT",
      order = 23,
      description = "What the stub before it writes on stderr.")
  void stderr(String text) {
    StubOption stub = lastStub("--stderr");
    stub.result = stub.result.withStderr(text);
  }

  @Option(
      names = "--exit-code",
      paramLabel = "CODE",
      order = 24,
      description = "The exit code of the stub before it, 0 to 255.")
  void exitCode(int code) {
    StubOption stub = lastStub("--exit-code");
    if (code < 0 || code > CommandResult.MAX_EXIT_CODE) {
      throw usage("--exit-code must be between 0 and 255, but was " + code);
    }
    stub.result = stub.result.withExitCode(code);
  }

  @Option(
      names = "--fault",
      paramLabel = "FAULT",
      order = 30,
      converter = FaultConverter.class,
      description =
          "A fault, written as its Java factory call and fluent calls in kebab case (see "
          + "below): 'drop-connection at=after-auth first-attempts=2'. Repeatable; every "
          + "host gets them all.")
  List<Fault> faults = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      order = 31,
      description =
          "The seed of the random decisions (a long); with --hosts N, host i's seed "
          + "derives from it and i, as in JUnit fleets. Default: random, printed at start.")
  Long seed;

  @Option(
      names = "--algorithms",
      paramLabel = "SET",
      order = 32,
      converter = AlgorithmSetConverter.class,
      description = "The algorithms offered: fast (default), openssh, legacy.")
  AlgorithmSet algorithms;

  @Option(
      names = "--host-key-type",
      paramLabel = "TYPE",
      order = 33,
      converter = HostKeyTypeConverter.class,
      description = "The host key: ecdsa-p256 (default) or rsa.")
  HostKeyType hostKeyType;

  @Option(
      names = "--files",
      paramLabel = "FOLDER",
      order = 34,
      description =
          "A local folder whose files each host serves over SFTP, copied into memory at "
          + "start; nothing is ever written back. Default: an empty in-memory file system.")
  Path files;

  @Option(
      names = "--files-quota",
      paramLabel = "BYTES",
      order = 35,
      description =
          "The most space each host's in-memory files may take, in bytes; SFTP writes past it"
              + " get SSH_FX_NO_SPACE_ON_FILESYSTEM. Default: 67108864 (64 MiB).")
  Long filesQuota;

  @Option(
      names = "--timing",
      paramLabel = "TIMING",
      order = 36,
      converter = TimingConverter.class,
      description =
          "How long hosts take to log in and to refuse: fast (default) or openssh, the cost of"
              + " sshd with PAM (about 0.4 s per login and command, 2-4 s to refuse a wrong"
              + " password).")
  Timing timing;

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      order = 40,
      description = "Also writes every journal event of every host to FILE, as JSON Lines.")
  Path journal;

  @Option(
      names = "--control-port",
      paramLabel = "PORT",
      order = 41,
      description = "The port of the HTTP control interface on 127.0.0.1 (default 0: any free one).")
  int controlPort;

  @Option(
      names = "--no-control",
      order = 42,
      description = "Starts no control interface.")
  boolean noControl;

  @Option(
      names = "--quiet",
      order = 43,
      description = "Prints the JSON lines only, no log line per event.")
  boolean quiet;

  @Option(
      names = "--verbose",
      order = 44,
      description = "Also prints Apache MINA SSHD's debug log, on stderr.")
  boolean verbose;

  /**
   * Checks what single options cannot: combinations and ranges.
   *
   * @throws ParameterException naming the option and what is allowed
   */
  void validate(ParseResult parsed) {
    if (plan != null) {
      for (String option : HOST_OPTIONS) {
        if (parsed.hasMatchedOption(option)) {
          throw usage(
              option
                  + " cannot be used with --plan: the plan file describes its hosts; put this in"
                  + " the host's section of "
                  + plan);
        }
      }
    }
    if (hosts < 1 || hosts > MAX_HOSTS) {
      throw usage("--hosts must be between 1 and " + MAX_HOSTS + ", but was " + hosts);
    }
    checkPort("--port", port);
    checkPort("--control-port", controlPort);
    if (name.isBlank() || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw usage(
          "--name must be letters, digits, '.', '_' or '-', starting with a letter or digit, but"
              + " was \""
              + name
              + "\"");
    }
    for (UserOption user : users) {
      if (user.password == null && user.keys.isEmpty()) {
        throw usage(
            "--user "
                + user.name
                + " has neither --password nor --authorized-keys after it; give one or both");
      }
    }
    if (acceptAnyCredentials && !users.isEmpty()) {
      throw usage(
          "--accept-any-credentials and --user contradict each other: accepting any credentials"
              + " makes the users meaningless; use one or the other");
    }
    if (files != null && !Files.isDirectory(files)) {
      throw usage(
          "--files must name a folder, but "
              + files
              + (Files.exists(files) ? " is not a folder" : " does not exist"));
    }
    if (filesQuota != null) {
      try {
        FilesQuota.check(filesQuota);
      } catch (IllegalArgumentException e) {
        throw usage("--files-quota: " + e.getMessage());
      }
    }
    try {
      FakeSshHost.builder().bindAddress(bind);
    } catch (IllegalArgumentException e) {
      throw usage("--bind: " + e.getMessage());
    }
  }

  private void checkPort(String option, int value) {
    if (value < 0 || value > 65535) {
      throw usage(option + " must be between 0 and 65535, but was " + value);
    }
  }

  /**
   * The hosts to start: the plan file's, or {@code --hosts} alike from the host options.
   *
   * @throws io.github.sshfaults.sshd.internal.plan.PlanException when the plan file is malformed
   */
  List<HostPlan> hostPlans() {
    if (plan != null) {
      return PlanFile.read(plan).hosts();
    }
    List<HostPlan.User> userPlans =
        users.stream().map(u -> new HostPlan.User(u.name, u.password, u.keys, null)).toList();
    List<HostPlan.Stub> stubPlans =
        stubs.stream()
            .map(
                s ->
                    new HostPlan.Stub(
                        s.matcher, s.pattern, s.result, "--" + s.matcher, "\"" + s.pattern + "\""))
            .toList();
    List<HostPlan> plans = new ArrayList<>();
    for (int i = 1; i <= hosts; i++) {
      Long hostSeed = seed == null || hosts == 1 ? seed : (Long) Seeds.derive(seed, i);
      plans.add(
          new HostPlan(
              hosts == 1 ? name : name + "-" + i,
              hostSeed,
              algorithms,
              hostKeyType,
              null,
              userPlans,
              acceptAnyCredentials,
              stubPlans,
              files,
              filesQuota,
              FaultPlan.of(faults),
              timing));
    }
    return plans;
  }

  private UserOption lastUser(String option) {
    if (users.isEmpty()) {
      throw usage(option + " belongs to a user: write --user NAME before it");
    }
    return users.get(users.size() - 1);
  }

  private StubOption lastStub(String option) {
    if (stubs.isEmpty()) {
      throw usage(
          option
              + " belongs to a stub: write --command LINE, --command-glob GLOB or"
              + " --command-matching REGEX before it");
    }
    return stubs.get(stubs.size() - 1);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static final class UserOption {
    final String name;
    String password;
    final List<PublicKey> keys = new ArrayList<>();

    UserOption(String name) {
      this.name = name;
    }
  }

  private static final class StubOption {
    final String matcher;
    final String pattern;
    CommandResult result = CommandResult.success("");

    StubOption(String matcher, String pattern) {
      this.matcher = matcher;
      this.pattern = pattern;
    }
  }

  /** {@code --fault} in the text vocabulary of {@link FaultText}. */
  static final class FaultConverter implements ITypeConverter<Fault> {
    @Override
    public Fault convert(String value) {
      try {
        return FaultText.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** An enum constant by name in any case, with {@code -} or {@code _}. */
  private static <E extends Enum<E>> E constant(Class<E> type, String value) {
    String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    throw new TypeConversionException(
        "expected one of "
            + String.join(
                ", ",
                Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList())
            + ", but was \""
            + value
            + "\"");
  }

  /** {@code --algorithms fast|openssh|legacy}. */
  static final class AlgorithmSetConverter implements ITypeConverter<AlgorithmSet> {
    @Override
    public AlgorithmSet convert(String value) {
      return constant(AlgorithmSet.class, value);
    }
  }

  /** {@code --timing fast|openssh}. */
  static final class TimingConverter implements ITypeConverter<Timing> {
    @Override
    public Timing convert(String value) {
      return constant(Timing.class, value);
    }
  }

  /** {@code --host-key-type ecdsa-p256|rsa}. */
  static final class HostKeyTypeConverter implements ITypeConverter<HostKeyType> {
    @Override
    public HostKeyType convert(String value) {
      return constant(HostKeyType.class, value);
    }
  }

  /** The version in the server jar's manifest. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ServerOptions.class.getPackage().getImplementationVersion();
      return new String[] {"sshfaults server " + (version == null ? "(development build)" : version)};
    }
  }
}
