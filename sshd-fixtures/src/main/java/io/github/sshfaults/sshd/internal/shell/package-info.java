/**
 * The scripted shells of fake hosts: what a shell request gets, {@link
 * io.github.sshfaults.sshd.Shell}'s script played line by line, with the pseudo-terminal the client
 * asked for. <strong>Not API</strong>: anything here may change or vanish in any release without
 * notice.
 */
package io.github.sshfaults.sshd.internal.shell;
