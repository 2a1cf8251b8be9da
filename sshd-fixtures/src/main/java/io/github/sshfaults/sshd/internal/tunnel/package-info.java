/**
 * Not API: port forwarding of fake hosts, on MINA SSHD's own forwarding channel, where only
 * destinations inside the test can be reached. May change in any release.
 */
package io.github.sshfaults.sshd.internal.tunnel;
