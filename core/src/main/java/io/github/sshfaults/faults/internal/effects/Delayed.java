package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNull;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.BannerEffect;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ForwardingEffect;
import io.github.sshfaults.faults.internal.SftpEffect;
import io.github.sshfaults.faults.internal.ShellEffect;
import io.github.sshfaults.faults.internal.TransportEffect;

/**
 * The host waits before answering or sending.
 *
 * @param delay how long
 */
public record Delayed(Delay delay)
    implements BannerEffect,
        AuthEffect,
        ExecEffect,
        SftpEffect,
        TransportEffect,
        ShellEffect,
        ForwardingEffect {

  /** Validates the delay. */
  public Delayed {
    notNull(delay, "delay");
  }

  @Override
  public Stage defaultStage() {
    return Stage.BANNER;
  }

  @Override
  public void atBanner(BannerEffect.Injector injector, Firing firing) {
    injector.delayBanner(delay, firing);
  }

  @Override
  public void atAuth(AuthEffect.Injector injector, Firing firing) {
    injector.delayAnswer(delay, firing);
  }

  @Override
  public void atExec(ExecEffect.Injector injector, Firing firing) {
    injector.delayOutput(delay, firing);
  }

  @Override
  public void atSftp(SftpEffect.Injector injector, Firing firing) {
    injector.delayAnswer(delay, firing);
  }

  @Override
  public void atTransport(TransportEffect.Injector injector, Firing firing) {
    injector.delayEachWrite(delay, firing);
  }

  @Override
  public void atShell(ShellEffect.Injector injector, Firing firing) {
    injector.delayPrompt(delay, firing);
  }

  @Override
  public void atForwarding(ForwardingEffect.Injector injector, Firing firing) {
    injector.delayOpen(delay, firing);
  }

  @Override
  public String toString() {
    return "delay(" + delay + ")";
  }
}
