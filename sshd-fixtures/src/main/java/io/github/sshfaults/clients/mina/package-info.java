/**
 * The Apache MINA SSHD client behind {@link io.github.sshfaults.clients.SshClientAdapter}: {@link
 * io.github.sshfaults.clients.mina.MinaClientAdapter}, with the same I/O back-end (NIO2) as the
 * fake hosts.
 */
package io.github.sshfaults.clients.mina;
