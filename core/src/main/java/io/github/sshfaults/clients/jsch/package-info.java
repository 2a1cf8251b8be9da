/**
 * The JSch client ({@code com.github.mwiede:jsch}, which you bring) behind {@link
 * io.github.sshfaults.clients.SshClientAdapter}: {@link
 * io.github.sshfaults.clients.jsch.JschClientAdapter}.
 */
package io.github.sshfaults.clients.jsch;
