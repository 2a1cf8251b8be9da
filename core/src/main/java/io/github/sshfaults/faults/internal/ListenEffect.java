package io.github.sshfaults.faults.internal;

/**
 * An effect on the host's listening socket rather than on a connection, at {@link
 * io.github.sshfaults.faults.Stage#CONNECT}: while a fault with it is in the plan, nothing listens
 * on the port. It has no occasion, so it has no injector: the engine asks {@link
 * LivePlan#refuses()} whenever the plan changes.
 */
public interface ListenEffect extends Effect {}
