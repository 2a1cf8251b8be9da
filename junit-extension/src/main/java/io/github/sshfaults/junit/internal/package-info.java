/**
 * Internals of the JUnit extension; not API: anything here may change without notice. Public only
 * where a JUnit service loader needs it.
 */
package io.github.sshfaults.junit.internal;
