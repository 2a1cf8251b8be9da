package io.github.sshfaults.clients;

import io.github.sshfaults.clients.jsch.JschClientAdapter;
import io.github.sshfaults.clients.mina.MinaClientAdapter;
import io.github.sshfaults.clients.sshj.SshjClientAdapter;
import java.time.Duration;

/** The three client adapters, for tests parameterized over the client library. */
enum ClientAdapters {
  MINA {
    @Override
    ClientFactory<? extends SshClientAdapter> factory(Duration timeout) {
      return MinaClientAdapter.factory(timeout);
    }
  },
  JSCH {
    @Override
    ClientFactory<? extends SshClientAdapter> factory(Duration timeout) {
      return JschClientAdapter.factory(timeout);
    }
  },
  SSHJ {
    @Override
    ClientFactory<? extends SshClientAdapter> factory(Duration timeout) {
      return SshjClientAdapter.factory(timeout);
    }
  };

  /** Far above what loopback needs, so that only a real hang trips it. */
  static final Duration GENEROUS = Duration.ofSeconds(10);

  /** Makes adapters of this library whose every step is bounded by {@code timeout}. */
  abstract ClientFactory<? extends SshClientAdapter> factory(Duration timeout);

  /** Makes adapters of this library with a generous timeout. */
  ClientFactory<? extends SshClientAdapter> factory() {
    return factory(GENEROUS);
  }

  /** One adapter of this library, for tests that drive it directly; the caller closes it. */
  SshClientAdapter create(Duration timeout) throws Exception {
    return factory(timeout).create();
  }
}
