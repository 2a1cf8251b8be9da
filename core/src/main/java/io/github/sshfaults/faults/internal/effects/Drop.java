package io.github.sshfaults.faults.internal.effects;

import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AfterAuthEffect;
import io.github.sshfaults.faults.internal.AuthEffect;
import io.github.sshfaults.faults.internal.ChannelOpenEffect;
import io.github.sshfaults.faults.internal.ConnectEffect;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.ForwardingCutEffect;
import io.github.sshfaults.faults.internal.ForwardingEffect;
import io.github.sshfaults.faults.internal.KexEffect;
import io.github.sshfaults.faults.internal.OutputEffect;
import io.github.sshfaults.faults.internal.SftpEffect;
import io.github.sshfaults.faults.internal.SftpTransferEffect;
import io.github.sshfaults.faults.internal.ShellEffect;
import io.github.sshfaults.faults.internal.TimedEffect;
import io.github.sshfaults.faults.internal.TransportCutEffect;
import io.github.sshfaults.faults.internal.TransportEffect;

/** The host closes the TCP connection (FIN) without an SSH goodbye. */
public record Drop()
    implements ConnectEffect,
        KexEffect,
        AuthEffect,
        AfterAuthEffect,
        ChannelOpenEffect,
        ExecEffect,
        OutputEffect,
        SftpEffect,
        SftpTransferEffect,
        TransportEffect,
        TransportCutEffect,
        ShellEffect,
        TimedEffect, ForwardingEffect, ForwardingCutEffect {

  @Override
  public Stage defaultStage() {
    return Stage.CONNECT;
  }

  @Override
  public void atConnect(ConnectEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atKex(KexEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atAuth(AuthEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atAfterAuth(AfterAuthEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atChannelOpen(ChannelOpenEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atExec(ExecEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atOutput(OutputEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atSftp(SftpEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atSftpTransfer(SftpTransferEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atTransport(TransportEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atTransportCut(TransportCutEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atShell(ShellEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atForwarding(ForwardingEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public void atForwardingCut(ForwardingCutEffect.Injector injector, Firing firing) {
    injector.drop(firing);
  }

  @Override
  public String toString() {
    return "dropConnection()";
  }
}
