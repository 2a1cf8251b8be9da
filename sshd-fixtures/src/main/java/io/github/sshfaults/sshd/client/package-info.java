/**
 * The Apache MINA SSHD client behind {@link io.github.sshfaults.concurrent.SshClientAdapter}, for
 * {@link io.github.sshfaults.concurrent.ConcurrentSsh} tasks.
 */
package io.github.sshfaults.sshd.client;
