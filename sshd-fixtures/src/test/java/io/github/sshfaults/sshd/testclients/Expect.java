package io.github.sshfaults.sshd.testclients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a shell's output the way automation code does: until a regular expression matches, within
 * a bound. A named daemon thread pumps the client library's stream into a buffer (the libraries'
 * streams block without a timeout); {@link #expect} waits on that buffer, never longer than its
 * bound, and consumes what it returned. The thread ends when the stream ends or {@link #close()}
 * closes it.
 */
public final class Expect implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final InputStream in;
  private final Duration timeout;
  private final StringBuilder pending = new StringBuilder();
  private final Thread pump;
  private boolean ended;
  private IOException failure;

  public Expect(InputStream in, Duration timeout) {
    this.in = in;
    this.timeout = timeout;
    this.pump = new Thread(this::pump, "expect-reader-" + THREADS.incrementAndGet());
    pump.setDaemon(true);
    pump.start();
  }

  private void pump() {
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
        synchronized (this) {
          pending.append(text);
          notifyAll();
        }
      }
    } catch (IOException e) {
      synchronized (this) {
        failure = e;
      }
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  /**
   * Waits until {@code regex} matches what came since the last match, and returns that text up to
   * the end of the match.
   *
   * @throws TimeoutException when it does not match within the bound, showing what came
   */
  public String expect(String regex) throws TimeoutException, InterruptedException {
    return expect(Pattern.compile(regex));
  }

  /** {@link #expect(String)} with a compiled pattern. */
  public synchronized String expect(Pattern pattern)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Matcher matcher = pattern.matcher(pending);
      if (matcher.find()) {
        String upToMatch = pending.substring(0, matcher.end());
        pending.delete(0, matcher.end());
        return upToMatch;
      }
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        throw new TimeoutException(
            (ended ? "the stream ended" : "waited " + timeout.toMillis() + " ms")
                + " without /"
                + pattern
                + "/; got "
                + quoted(pending)
                + (failure != null ? " then " + failure : ""));
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits until the stream ends, and returns what came since the last match. */
  public synchronized String rest() throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException(
            "waited " + timeout.toMillis() + " ms for the end; got " + quoted(pending));
      }
      wait(Math.max(1, left / 1_000_000));
    }
    String rest = pending.toString();
    pending.setLength(0);
    return rest;
  }

  /**
   * Waits {@code quiet} (no longer: to show that something does not come, as a client's own timeout
   * would) and returns what came since the last match, consuming it.
   */
  public synchronized String within(Duration quiet) throws InterruptedException {
    long deadline = System.nanoTime() + quiet.toNanos();
    for (long left; !ended && (left = deadline - System.nanoTime()) > 0; ) {
      wait(Math.max(1, left / 1_000_000));
    }
    String came = pending.toString();
    pending.setLength(0);
    return came;
  }

  /** Whether the stream has ended. */
  public synchronized boolean ended() {
    return ended;
  }

  private static String quoted(CharSequence text) {
    return "\""
        + text.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e")
        + "\"";
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pump.interrupt();
  }
}
