/**
 * Fake SSH hosts: {@link io.github.sshfaults.sshd.FakeSshHost}, an embedded Apache MINA SSHD server
 * on loopback with the users, command stubs ({@link io.github.sshfaults.sshd.CommandStubbing},
 * {@link io.github.sshfaults.sshd.CommandResult}) and in-memory files ({@link
 * io.github.sshfaults.sshd.HostFiles}) a test gives it, failing on cue with the faults of {@link
 * io.github.sshfaults.faults}. What each host saw is in its journal ({@link
 * io.github.sshfaults.sshd.journal}); the MINA SSHD client adapter is in {@link
 * io.github.sshfaults.clients.mina}.
 */
package io.github.sshfaults.sshd;
