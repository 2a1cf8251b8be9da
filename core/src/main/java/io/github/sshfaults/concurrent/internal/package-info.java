/**
 * The machinery behind {@link io.github.sshfaults.concurrent}. <strong>Not API</strong>: anything
 * here may change or vanish in any release without notice.
 */
package io.github.sshfaults.concurrent.internal;
