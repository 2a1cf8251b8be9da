package io.github.sshfaults.sshd.assertions;

import io.github.sshfaults.sshd.FakeSshHost;

/** Assertions on what a {@link FakeSshHost} holds; from {@link SshFaultsAssertions#assertThat}. */
public final class FakeSshHostAssert extends AbstractFakeSshHostAssert<FakeSshHostAssert> {

  /** Creates assertions on {@code actual}. */
  public FakeSshHostAssert(FakeSshHost actual) {
    super(actual, FakeSshHostAssert.class);
  }
}
