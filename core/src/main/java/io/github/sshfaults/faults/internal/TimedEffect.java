package io.github.sshfaults.faults.internal;

/**
 * An effect that can wait a duration after its occasion before it acts ({@link
 * io.github.sshfaults.faults.Fault#after(java.time.Duration)}): the endings of a connection at
 * {@link io.github.sshfaults.faults.Stage#AFTER_AUTH} and {@link
 * io.github.sshfaults.faults.Stage#EXEC}, a server that dies some time after a login or into a
 * command. The decision is taken on the occasion, from the seed; only the moment is later.
 */
public interface TimedEffect extends Effect {}
