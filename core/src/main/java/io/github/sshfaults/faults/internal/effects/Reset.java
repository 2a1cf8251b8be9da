package io.github.sshfaults.faults.internal.effects;


import io.github.sshfaults.faults.Direction;
import io.github.sshfaults.faults.Stage;
import io.github.sshfaults.faults.internal.AfterAuthEffect;
import io.github.sshfaults.faults.internal.ChannelOpenEffect;
import io.github.sshfaults.faults.internal.ConnectEffect;
import io.github.sshfaults.faults.internal.ExecEffect;
import io.github.sshfaults.faults.internal.FaultSpec;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.KexEffect;
import io.github.sshfaults.faults.internal.OutputEffect;
import io.github.sshfaults.faults.internal.SftpEffect;
import io.github.sshfaults.faults.internal.SftpTransferEffect;
import io.github.sshfaults.faults.internal.ShellEffect;
import io.github.sshfaults.faults.internal.TransportCutEffect;
import io.github.sshfaults.faults.internal.TransportEffect;

/**
 * The host resets the TCP connection (RST): data in flight to the client is lost. Not at {@code
 * AUTH}: a reset needs bytes from the client left unread, and while a client waits for the answer
 * to its authentication request nothing makes every client speak.
 */
public record Reset()
    implements ConnectEffect,
        KexEffect,
        AfterAuthEffect,
        ChannelOpenEffect,
        ExecEffect,
        OutputEffect,
        SftpEffect,
        SftpTransferEffect,
        TransportEffect,
        TransportCutEffect, ShellEffect {

  @Override
  public Stage defaultStage() {
    return Stage.CONNECT;
  }

  @Override
  public void check(FaultSpec fault) {
    if (fault.stage() == Stage.TRANSPORT
        && fault.afterBytes() > 0
        && fault.direction() == Direction.TO_CLIENT) {
      throw new IllegalArgumentException(
          "resetConnection() after "
              + fault.afterBytes()
              + " bytes at stage TRANSPORT counts what the client sends: call"
              + " direction(Direction.FROM_CLIENT) before afterBytes. A reset needs unread bytes"
              + " from the client, and a client cut off in the middle of a packet sends none; use"
              + " dropConnection() to cut what the host sends");
    }
  }

  @Override
  public void atConnect(ConnectEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atKex(KexEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atAfterAuth(AfterAuthEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atChannelOpen(ChannelOpenEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atExec(ExecEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atOutput(OutputEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atSftp(SftpEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atSftpTransfer(SftpTransferEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atTransport(TransportEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atTransportCut(TransportCutEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public void atShell(ShellEffect.Injector injector, Firing firing) {
    injector.reset(firing);
  }

  @Override
  public String toString() {
    return "resetConnection()";
  }
}
