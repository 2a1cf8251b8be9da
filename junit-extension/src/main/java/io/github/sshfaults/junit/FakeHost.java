package io.github.sshfaults.junit;

import io.github.sshfaults.sshd.AlgorithmSet;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures a {@link io.github.sshfaults.sshd.FakeSshHost} test parameter.
 *
 * <pre>{@code
 * @Test
 * void deploysToBothHosts(@FakeHost(users = "deploy:s3cret") FakeSshHost web,
 *                         @FakeHost(users = "deploy:s3cret") FakeSshHost db) { ... }
 * }</pre>
 *
 * <p>Wrong use fails the test before it runs, naming the parameter and attribute: the annotation
 * on a parameter of another type, or a user entry not of the form {@code name:password}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface FakeHost {

  /**
   * Password users, each {@code "name:password"}; the password is everything after the first
   * colon. Empty (the default) declares nobody; the test may still add users itself.
   */
  String[] users() default {};

  /** The algorithms the host offers; {@link AlgorithmSet#FAST} unless set. */
  AlgorithmSet algorithms() default AlgorithmSet.FAST;
}
