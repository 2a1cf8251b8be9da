package io.github.sshfaults.clients.internal;

import io.github.sshfaults.clients.HopFailedException;
import io.github.sshfaults.clients.HopFailedException.Hop;
import io.github.sshfaults.clients.SshTarget;
import java.util.concurrent.Callable;

/** How the adapters name the hop that failed for a target reached through a jump host. */
public final class Hops {

  private Hops() {}

  /**
   * The result of {@code work} on {@code target}; when the target has a jump host, what {@code
   * work} throws is reported as a failure of the inner host, unless it already names its hop.
   */
  public static <T> T onInnerHost(SshTarget target, Callable<T> work) throws Exception {
    if (target.jumpHost().isEmpty()) {
      return work.call();
    }
    try {
      return work.call();
    } catch (HopFailedException named) {
      throw named;
    } catch (Exception e) {
      throw new HopFailedException(Hop.INNER_HOST, target, e);
    }
  }
}
