package io.github.sshfaults.clients;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client factory that remembers every client it made and every one closed through it. */
final class TrackingFactory implements ClientFactory<SshClientAdapter> {

  private final ClientFactory<? extends SshClientAdapter> delegate;
  private final List<SshClientAdapter> created = new CopyOnWriteArrayList<>();
  private final Set<SshClientAdapter> closed = ConcurrentHashMap.newKeySet();

  TrackingFactory(ClientFactory<? extends SshClientAdapter> delegate) {
    this.delegate = delegate;
  }

  @Override
  public SshClientAdapter create() throws Exception {
    SshClientAdapter client = delegate.create();
    created.add(client);
    return client;
  }

  @Override
  public void close(SshClientAdapter client) {
    closed.add(client);
    client.close();
  }

  List<SshClientAdapter> created() {
    return created;
  }

  /** Whether every client made was closed, once. */
  boolean closedAll() {
    return closed.size() == created.size() && closed.containsAll(created);
  }
}
