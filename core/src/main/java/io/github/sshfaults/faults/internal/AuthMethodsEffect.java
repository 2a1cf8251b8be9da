package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.AuthMethod;
import java.util.List;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#AUTH} that is decided once per connection,
 * when its authentication service starts: the host announces its methods before the client names
 * its user, so the user is not known.
 */
public interface AuthMethodsEffect extends Effect {

  /** Tells {@code injector} what this effect does to the connection's authentication. */
  void atAuthStart(Injector injector, Firing firing);

  /** What the engine can do to a connection's authentication as a whole. */
  interface Injector {
    /** Requires {@code methods}, one after the other: the first ones earn only partial success. */
    void requireInTurn(List<AuthMethod> methods, Firing firing);
  }
}
