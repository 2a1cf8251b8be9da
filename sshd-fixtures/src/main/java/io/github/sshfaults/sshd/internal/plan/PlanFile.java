package io.github.sshfaults.sshd.internal.plan;

import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.internal.FaultText;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.CommandResult;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Timing;
import io.github.sshfaults.sshd.internal.FilesQuota;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads plan files: fake hosts described in YAML (JSON is YAML too). Every problem fails at once
 * with a {@link PlanException} naming the file, the line and the field, what was found and what is
 * allowed.
 *
 * <pre>
 * hosts:
 *   web:
 *     seed: 42
 *     algorithms: openssh            # fast (default), openssh, legacy
 *     host-key-type: rsa             # ecdsa-p256 (default), rsa
 *     auth-methods: [publickey, password]           # the default; or keyboard-interactive
 *     users:
 *       alice: {password: secret}
 *       deploy: {authorized-keys: keys/deploy.pub}    # relative to the plan's folder
 *       ci: {authorized-keys: keys/ci.pub, auth-methods: [publickey]}
 *     commands:                      # a later stub wins when two match
 *       - command: uptime
 *         stdout: "up 3 days\n"
 *       - command-matching: 'systemctl (start|stop) \w+'
 *         stderr: "Failed\n"
 *         exit-code: 3
 *     files: files/web               # copied into the host's in-memory files at start
 *     files-quota: 1048576           # bytes; default 67108864 (64 MiB)
 *     timing: openssh                # fast (default), openssh: the cost of sshd with PAM
 *     faults:
 *       - reject-auth for-user=bob
 *       - drop-connection at=after-auth first-attempts=2
 *     shell:                         # for every user; a user's own: users.NAME.shell
 *       prompt: "router> "
 *       lines:
 *         - line: show version
 *           stdout: "Version 15.2\n"
 *       modes:
 *         enable: {prompt: "router# ", password: s3cret}
 * </pre>
 *
 * <p>The fields of a shell are in {@link ShellPlans}.
 */
public final class PlanFile {

  private static final Set<String> TOP = Set.of("hosts");
  private static final String USERS = "users";
  private static final String COMMANDS = "commands";
  private static final String FAULTS = "faults";
  private static final String AUTH_METHODS = "auth-methods";
  private static final String SHELL = "shell";
  private static final Set<String> HOST =
      Set.of(
          "seed",
          "algorithms",
          "host-key-type",
          AUTH_METHODS,
          USERS,
          "accept-any-credentials",
          COMMANDS,
          "files",
          "files-quota",
          "timing",
          FAULTS,
          SHELL);
  private static final Set<String> USER =
      Set.of("password", "authorized-keys", AUTH_METHODS, SHELL);
  private static final Set<String> REPLY = Set.of("stdout", "stderr", "exit-code");

  /** Host names: they appear in URLs and logs. */
  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

  private final String file;
  private final Path folder;

  private PlanFile(Path path) {
    this.file = path.toString();
    this.folder = path.toAbsolutePath().normalize().getParent();
  }

  /**
   * The plan in {@code path}.
   *
   * @throws PlanException naming the file, line and field of the first problem, or the file when
   *     it cannot be read
   */
  public static Plan read(Path path) {
    PlanFile reader = new PlanFile(path);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString();
    } catch (NoSuchFileException e) {
      throw new PlanException(
          reader.file,
          "",
          "no such plan file (looked for " + path.toAbsolutePath().normalize() + ")",
          e);
    } catch (CharacterCodingException e) {
      throw new PlanException(reader.file, "", "is not UTF-8 text", e);
    } catch (IOException e) {
      throw new PlanException(reader.file, "", "cannot be read: " + e, e);
    }
    return reader.plan(text);
  }

  private Plan plan(String text) {
    Optional<Node> root;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(file).build();
      root =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)))
              .getSingleNode();
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      throw new PlanException(
          mark.map(m -> file + ":" + (m.getLine() + 1)).orElse(file),
          "",
          "not valid YAML: " + e.getProblem() + (e.getContext() == null ? "" : " " + e.getContext()),
          e);
    } catch (YamlEngineException e) {
      throw new PlanException(file, "", "not valid YAML: " + e.getMessage(), e);
    }
    if (root.isEmpty()) {
      throw new PlanException(
          file, "", "is empty; a plan has hosts: a mapping of host names to their settings", null);
    }
    Map<String, PlanNode> top = new PlanNode(file, root.get(), "").mapping(TOP);
    PlanNode hostsNode = top.get("hosts");
    if (hostsNode == null) {
      throw new PlanNode(file, root.get(), "")
          .problem("has no hosts; a plan has hosts: a mapping of host names to their settings");
    }
    Map<String, PlanNode> hosts = hostsNode.mapping(null);
    if (hosts.isEmpty()) {
      throw hostsNode.problem("expected at least one host, but found none");
    }
    List<HostPlan> plans = new ArrayList<>();
    hosts.forEach((name, node) -> plans.add(host(name, node)));
    return new Plan(file, plans);
  }

  private HostPlan host(String name, PlanNode node) {
    if (!name.matches(NAME)) {
      throw node.problem(
          "host name "
              + quote(name)
              + " must be letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    Map<String, PlanNode> fields = node.isNull() ? Map.of() : node.mapping(HOST);
    Long seed =
        optional(fields, "seed")
            .map(n -> n.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE))
            .orElse(null);
    AlgorithmSet algorithms =
        optional(fields, "algorithms").map(n -> n.constant(AlgorithmSet.class)).orElse(null);
    HostKeyType hostKeyType =
        optional(fields, "host-key-type").map(n -> n.constant(HostKeyType.class)).orElse(null);
    List<AuthMethod> authMethods =
        optional(fields, AUTH_METHODS).map(PlanFile::authMethods).orElse(null);
    List<HostPlan.User> users = new ArrayList<>();
    List<HostPlan.ShellPlan> shells = new ArrayList<>();
    optional(fields, SHELL)
        .ifPresent(n -> shells.add(new HostPlan.ShellPlan(null, ShellPlans.read(n))));
    optional(fields, USERS)
        .ifPresent(
            n ->
                n.mapping(null)
                    .forEach(
                        (user, u) -> {
                          users.add(user(user, u));
                          optional(u.mapping(USER), SHELL)
                              .map(ShellPlans::read)
                              .ifPresent(s -> shells.add(new HostPlan.ShellPlan(user, s)));
                        }));
    boolean acceptAny =
        optional(fields, "accept-any-credentials").map(PlanNode::bool).orElse(false);
    if (acceptAny && !users.isEmpty()) {
      throw fields
          .get("accept-any-credentials")
          .problem(
              "accept-any-credentials: true and users contradict each other: accepting any"
                  + " credentials makes the users meaningless; use one or the other");
    }
    List<HostPlan.Stub> commands = new ArrayList<>();
    optional(fields, COMMANDS).ifPresent(n -> n.list().forEach(c -> commands.add(stub(c))));
    Path files = optional(fields, "files").map(this::folder).orElse(null);
    Long filesQuota =
        optional(fields, "files-quota")
            .map(n -> n.wholeNumber(FilesQuota.MIN, FilesQuota.MAX))
            .orElse(null);
    Timing timing = optional(fields, "timing").map(n -> n.constant(Timing.class)).orElse(null);
    List<Fault> faults = new ArrayList<>();
    optional(fields, FAULTS).ifPresent(n -> n.list().forEach(f -> faults.add(fault(f))));
    return new HostPlan(
        name,
        seed,
        algorithms,
        hostKeyType,
        authMethods,
        users,
        acceptAny,
        commands,
        files,
        filesQuota,
        FaultPlan.of(faults),
        timing,
        shells);
  }

  private HostPlan.User user(String name, PlanNode node) {
    if (name.isBlank()) {
      throw node.problem("a user name must not be blank");
    }
    Map<String, PlanNode> fields = node.mapping(USER);
    if (!fields.containsKey("password") && !fields.containsKey("authorized-keys")) {
      throw node.problem("expected password, authorized-keys or both, but found neither");
    }
    String password = optional(fields, "password").map(PlanNode::string).orElse(null);
    if (password != null && password.isEmpty()) {
      throw fields.get("password").problem("a password must not be empty");
    }
    List<PublicKey> keys =
        optional(fields, "authorized-keys").map(this::authorizedKeys).orElse(List.of());
    List<AuthMethod> authMethods =
        optional(fields, AUTH_METHODS).map(PlanFile::authMethods).orElse(null);
    return new HostPlan.User(name, password, keys, authMethods);
  }

  // A list of method names as on the wire (publickey), or as in fault texts (public-key).
  private static List<AuthMethod> authMethods(PlanNode node) {
    String allowed =
        Arrays.stream(AuthMethod.values())
            .map(AuthMethod::protocolName)
            .collect(Collectors.joining(", "));
    List<AuthMethod> methods = new ArrayList<>();
    for (PlanNode item : node.list()) {
      String name = item.string().strip();
      AuthMethod method =
          Arrays.stream(AuthMethod.values())
              .filter(
                  m ->
                      m.protocolName().equals(name)
                          || m.name().equals(name.toUpperCase(Locale.ROOT).replace('-', '_')))
              .findFirst()
              .orElseThrow(
                  () ->
                      item.problem(
                          "expected an authentication method, one of "
                              + allowed
                              + ", but found "
                              + quote(name)));
      if (methods.contains(method)) {
        throw item.problem(
            "names " + method.protocolName() + " twice; name each method once, in the order the"
                + " host offers them");
      }
      methods.add(method);
    }
    if (methods.isEmpty()) {
      throw node.problem("expected at least one authentication method, one of " + allowed);
    }
    return methods;
  }

  private List<PublicKey> authorizedKeys(PlanNode node) {
    try {
      return AuthorizedKeys.read(
          folder.resolve(node.string()).normalize(), " (paths are relative to the plan's folder)");
    } catch (IllegalArgumentException e) {
      throw node.problem(e.getMessage(), e);
    }
  }

  private HostPlan.Stub stub(PlanNode node) {
    Set<String> allowed = new TreeSet<>(REPLY);
    allowed.addAll(HostPlan.MATCHERS.keySet());
    Map<String, PlanNode> fields = node.mapping(allowed);
    List<String> matchers =
        fields.keySet().stream().filter(HostPlan.MATCHERS::containsKey).toList();
    if (matchers.size() != 1) {
      throw node.problem(
          "expected exactly one of "
              + String.join(", ", HostPlan.MATCHERS.keySet())
              + " (what the stub answers), but found "
              + (matchers.isEmpty() ? "none" : String.join(" and ", matchers)));
    }
    String matcher = matchers.get(0);
    PlanNode pattern = fields.get(matcher);
    CommandResult result =
        CommandResult.success(optional(fields, "stdout").map(PlanNode::string).orElse(""))
            .withStderr(optional(fields, "stderr").map(PlanNode::string).orElse(""))
            .withExitCode(
                optional(fields, "exit-code")
                    .map(n -> (int) n.wholeNumber(0, CommandResult.MAX_EXIT_CODE))
                    .orElse(0));
    return new HostPlan.Stub(
        matcher, pattern.string(), result, pattern.location(), pattern.field());
  }

  private Path folder(PlanNode node) {
    Path path = folder.resolve(node.string()).normalize();
    if (!Files.isDirectory(path)) {
      throw node.problem(
          "expected a folder whose files the host starts with, but "
              + path
              + (Files.exists(path) ? " is not a folder" : " does not exist")
              + " (paths are relative to the plan's folder)");
    }
    return path;
  }

  private static Fault fault(PlanNode node) {
    if (node.isMapping()) {
      throw node.problem(
          "expected a fault as text, but found a mapping: YAML reads \"key: value\" as one;"
              + " quote the whole fault, - 'exit-with 1 \"error: disk full\"'");
    }
    String text = node.string();
    try {
      return FaultText.parse(text);
    } catch (IllegalArgumentException e) {
      throw node.problem(e.getMessage(), e);
    }
  }

  private static Optional<PlanNode> optional(Map<String, PlanNode> fields, String key) {
    return Optional.ofNullable(fields.get(key));
  }
}
