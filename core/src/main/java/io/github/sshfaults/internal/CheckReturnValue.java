package io.github.sshfaults.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every method of a type) whose result must be used: ignoring it is a bug,
 * because the call changes nothing by itself. An immutable value's fluent copy ({@code
 * fault.atMost(1)} returns a new fault and leaves {@code fault} as it was), a stub that is never
 * finished, a verification that names no check.
 *
 * <p>Error Prone's {@code CheckReturnValue} check and IntelliJ IDEA's "Result of method call
 * ignored" inspection recognise any annotation with this simple name, so users of those tools are
 * warned at compile time without a dependency on either. Not {@code @Documented}: it is a hint for
 * tools, not part of the API.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface CheckReturnValue {}
