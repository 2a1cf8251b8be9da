/**
 * The machinery behind the client adapters of {@link io.github.sshfaults.clients}. <strong>Not
 * API</strong>: anything here may change or vanish in any release without notice.
 */
package io.github.sshfaults.clients.internal;
