package io.github.sshfaults.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves shared hosts as the annotated test (or every test of the annotated class) left them,
 * instead of resetting them afterwards: users, stubs and journal carry over to the next test.
 *
 * <p>Without it, a shared host (a {@code static} {@link FakeHost} field, a host from a
 * {@code @BeforeAll} parameter, a {@code static} {@link FakeHostExtension}) is reset after each
 * test to the state it had before that test: what {@code @BeforeAll} set up stays, what the test
 * and its {@code @BeforeEach} methods added goes, and its journal is cleared.
 *
 * <pre>{@code
 * @Test
 * @Order(1)
 * @KeepHostState
 * void registersTheDeployUser() { shared.user("deploy", "pw"); }
 *
 * @Test
 * @Order(2)
 * void deploysAsTheRegisteredUser() { ... } // still sees user "deploy"
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KeepHostState {}
