package io.github.sshfaults.faults.internal.effects;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.ChannelOpenEffect;
import io.github.sshfaults.faults.internal.ConnectEffect;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ForwardingEffect;
import io.github.sshfaults.faults.internal.KexEffect;
import io.github.sshfaults.faults.internal.OutputEffect;
import io.github.sshfaults.faults.internal.SftpEffect;
import io.github.sshfaults.faults.internal.SftpTransferEffect;
import io.github.sshfaults.faults.internal.ShellEffect;

/** The host keeps the connection open and stops answering. */
public record Hang()
    implements ConnectEffect,
        KexEffect,
        AuthEffect,
        ChannelOpenEffect,
        ExecEffect,
        OutputEffect,
        SftpEffect,
        SftpTransferEffect, ShellEffect, ForwardingEffect {

  @Override
  public Stage defaultStage() {
    return Stage.CONNECT;
  }

  @Override
  public void atConnect(ConnectEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atKex(KexEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atAuth(AuthEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atChannelOpen(ChannelOpenEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atExec(ExecEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atOutput(OutputEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atSftp(SftpEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atSftpTransfer(SftpTransferEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atShell(ShellEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public void atForwarding(ForwardingEffect.Injector injector, Firing firing) {
    injector.hang(firing);
  }

  @Override
  public String toString() {
    return "hang()";
  }
}
