package io.github.sshfaults.junit;

import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.journal.Journal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a fake SSH host, and configures it: on a {@link io.github.sshfaults.sshd.FakeSshHost}
 * parameter or field of a {@link SshFaultsTest} class.
 *
 * <pre>{@code
 * @SshFaultsTest
 * class DeployTest {
 *   @FakeHost(users = "deploy:s3cret") static FakeSshHost bastion;   // shared by the class
 *   @FakeHost FakeSshHost scratch;                                    // new for each test
 *
 *   @Test
 *   void deploys(@FakeHost(users = "deploy:s3cret", hostKeyType = HostKeyType.RSA) FakeSshHost web) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Where the annotation sits decides how long the host lives:
 *
 * <ul>
 *   <li>a parameter of a test or {@code @BeforeEach} method, or an instance field: a new host for
 *       each test, closed after it;
 *   <li>a {@code static} field, or a parameter of a {@code @BeforeAll} method: one host for the
 *       whole class and its {@code @Nested} classes, closed after them, and reset after each test
 *       (see {@link KeepHostState}).
 * </ul>
 *
 * <p>A {@code FakeSshHost} parameter needs no annotation for the defaults; a field does, as JUnit's
 * {@code @TempDir} does. Wrong use fails before the test runs with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} (wrapped in a {@link
 * org.junit.jupiter.api.extension.ParameterResolutionException} for parameters) naming the
 * parameter or field and the attribute: a type other than {@code FakeSshHost}, a {@code final}
 * field, a malformed or repeated user, users together with {@code acceptAnyCredentials}, a journal
 * capacity below 1.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface FakeHost {

  /**
   * Password users, each {@code "name:password"}; the password is everything after the first colon.
   * Empty (the default) declares nobody; the test may still add users itself.
   */
  String[] users() default {};

  /**
   * Lets anybody in with any credentials ({@link
   * io.github.sshfaults.sshd.FakeSshHost#acceptAnyCredentials()}). Not together with {@link
   * #users()}.
   */
  boolean acceptAnyCredentials() default false;

  /** The algorithms the host offers; {@link AlgorithmSet#FAST} unless set. */
  AlgorithmSet algorithms() default AlgorithmSet.FAST;

  /** The kind of host key the host presents; {@link HostKeyType#ECDSA_P256} unless set. */
  HostKeyType hostKeyType() default HostKeyType.ECDSA_P256;

  /** How many events the host's journal keeps before dropping the oldest; at least 1. */
  int journalCapacity() default Journal.DEFAULT_CAPACITY;

  /**
   * The seed of the host's random decisions (probability faults, random delays), as a decimal
   * {@code long}: set it to replay the seed a failure report printed. Empty (the default) leaves it
   * to the system property {@code sshfaults.seed}, or a random seed.
   */
  String seed() default "";
}
