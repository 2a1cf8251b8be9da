package io.github.sshfaults.sshd.testclients;

/** What a client saw of one exec: both streams and the exit status (null if none arrived). */
public record ExecResult(String stdout, String stderr, Integer exitStatus) {}
