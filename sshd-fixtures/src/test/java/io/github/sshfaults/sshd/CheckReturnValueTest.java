package io.github.sshfaults.sshd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.assertions.SshAwait;
import io.github.sshfaults.clients.SshLogin;
import io.github.sshfaults.concurrent.ConcurrentSsh;
import io.github.sshfaults.concurrent.RetryPolicy;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.Trigger;
import io.github.sshfaults.internal.CheckReturnValue;
import io.github.sshfaults.sshd.assertions.ExpectedCount;
import io.github.sshfaults.sshd.assertions.SshFaultsAssertions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls whose result must not be ignored carry {@link CheckReturnValue}, so Error Prone and
 * IntelliJ warn about an unfinished stub, a verification that checks nothing, or a fluent copy
 * thrown away. The annotation is kept in the class files only, so this reads them with {@code
 * javap}.
 */
class CheckReturnValueTest {

  private static final String ANNOTATION = CheckReturnValue.class.getName();

  @ParameterizedTest
  @ValueSource(
      classes = {
        Fault.class,
        Trigger.class,
        Delay.class,
        FaultPlan.class,
        RetryPolicy.class,
        SshLogin.class,
        CommandResult.class,
        ExpectedCount.class
      })
  void marksEveryMethodOfImmutableValues(Class<?> type) {
    assertThat(annotations(type).typeLevel).as(type.getSimpleName()).isTrue();
  }

  @Test
  void marksTheRunnersCopies() {
    Set<String> copies =
        Arrays.stream(ConcurrentSsh.class.getMethods())
            .map(Method::getName)
            .filter(name -> name.startsWith("with") || name.equals("create"))
            .collect(Collectors.toSet());

    assertThat(copies).contains("create", "withThreads", "withRetry", "withName");
    assertThat(annotations(ConcurrentSsh.class).methods).containsAll(copies).doesNotContain("run");
  }

  @Test
  void marksStubsThatRegisterNothingUntilFinished() {
    assertThat(annotations(FakeSshHost.class).methods)
        .containsExactlyInAnyOrder("command", "commandGlob", "commandMatching");
  }

  @Test
  void marksVerificationsAndTheirCounts() {
    assertThat(annotations(SshFaultsAssertions.class).methods)
        .containsExactlyInAnyOrder("verify", "times", "once", "never", "atLeast", "atMost");
  }

  @Test
  void marksTheWaitsThatWaitForNothingUntilTold() {
    assertThat(annotations(SshAwait.class).methods)
        .containsExactlyInAnyOrder("await", "atMost", "withPollInterval");
  }

  private record Annotated(boolean typeLevel, Set<String> methods) {}

  /** Where {@code type}'s class file has the annotation: on the type, and on which methods. */
  private static Annotated annotations(Class<?> type) {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    String classPath = codeSource(type);
    int status =
        javap.run(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "-v",
            "-p",
            "-cp",
            classPath,
            type.getName());
    assertThat(status).as("javap on " + type.getName()).isZero();
    boolean typeLevel = false;
    boolean inMembers = false;
    boolean afterMembers = false;
    String member = null;
    Set<String> methods = new LinkedHashSet<>();
    for (String line : out.toString().split("\\R")) {
      if (!inMembers && line.equals("{")) {
        inMembers = true;
      } else if (inMembers && line.equals("}")) {
        inMembers = false;
        afterMembers = true;
      } else if (inMembers && line.startsWith("  ") && !line.startsWith("   ")) {
        member = line;
      } else if (line.strip().equals(ANNOTATION)) {
        if (afterMembers) {
          typeLevel = true;
        } else if (member != null && member.contains("(")) {
          String head = member.substring(0, member.indexOf('('));
          methods.add(head.substring(head.lastIndexOf(' ') + 1));
        }
      }
    }
    return new Annotated(typeLevel, methods);
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
