/**
 * What a fake host saw: its {@link io.github.sshfaults.sshd.journal.Journal} of connections,
 * logins, commands, SFTP operations and faults fired, one {@link
 * io.github.sshfaults.sshd.journal.JournalEvent} each, and {@link
 * io.github.sshfaults.sshd.journal.Verification} to check them in a test.
 */
package io.github.sshfaults.sshd.journal;
