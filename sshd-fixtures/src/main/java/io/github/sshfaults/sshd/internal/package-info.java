/**
 * The machinery behind {@link io.github.sshfaults.sshd.FakeSshHost}. <strong>Not API</strong>:
 * anything here may change or vanish in any release without notice.
 */
package io.github.sshfaults.sshd.internal;
