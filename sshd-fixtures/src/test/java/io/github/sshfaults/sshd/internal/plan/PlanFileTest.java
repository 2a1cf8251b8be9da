package io.github.sshfaults.sshd.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plan file that cannot be used says: the file, the line, the field, what is allowed. */
class PlanFileTest {

  @TempDir Path dir;

  @Test
  void namesTheLineAndFieldOfAFaultItCannotRead() throws IOException {
    Path plan =
        write(
            """
            hosts:
              web:
                faults:
                  - reject-auth for-user=bob
                  - drop-conection at=after-auth
            """);

    assertThatThrownBy(() -> PlanFile.read(plan))
        .isInstanceOf(PlanException.class)
        .hasMessageStartingWith(
            plan
                + ":5: hosts.web.faults[1]: unknown fault \"drop-conection\" in \"drop-conection"
                + " at=after-auth\": expected a Fault factory (did you mean \"drop-connection\"?);"
                + " the factories are delay, ")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explainsAFaultThatYamlReadAsAMapping() throws IOException {
    Path plan = write("hosts:\n  web:\n    faults:\n      - exit-with 1 \"error: disk full\"\n");

    assertThatThrownBy(() -> PlanFile.read(plan))
        .hasMessage(
            plan
                + ":4: hosts.web.faults[0]: expected a fault as text, but found a mapping: YAML"
                + " reads \"key: value\" as one; quote the whole fault, - 'exit-with 1 \"error:"
                + " disk full\"'");
  }

  @Test
  void namesAnUnknownKeyAndTheKeysAllowed() throws IOException {
    Path plan = write("hosts:\n  web:\n    seed: 1\n    algoritms: fast\n");

    assertThatThrownBy(() -> PlanFile.read(plan))
        .hasMessage(
            plan
                + ":4: hosts.web.algoritms: unknown key \"algoritms\"; hosts.web may have"
                + " accept-any-credentials, algorithms, auth-methods, commands, faults, files,"
                + " files-quota, host-key-type, seed, shell, timing, users");
  }

  @Test
  void namesBadValuesAndWhatIsAllowed() throws IOException {
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web:\n    algorithms: fastest\n")))
        .hasMessageEndingWith(
            ":3: hosts.web.algorithms: expected one of fast, openssh, legacy, but found"
                + " \"fastest\"");
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web:\n    timing: pam\n")))
        .hasMessageContaining(":3: hosts.web.timing: expected one of fast, openssh, but found");
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web:\n    files-quota: 100\n")))
        .hasMessageEndingWith(
            ":3: hosts.web.files-quota: expected a whole number between 4096 and 1099511627776,"
                + " but found \"100\"");
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web:\n    seed: [1]\n")))
        .hasMessageEndingWith(
            ":3: hosts.web.seed: expected a whole number between -9223372036854775808 and"
                + " 9223372036854775807, but found a list");
    assertThatThrownBy(
            () ->
                PlanFile.read(
                    write("hosts:\n  web:\n    commands:\n      - {command: x, exit-code: 300}\n")))
        .hasMessageEndingWith(
            ":4: hosts.web.commands[0].exit-code: expected a whole number between 0 and 255, but"
                + " found \"300\"");
    assertThatThrownBy(
            () -> PlanFile.read(write("hosts:\n  web:\n    commands:\n      - {stdout: x}\n")))
        .hasMessageEndingWith(
            ":4: hosts.web.commands[0]: expected exactly one of command, command-glob,"
                + " command-matching (what the stub answers), but found none");
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web:\n    users:\n      bob: {}\n")))
        .hasMessageEndingWith(
            ":4: hosts.web.users.bob: expected password, authorized-keys or both, but found"
                + " neither");
    assertThatThrownBy(
            () ->
                PlanFile.read(
                    write("hosts:\n  web:\n    users:\n      bob: {authorized-keys: none.pub}\n")))
        .hasMessageContaining(":4: hosts.web.users.bob.authorized-keys: no such file ")
        .hasMessageEndingWith("none.pub (paths are relative to the plan's folder)");
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  we b: {}\n")))
        .hasMessageEndingWith(
            ":2: hosts.we b: host name \"we b\" must be letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit");
  }

  @Test
  void readsTheMethodsOfTheHostAndOfEachUserByTheirWireOrFaultTextNames() throws IOException {
    Path plan =
        write(
            """
            hosts:
              web:
                auth-methods: [password, keyboard-interactive]
                users:
                  ci: {password: pw, auth-methods: [public-key, publickey2]}
            """);

    assertThatThrownBy(() -> PlanFile.read(plan))
        .hasMessageEndingWith(
            ":5: hosts.web.users.ci.auth-methods[1]: expected an authentication method, one of"
                + " password, publickey, keyboard-interactive, but found \"publickey2\"");
    Plan good =
        PlanFile.read(
            write(
                """
                hosts:
                  web:
                    auth-methods: [password, keyboard-interactive]
                    users:
                      ci: {password: pw, auth-methods: [public-key]}
                """));
    HostPlan web = good.only();
    assertThat(web.authMethods())
        .containsExactly(
            io.github.sshfaults.faults.AuthMethod.PASSWORD,
            io.github.sshfaults.faults.AuthMethod.KEYBOARD_INTERACTIVE);
    assertThat(web.users().get(0).authMethods())
        .containsExactly(io.github.sshfaults.faults.AuthMethod.PUBLIC_KEY);
  }

  @Test
  void namesAMethodNamedTwiceAndAnEmptyListOfMethods() throws IOException {
    assertThatThrownBy(
            () ->
                PlanFile.read(write("hosts:\n  web:\n    auth-methods: [password, password]\n")))
        .hasMessageEndingWith(
            ":3: hosts.web.auth-methods[1]: names password twice; name each method once, in the"
                + " order the host offers them");
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web:\n    auth-methods: []\n")))
        .hasMessageEndingWith(
            ":3: hosts.web.auth-methods: expected at least one authentication method, one of"
                + " password, publickey, keyboard-interactive");
    assertThatThrownBy(
            () ->
                PlanFile.read(
                    write("hosts:\n  web:\n    users:\n      ci: {auth-methods: [password]}\n")))
        .hasMessageEndingWith(
            ":4: hosts.web.users.ci: expected password, authorized-keys or both, but found"
                + " neither");
  }

  @Test
  void namesRepeatedKeysAndMalformedYaml() throws IOException {
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web: {}\n  web: {}\n")))
        .hasMessageEndingWith(":3: hosts.web: key \"web\" appears twice; each key may appear once");
    assertThatThrownBy(() -> PlanFile.read(write("hosts:\n  web: {seed: 1\n")))
        .hasMessageContaining(": not valid YAML: ");
    assertThatThrownBy(() -> PlanFile.read(write("")))
        .hasMessageEndingWith(
            " is empty; a plan has hosts: a mapping of host names to their settings");
    assertThatThrownBy(() -> PlanFile.read(write("servers: {}\n")))
        .hasMessageEndingWith(":1: servers: unknown key \"servers\"; the plan may have hosts");
    assertThatThrownBy(() -> PlanFile.read(dir.resolve("missing.yaml")))
        .hasMessageStartingWith(dir.resolve("missing.yaml") + ": no such plan file");
  }

  private int count;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("plan-" + ++count + ".yaml"), text);
  }
}
