package io.github.sshfaults.sshd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionIndexTest {

  @Test
  void isUnknownForASessionNoFakeHostAccepted() {
    assertThat(ConnectionIndex.of(null)).isEqualTo(ConnectionIndex.UNKNOWN);
  }
}
