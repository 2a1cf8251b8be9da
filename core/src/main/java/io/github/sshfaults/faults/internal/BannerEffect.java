package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Delay;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#BANNER}: the host's identification line.
 * Once per connection.
 */
public interface BannerEffect extends Effect {

  /** Tells {@code injector} what this effect does to the banner. */
  void atBanner(Injector injector, Firing firing);

  /** What the engine can do to the host's identification line. */
  interface Injector {
    /**
     * Sends the identification line, and everything after it, late by a sample of {@code delay}.
     */
    void delayBanner(Delay delay, Firing firing);

    /**
     * Sends {@code bytes} instead of the identification line, then closes.
     *
     * @param what how reports name the bytes: {@code garbage}, {@code random bytes}
     */
    void sendInsteadOfBanner(byte[] bytes, String what, Firing firing);
  }
}
