package io.github.sshfaults.junit;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.sshd.AlgorithmSet;
import io.github.sshfaults.sshd.HostKeyType;
import io.github.sshfaults.sshd.Timing;
import io.github.sshfaults.sshd.journal.Journal;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a fake SSH host, or a fleet of them, and configures it: on a {@link
 * io.github.sshfaults.sshd.FakeSshHost} or {@code List<FakeSshHost>} parameter or field of a {@link
 * SshFaultsTest} class.
 *
 * <pre>{@code
 * @SshFaultsTest
 * class DeployTest {
 *   @FakeHost(users = "deploy:s3cret") static FakeSshHost bastion;   // shared by the class
 *   @FakeHost FakeSshHost scratch;                                    // new for each test
 *
 *   @Test
 *   void deploys(
 *       @FakeHost(name = "web", users = "deploy:s3cret", hostKeyType = HostKeyType.RSA)
 *           FakeSshHost web,
 *       @FakeHost(name = "db", count = 24, users = "deploy:s3cret") List<FakeSshHost> dbs) {
 *     ...                                         // dbs: 24 hosts alike, named db-1 to db-24
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
 * <p>Failure reports and outcome tables name each host after its {@link #name()}, else after its
 * parameter or field; a parameter of a class compiled without {@code javac -parameters} has no
 * name, and goes by a stand-in that says which parameter it is ({@code host-1} for the first {@code
 * FakeSshHost} parameter of the test method, {@code fleet-1} for its first fleet; {@code
 * setUp-host-1} for a parameter of a lifecycle method {@code setUp}), which the report explains.
 *
 * <p>A {@code List<FakeSshHost>} with {@link #count()} is a fleet: {@code count} hosts configured
 * alike by the other attributes, started together, named {@code <name>-1} to {@code
 * <name>-<count>}, each in the failure report and closed (or shared and reset) as a single host
 * would be. The list is unmodifiable.
 *
 * <p>A {@code FakeSshHost} parameter needs no annotation for the defaults; a field does, as JUnit's
 * {@code @TempDir} does. Wrong use fails before the test runs with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} (wrapped in a {@link
 * org.junit.jupiter.api.extension.ParameterResolutionException} for parameters) naming the
 * parameter or field and the attribute: a type other than {@code FakeSshHost} or {@code
 * List<FakeSshHost>}, a {@code final} field, a malformed or repeated user, a repeated
 * authentication method, users together with
 * {@code acceptAnyCredentials}, a journal capacity below 1, a malformed seed, a blank name or one
 * another host of the test has by {@code name} already, {@code count} on a single host or out of
 * bounds, a fleet without {@code count}, a {@code plan} that is malformed, missing, or set together
 * with an attribute the plan decides.
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

  /**
   * The authentication methods the host offers, in the order it offers them ({@link
   * io.github.sshfaults.sshd.FakeSshHost.Builder#authMethods}). Empty (the default) offers {@code
   * publickey,password}, as OpenSSH's sshd does. No method twice.
   */
  AuthMethod[] authMethods() default {};

  /**
   * How long the host takes for what a real server spends time on ({@link
   * io.github.sshfaults.sshd.FakeSshHost.Builder#timing}): {@link Timing#FAST} unless set; {@link
   * Timing#OPENSSH} costs what sshd with PAM does, 2 to 4 s to refuse a wrong password.
   */
  Timing timing() default Timing.FAST;

  /** How many events the host's journal keeps before dropping the oldest; at least 1. */
  int journalCapacity() default Journal.DEFAULT_CAPACITY;

  /**
   * The seed of the host's random decisions (probability faults, random delays), as a decimal
   * {@code long}: set it to replay the seed a failure report printed. Empty (the default) leaves it
   * to the system property {@code sshfaults.seed}, or a random seed. For a fleet, the fleet's seed,
   * from which each of its hosts' seeds derives.
   */
  String seed() default "";

  /**
   * The host's name in failure reports, outcome tables and messages (its {@link
   * io.github.sshfaults.sshd.FakeSshHost#displayName()}); for a fleet, the stem of its hosts' names
   * ({@code "web"} gives {@code web-1}, {@code web-2}...). Empty (the default) names it after its
   * parameter or field, or a stand-in such as {@code host-1} when the parameter has no name. Not
   * blank; two hosts of one test cannot have the same name by this attribute.
   */
  String name() default "";

  /**
   * How many hosts a {@code List<FakeSshHost>} fleet has: between 1 and 1000. Only for, and
   * required by, a {@code List<FakeSshHost>}; 0 (the default) is a single {@code FakeSshHost}.
   * Every host of the fleet gets a seed derived from the fleet's seed ({@link #seed()}, or one
   * drawn for the fleet) and its number, so the seed a failure report shows for the fleet replays
   * all of them.
   */
  int count() default 0;

  /**
   * A plan file that describes the host: its users, command stubs, files, faults, seed, algorithms
   * and host key type, in YAML (or JSON), as the standalone server reads it, so that tests in other
   * languages can share it ({@link io.github.sshfaults.sshd.FakeSshHost#fromPlan(java.nio.file.Path)}
   * without JUnit). A path relative to the working directory (the module's directory under Maven
   * and Gradle), or else a class path resource: {@code @FakeHost(plan = "src/test/plans/web.yaml")}.
   * The plan is the host's baseline, what a shared host is reset to. When the plan has several
   * hosts, {@link #name()} picks one. Empty (the default): no plan. Not with {@link #users()},
   * {@link #acceptAnyCredentials()}, {@link #algorithms()}, {@link #hostKeyType()}, {@link
   * #authMethods()}, {@link #timing()}, {@link #seed()} or {@link #count()}, which the plan says; a
   * malformed plan fails naming its file, line and field.
   */
  String plan() default "";
}
