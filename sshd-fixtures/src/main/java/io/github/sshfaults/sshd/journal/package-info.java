/**
 * What a fake host saw: its {@link io.github.sshfaults.sshd.journal.Journal} of connections,
 * logins, commands, SFTP operations and faults fired, one {@link
 * io.github.sshfaults.sshd.journal.JournalEvent} each. A test checks them with {@code verify(host,
 * count)} of {@link io.github.sshfaults.sshd.assertions.SshFaultsAssertions}.
 */
package io.github.sshfaults.sshd.journal;
