package io.github.sshfaults.concurrent;

import java.util.concurrent.TimeoutException;

/**
 * A task did not finish within its deadline; classified as {@link FailureKind#TIMEOUT}.
 *
 * <p>For a task that was still running (a {@linkplain Outcome.Status#HUNG hung} outcome) the stack
 * trace of this exception is the stack of the worker thread at the deadline, so it shows where the
 * task was stuck. For a task that never started ({@link Outcome.Status#NOT_STARTED}) it is empty.
 */
public final class DeadlineExceededException extends TimeoutException {

  DeadlineExceededException(String message, StackTraceElement[] workerStack) {
    super(message);
    setStackTrace(workerStack);
  }
}
