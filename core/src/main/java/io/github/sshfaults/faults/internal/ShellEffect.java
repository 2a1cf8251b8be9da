package io.github.sshfaults.faults.internal;

import io.github.sshfaults.faults.Delay;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#SHELL}: a scripted shell is about to write
 * its prompt, the first one or the one after a line typed (the occasion's command is that line).
 * Once per prompt.
 */
public interface ShellEffect extends Effect {

  /** Tells {@code injector} what this effect does to the prompt. */
  void atShell(Injector injector, Firing firing);

  /**
   * What the engine can do instead of, or before, a prompt. A hang never writes it, and the shell
   * stops reading; the other endings end the connection instead.
   */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {

    /** Writes the prompt late by a sample of {@code delay}. */
    void delayPrompt(Delay delay, Firing firing);

    /** Writes {@code noise} before the prompt. */
    void noise(byte[] noise, Firing firing);

    /** Ends the shell instead of the prompt: {@code stderr}, then exit status {@code exitCode}. */
    void exitWith(int exitCode, String stderr, Firing firing);
  }
}
