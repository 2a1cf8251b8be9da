/**
 * The fault engine: turns a host's {@link io.github.sshfaults.faults.HostFaults fault plan} into
 * behaviour on the wire, through Apache MINA SSHD's hooks (transport session, session listener,
 * authenticators, channel factories, commands). <strong>Not API</strong>: anything here may change
 * or vanish in any release without notice.
 */
package io.github.sshfaults.sshd.internal.faults;
