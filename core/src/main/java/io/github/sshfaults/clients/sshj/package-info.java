/**
 * The sshj client ({@code com.hierynomus:sshj}, which you bring) behind {@link
 * io.github.sshfaults.clients.SshClientAdapter}: {@link
 * io.github.sshfaults.clients.sshj.SshjClientAdapter}.
 */
package io.github.sshfaults.clients.sshj;
