/**
 * Plan files: fake hosts described in YAML (or JSON), read by {@code FakeSshHost.fromPlan} and the
 * standalone server. <strong>Not API</strong>: anything here may change or vanish in any release
 * without notice; the file format is documented in the user guide.
 */
package io.github.sshfaults.sshd.internal.plan;
