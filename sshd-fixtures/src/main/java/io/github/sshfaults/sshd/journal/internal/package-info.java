/**
 * How fake hosts fill their journals: MINA SSHD listeners and decorators, the bounded event store,
 * and its text and JSON forms. <strong>Not API</strong>: anything here may change or vanish in any
 * release without notice. Other parts of sshfaults record their events through {@link
 * io.github.sshfaults.sshd.journal.internal.RecordingJournal}.
 */
package io.github.sshfaults.sshd.journal.internal;
