package io.github.sshfaults.sshd.internal.plan;

import static io.github.sshfaults.internal.Preconditions.quote;

import java.util.List;

/**
 * The hosts of a plan file, in the file's order.
 *
 * @param file the file, as messages name it
 * @param hosts its hosts
 */
public record Plan(String file, List<HostPlan> hosts) {

  public Plan {
    hosts = List.copyOf(hosts);
  }

  /** The host names, in order. */
  public List<String> names() {
    return hosts.stream().map(HostPlan::name).toList();
  }

  /**
   * The plan's only host.
   *
   * @throws IllegalArgumentException naming the hosts when the plan has several
   */
  public HostPlan only() {
    if (hosts.size() != 1) {
      throw new IllegalArgumentException(
          file
              + " describes "
              + hosts.size()
              + " hosts ("
              + String.join(", ", names())
              + "), not one: name the host to start, or start them all");
    }
    return hosts.get(0);
  }

  /**
   * The host called {@code name}.
   *
   * @throws IllegalArgumentException naming the hosts there are when none is called so
   */
  public HostPlan host(String name) {
    return hosts.stream()
        .filter(host -> host.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    file
                        + " has no host "
                        + quote(name)
                        + "; its hosts are "
                        + String.join(", ", names())));
  }
}
