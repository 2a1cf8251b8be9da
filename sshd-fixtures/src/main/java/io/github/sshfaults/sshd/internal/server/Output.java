package io.github.sshfaults.sshd.internal.server;

import io.github.sshfaults.sshd.journal.JournalEvent;
import io.github.sshfaults.sshd.journal.internal.EventText;
import io.github.sshfaults.sshd.journal.internal.JsonLines;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server prints and journals, written by one thread of its own: hosts record events on
 * their I/O threads, which must never wait for a slow reader of stdout. Lines keep their order;
 * when the reader falls behind by {@value #CAPACITY} lines, further log lines are dropped and
 * counted (JSON lines for the start and journal lines are kept while there is room).
 */
final class Output implements AutoCloseable {

  static final int CAPACITY = 10_000;

  /** One line for stdout, the journal file, or both. */
  private record Line(String stdout, String journal) {}

  private static final Line END = new Line(null, null);

  private final PrintStream out;
  private final Writer journal;
  private final boolean quiet;
  private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  /**
   * @param journal where journal events go as JSON Lines, or null
   * @param quiet whether to leave out the log line of each event
   */
  Output(PrintStream out, Writer journal, boolean quiet) {
    this.out = out;
    this.journal = journal;
    this.quiet = quiet;
    this.writer = new Thread(this::write, "sshfaults-server-output");
    // A reader that never reads stdout must not keep the process alive.
    writer.setDaemon(true);
    writer.start();
  }

  /** A line for stdout, such as a host's JSON line. */
  void print(String line) {
    offer(new Line(line, null));
  }

  /** A line for stdout unless quiet: what the server did, such as a control request. */
  void log(String line) {
    if (!quiet) {
      offer(new Line(line, null));
    }
  }

  /** An event of host {@code host}: its log line, and its JSON line in the journal file. */
  void event(String host, JournalEvent event) {
    String log = quiet ? null : host + " " + EventText.line(event);
    String json = null;
    if (journal != null) {
      String hostField = JsonLines.object(Map.of("host", host));
      json = hostField.substring(0, hostField.length() - 1) + "," + JsonLines.event(event).substring(1);
    }
    if (log != null || json != null) {
      offer(new Line(log, json));
    }
  }

  private void offer(Line line) {
    if (closed || !lines.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  private void write() {
    List<Line> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(lines.take());
        lines.drainTo(batch);
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          out.println("(" + lost + " lines dropped: stdout was not read fast enough)");
        }
        for (Line line : batch) {
          if (line == END) {
            flush();
            return;
          }
          if (line.stdout() != null) {
            out.println(line.stdout());
          }
          if (line.journal() != null) {
            journal.write(line.journal());
            journal.write('\n');
          }
        }
        batch.clear();
        flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      out.println("Cannot write the journal file any more: " + e);
      out.flush();
    }
  }

  private void flush() throws IOException {
    out.flush();
    if (journal != null) {
      journal.flush();
    }
  }

  /**
   * Writes what is queued, then stops the writer; waits at most a second for a reader that does
   * not read, then leaves the (daemon) writer behind.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lines.offer(END, 1, TimeUnit.SECONDS);
      writer.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (journal != null && !writer.isAlive()) {
        try {
          journal.close();
        } catch (IOException e) {
          out.println("Cannot close the journal file: " + e);
        }
      }
    }
  }
}
