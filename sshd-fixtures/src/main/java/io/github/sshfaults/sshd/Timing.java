package io.github.sshfaults.sshd;

import io.github.sshfaults.faults.AuthMethod;
import io.github.sshfaults.faults.Delay;
import io.github.sshfaults.faults.Fault;
import io.github.sshfaults.faults.FaultPlan;
import io.github.sshfaults.faults.Stage;
import java.time.Duration;

/**
 * How long a fake host takes for what a real server spends time on: starting a connection,
 * checking a password, refusing a wrong one, starting a command. Faults come on top: a fault that
 * delays the same thing (a {@link Fault#delay(Delay)} at {@link Stage#AUTH}, a {@link
 * Fault#delayAuthFailures(Delay, AuthMethod...)}) replaces the timing's delay where it fires, as a
 * fault added later wins over one added before.
 *
 * <pre>{@code
 * FakeSshHost realistic = FakeSshHost.builder().timing(Timing.OPENSSH).start();
 * }</pre>
 *
 * <p>The timing's delays are drawn from the host's seed, so the same seed gives the same delays
 * per connection; they are not faults of the test, so they are not in {@link
 * FakeSshHost#faults()}, stay when the faults are cleared, and are not journaled as {@code
 * FaultFired} events.
 */
public enum Timing {

  /**
   * No added cost: the host answers as fast as Apache MINA SSHD does on loopback, a login and a
   * command in tens of milliseconds. A wrong password is refused at once. The default.
   */
  FAST(FaultPlan.empty()),

  /**
   * The cost of OpenSSH's sshd with PAM (Debian, Ubuntu, Fedora), as measured on loopback: a
   * successful login and a command take 320-530 ms there, and a wrong password is refused after 2 to
   * 4 seconds. It models:
   *
   * <ul>
   *   <li>sshd forking and re-executing itself for each connection: the banner comes 25-45 ms late;
   *   <li>PAM's password check, account check and session setup: a successful authentication is
   *       answered 230-320 ms late;
   *   <li>PAM's failure delay ({@code pam_unix}, {@code pam_faildelay}): a failed {@code password}
   *       or {@code keyboard-interactive} request is answered 2-4 s late;
   *   <li>sshd's own minimum failure time ({@code ensure_minimum_time_since}): a failed {@code
   *       publickey} request is answered 5-9 ms late;
   *   <li>the user's shell starting for each command: a command's output starts 30-60 ms late.
   * </ul>
   *
   * <p>Each delay is drawn uniformly from its range. The algorithms are not part of the timing:
   * combine with {@link AlgorithmSet#OPENSSH} for a key exchange that costs what a real one does.
   */
  OPENSSH(
      FaultPlan.of(
          Fault.delay(Delay.uniform(Duration.ofMillis(25), Duration.ofMillis(45)))
              .at(Stage.BANNER),
          Fault.delay(Delay.uniform(Duration.ofMillis(230), Duration.ofMillis(320)))
              .at(Stage.AUTH),
          Fault.delayAuthFailures(
              Delay.uniform(Duration.ofSeconds(2), Duration.ofSeconds(4)),
              AuthMethod.PASSWORD,
              AuthMethod.KEYBOARD_INTERACTIVE),
          Fault.delayAuthFailures(
              Delay.uniform(Duration.ofMillis(5), Duration.ofMillis(9)), AuthMethod.PUBLIC_KEY),
          Fault.delay(Delay.uniform(Duration.ofMillis(30), Duration.ofMillis(60)))
              .at(Stage.EXEC)));

  private final FaultPlan delays;

  Timing(FaultPlan delays) {
    this.delays = delays;
  }

  /** The delays, as faults the host's plan holds below the test's own. */
  FaultPlan delays() {
    return delays;
  }
}
