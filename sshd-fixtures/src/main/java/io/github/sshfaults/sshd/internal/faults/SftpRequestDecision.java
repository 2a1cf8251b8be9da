package io.github.sshfaults.sshd.internal.faults;

import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.SftpStatus;
import io.github.sshfaults.faults.internal.Firing;
import io.github.sshfaults.faults.internal.SftpEffect;
import io.github.sshfaults.internal.Durations;
import java.time.Duration;

/**
 * What the per-request faults of one SFTP request ask for: one delay, then one answer instead of
 * the host's (a status, silence, or the end of the connection), each the first that takes effect.
 * {@link FaultySftp} applies it on the channel's request thread.
 */
final class SftpRequestDecision implements SftpEffect.Injector {

  private final FaultEngine engine;
  private final Connection connection;
  private final String what;
  final OneOf delay = new OneOf();
  final OneOf answer = new OneOf();
  Duration late;
  SftpStatus status;
  String message;
  String silence;

  SftpRequestDecision(FaultEngine engine, Connection connection, String what) {
    this.engine = engine;
    this.connection = connection;
    this.what = what;
  }

  @Override
  public void delayAnswer(Delay delay, Firing firing) {
    this.delay.add(
        () -> {
          Duration sample = firing.sample(delay);
          if (!engine.fired(
              connection,
              firing,
              "delayed the answer to " + what + " by " + Durations.format(sample))) {
            return false;
          }
          late = sample;
          return true;
        });
  }

  @Override
  public void answerWith(SftpStatus status, String message, Firing firing) {
    answer.add(
        () -> {
          if (!engine.fired(connection, firing, "answered " + what + " with " + status)) {
            return false;
          }
          this.status = status;
          this.message = message;
          return true;
        });
  }

  @Override
  public void hang(Firing firing) {
    answer.add(
        () -> {
          if (!engine.fired(connection, firing, "stops answering SFTP at " + what)) {
            return false;
          }
          silence = "no answer";
          return true;
        });
  }

  @Override
  public void drop(Firing firing) {
    endInstead(Ending.drop(firing));
  }

  @Override
  public void reset(Firing firing) {
    endInstead(Ending.reset(firing));
  }

  @Override
  public void disconnect(int reasonCode, String message, Firing firing) {
    endInstead(Ending.disconnect(reasonCode, message, firing));
  }

  private void endInstead(Ending ending) {
    answer.add(
        () -> {
          if (!engine.end(connection, ending, "at " + what)) {
            return false;
          }
          silence = "connection ended";
          return true;
        });
  }
}
