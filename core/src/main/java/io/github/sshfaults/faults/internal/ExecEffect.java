package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Delay;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#EXEC}: the client asked to run a command and
 * nothing of its output has gone out. Once per command.
 */
public interface ExecEffect extends Effect {

  /** Tells {@code injector} what this effect does to the command. */
  void atExec(Injector injector, Firing firing);

  /**
   * What the engine can do to a command. A hang sends the output but never the exit code; the
   * other endings end the connection instead of running the command.
   */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {
    /** Sends nothing on stdout, {@code stderr} on stderr, and exits with {@code exitCode}. */
    void exitWith(int exitCode, String stderr, Firing firing);

    /** Sends the first output late by a sample of {@code delay}. */
    void delayOutput(Delay delay, Firing firing);

    /** Sends stdout at most at {@code bytesPerSecond}, in chunks of at most {@code chunkSize}. */
    void throttle(long bytesPerSecond, int chunkSize, Firing firing);
  }
}
