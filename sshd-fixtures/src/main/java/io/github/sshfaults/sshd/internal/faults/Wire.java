package io.github.sshfaults.sshd.internal.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.io.nio2.Nio2CompletionHandler;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * The fault machinery between SSH and the socket of one connection, once a fault needs it: what the
 * engine can do to a connection's bytes, and how each looks to the client. It only coordinates its
 * parts, each of which does one thing:
 *
 * <ul>
 *   <li>{@link Writes}: the host's writes, in order, held back, paced or cut;
 *   <li>{@link Reads}: the client's bytes, paced, cut, held, ignored or left unread;
 *   <li>{@link ResetProbe}: what makes the client speak before a reset;
 *   <li>{@link Pace} and {@link ByteCut}: a bandwidth limit and a byte count, one per direction.
 * </ul>
 *
 * <p>After a session is closed, its writes fail and its reads end, as with MINA SSHD's own
 * sessions.
 */
final class Wire {

  private final Writes writes;
  private final Reads reads;
  private final ResetProbe probe;

  Wire(WireSession session) {
    this.writes = new Writes(session);
    this.probe = new ResetProbe(session);
    this.reads = new Reads(session, probe);
  }

  // ------------------------------------------------------------ shaping

  /** Holds every write until {@code delayNanos} after now. */
  void delayFirstWrites(long delayNanos) {
    writes.delayFirst(delayNanos);
  }

  /** Delays each later write by a new sample of {@code latencyNanos}, in order. */
  void delayEachWrite(LongSupplier latencyNanos) {
    writes.delayEach(latencyNanos);
  }

  /** Sends at most {@code bytesPerSecond} to the client, in chunks of at most {@code chunk}. */
  void throttleWrites(long bytesPerSecond, int chunk) {
    writes.throttle(bytesPerSecond, chunk);
  }

  /** Reads at most {@code bytesPerSecond} from the client, in reads of at most {@code chunk}. */
  void throttleReads(long bytesPerSecond, int chunk) {
    reads.throttle(bytesPerSecond, chunk);
  }

  /**
   * Asks {@code action} once {@code bytes} bytes have gone to the client, before anything more
   * goes: when it answers true (it applied its ending), nothing more goes; else the bytes flow on.
   */
  void cutWritesAfter(long bytes, BooleanSupplier action) {
    writes.cutAfter(bytes, action);
  }

  /**
   * Asks {@code action} once {@code bytes} bytes have come from the client, at SSH's next read:
   * when it answers true (it applied its ending), no more reach SSH; else they flow on.
   */
  void cutReadsAfter(long bytes, BooleanSupplier action) {
    reads.cutAfter(bytes, action);
  }

  /** Runs {@code action} right after the next write has been handed to the socket. */
  void afterNextWrite(Runnable action) {
    writes.afterNext(action);
  }

  // ------------------------------------------------------------ the faults

  /** Holds both directions, a network partition: writes queue up, the next read waits. */
  void hold() {
    writes.hold();
    reads.hold();
  }

  /** Releases what {@link #hold()} held, in order. */
  void release() {
    writes.release();
    reads.release();
  }

  /**
   * Sends {@code bytes} after the pending writes, then a FIN, as a live server of another protocol
   * that closes politely: what the client sends is read and ignored until it closes.
   */
  void sendThenDrop(byte[] bytes) {
    writes.enqueue(bytes);
    writes.finishLingering();
    reads.discard();
  }

  /**
   * The pending writes go out, then a FIN, and the socket closes, as a process that died: what the
   * client sends until the FIN is out is read and ignored, what it sends later gets an RST; later
   * writes vanish.
   */
  void drop() {
    writes.finish();
    reads.discard();
  }

  /** Nothing more goes out, the client is not heard; the connection stays open. */
  void hang() {
    writes.close();
    reads.discard();
  }

  /**
   * Resets the connection as soon as the client sends something. With {@code probe}, after key
   * exchange only, a probe makes sure it does; with {@code silent} (before the banner) nothing
   * more goes out, and the reset reads the client's first byte itself, at once.
   */
  void reset(boolean probe, boolean silent) {
    this.probe.probing(probe);
    if (silent) {
      writes.close();
      reads.resetAtFirstByte();
      return;
    }
    reads.reset();
    if (probe) {
      this.probe.send();
    }
  }

  /** Reads the client's bytes in small pieces from now on; see {@link Reads#readInSmallPieces()}. */
  void readInSmallPieces() {
    reads.readInSmallPieces();
  }

  /**
   * Nothing more goes out, and the connection resets at the client's next bytes, without a probe
   * (which would send more): for a reset after an exact number of bytes to the client.
   */
  void resetAtClientsNextBytes() {
    probe.probing(false);
    writes.close();
    reads.reset();
  }

  /** From now on, what the client sends is read and ignored. */
  void discardReads() {
    reads.discard();
  }

  /**
   * From now on, what the client sends is not heard; once the next write is out, a probe makes the
   * client answer, and its answer is left unread for the reset.
   */
  void resetAfterNextWrite() {
    probe.probing(true);
    writes.afterNext(probe::send);
    reads.reset();
  }

  // ------------------------------------------------------------ the session's calls

  /** A write of SSH's. */
  IoWriteFuture write(Buffer buffer) throws IOException {
    return writes.write(buffer);
  }

  /** MINA SSHD's next read. */
  void read(ByteBuffer buffer, Nio2CompletionHandler<Integer, Object> completion) {
    reads.read(buffer, completion);
  }

  /** Takes over a read MINA SSHD had already started; false when SSH should have its bytes. */
  boolean divert(ByteBuffer buffer, Integer result) {
    return reads.divert(buffer, result);
  }

  /** Runs {@code action} once every queued write has been handed to the socket. */
  void whenDrained(Runnable action) {
    writes.whenDrained(action);
  }

  /** The session closes at once: what is still queued never goes out. */
  void abort() {
    writes.abort();
    reads.abort();
  }
}
