package io.github.sshfaults.docs.guide;

import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened on one host of the worked example's fleet: a kind a report can count, and a detail
 * a person can read.
 */
record Outcome(String host, Kind kind, String detail) {

  private static final Logger LOG = LoggerFactory.getLogger(Outcome.class);

  // tag::kinds[]
  enum Kind {
    /** The command ran and its output made sense. */
    OK,
    /** The host turned our credentials away: fix the credentials, not the network. */
    AUTH_ERROR,
    /** Something did not answer in time: connect, handshake, login or the command itself. */
    TIMEOUT,
    /** Any other SSH or network failure: refused, reset, host key, protocol, lost connection. */
    SSH_ERROR,
    /** The command ran and exited non-zero. */
    COMMAND_ERROR,
    /** A bug on our side: nothing to do with SSH. */
    UNEXPECTED
  }
  // end::kinds[]

  static Outcome ok(Target target, int days) {
    return new Outcome(target.name(), Kind.OK, "up " + days + " days");
  }

  /** Classifies {@code failure} and logs it: with its stack trace only when it is unexpected. */
  static Outcome failed(Target target, Throwable failure) {
    Kind kind = classify(failure);
    Outcome outcome = new Outcome(target.name(), kind, failure.toString());
    if (kind == Kind.UNEXPECTED) {
      LOG.error("{}: {}", target, kind, failure);
    } else {
      LOG.warn("{}: {}: {}", target, kind, failure.toString());
    }
    return outcome;
  }

  /** The task did not report back before the run's deadline. */
  static Outcome stillRunning(Target target, Duration deadline) {
    LOG.warn("{}: still running after {}; interrupted", target, deadline);
    return new Outcome(target.name(), Kind.TIMEOUT, "still running after " + deadline);
  }

  // tag::classify[]
  static Kind classify(Throwable failure) {
    if (failure instanceof CommandFailedException) {
      return Kind.COMMAND_ERROR;
    }
    if (isAuthFailure(failure)) {
      return Kind.AUTH_ERROR;
    }
    if (isTimeout(failure)) {
      return Kind.TIMEOUT;
    }
    if (failure instanceof IOException || failure instanceof JSchException) {
      return Kind.SSH_ERROR;   // MINA's SshException is an IOException; so is sshj's SSHException
    }
    return Kind.UNEXPECTED;
  }

  // Neither MINA nor JSch has an exception type for "login refused": the message is all there is.
  private static boolean isAuthFailure(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    return (failure instanceof SshException
            && message.equals("No more authentication methods available"))
        || (failure instanceof JSchException && message.startsWith("Auth fail"));
  }

  private static boolean isTimeout(Throwable failure) {
    return hasCause(failure, TimeoutException.class)
        || hasCause(failure, InterruptedIOException.class)   // SocketTimeoutException is one
        || hasCause(failure, InterruptedException.class);    // stopped at the run's deadline
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
  // end::classify[]

  @Override
  public String toString() {
    return String.format("%-8s %-13s %s", host, kind, detail);
  }
}
