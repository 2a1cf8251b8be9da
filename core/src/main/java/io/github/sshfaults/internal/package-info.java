/**
 * Internal helpers of sshfaults. <strong>Not API</strong>: anything here may change or vanish in
 * any release without notice. Do not use these types from your code.
 */
package io.github.sshfaults.internal;
