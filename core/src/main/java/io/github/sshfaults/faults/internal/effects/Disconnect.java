package io.github.sshfaults.faults.internal.effects;

import static io.github.sshfaults.internal.Preconditions.notNegative;
import static io.github.sshfaults.internal.Preconditions.notNull;
import static io.github.sshfaults.internal.Preconditions.quote;

import io.github.sshfaults.faults.DisconnectReason;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AfterAuthEffect;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.ChannelOpenEffect;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ForwardingEffect;
import io.github.sshfaults.faults.internal.KexEffect;
import io.github.sshfaults.faults.internal.OutputEffect;
import io.github.sshfaults.faults.internal.SftpEffect;
import io.github.sshfaults.faults.internal.SftpTransferEffect;
import io.github.sshfaults.faults.internal.ShellEffect;
import io.github.sshfaults.faults.internal.TimedEffect;

/**
 * The host sends {@code SSH_MSG_DISCONNECT} with a reason code and message, then closes. The code
 * is one of {@link DisconnectReason}'s, or any other that is not negative.
 *
 * @param reasonCode the code on the wire
 * @param message the text that comes with it
 */
public record Disconnect(int reasonCode, String message)
    implements KexEffect,
        AuthEffect,
        AfterAuthEffect,
        ChannelOpenEffect,
        ExecEffect,
        OutputEffect,
        SftpEffect,
        SftpTransferEffect,
        ShellEffect,
        TimedEffect, ForwardingEffect {

  /** Validates the reason code (0 or more) and the message. */
  public Disconnect {
    notNegative(reasonCode, "disconnect reason code");
    notNull(message, "disconnect message");
  }

  @Override
  public Stage defaultStage() {
    return Stage.AFTER_AUTH;
  }

  @Override
  public void atKex(KexEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atAuth(AuthEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atAfterAuth(AfterAuthEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atChannelOpen(ChannelOpenEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atExec(ExecEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atOutput(OutputEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atSftp(SftpEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atSftpTransfer(SftpTransferEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atShell(ShellEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public void atForwarding(ForwardingEffect.Injector injector, Firing firing) {
    injector.disconnect(reasonCode, message, firing);
  }

  @Override
  public String toString() {
    return reasonCode >= 1 && reasonCode <= DisconnectReason.values().length
        ? "disconnect(" + DisconnectReason.of(reasonCode).name() + ", " + quote(message) + ")"
        : "disconnectWithCode(" + reasonCode + ", " + quote(message) + ")";
  }
}
