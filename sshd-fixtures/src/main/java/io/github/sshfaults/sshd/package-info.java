/**
 * Fake SSH hosts: {@link io.github.sshfaults.sshd.FakeSshHost}, an embedded Apache MINA SSHD server
 * on loopback with the users, command stubs ({@link io.github.sshfaults.sshd.CommandStubbing},
 * {@link io.github.sshfaults.sshd.CommandResult}) and in-memory files ({@link
 * io.github.sshfaults.sshd.HostFiles}) a test gives it, failing on cue with the faults of {@link
 * io.github.sshfaults.faults}. What each host saw is in its journal ({@link
 * io.github.sshfaults.sshd.journal}); the MINA SSHD client adapter is in {@link
 * io.github.sshfaults.clients.mina}.
 *
 * <p>Copies and setters, as in every package of sshfaults but the fault DSL: an immutable value
 * returns a modified copy from {@code withX(..)} and stays as it was ({@code
 * CommandResult.success("ok").withExitCode(3)}); mutable builders ({@code FakeSshHost.Builder}) use
 * bare setter names ({@code FakeSshHost.builder().name("web")}); getters are plain nouns and never
 * share a name with a copy method. A fake host and its files are not values: they change in place,
 * with verbs that return them for chaining ({@code host.user(..)}, {@code host.files().write(..)}).
 */
package io.github.sshfaults.sshd;
