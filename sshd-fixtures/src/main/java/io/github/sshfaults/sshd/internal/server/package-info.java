/**
 * The standalone server: fake hosts in a process of their own, for clients in any language,
 * started with {@code java -jar sshfaults-sshd-fixtures-<version>-server.jar}. <strong>Not
 * API</strong>: its interface is the command line, the output and the control interface, documented
 * in the user guide.
 */
package io.github.sshfaults.sshd.internal.server;
