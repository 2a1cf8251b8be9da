package io.github.sshfaults.faults.internal;

/**
 * An effect at {@link io.github.sshfaults.faults.Stage#CHANNEL_OPEN}: the client asks to open a
 * channel. Once per channel.
 */
public interface ChannelOpenEffect extends Effect {

  /**
   * Whether this effect can act on the channel {@code injector} is about; when it cannot, the
   * request is no occasion for the fault.
   */
  default boolean actsOn(Injector injector) {
    return true;
  }

  /** Tells {@code injector} what this effect does to the channel request. */
  void atChannelOpen(Injector injector, Firing firing);

  /** What the engine can do to a request to open a channel. */
  interface Injector
      extends Endings.CanDrop, Endings.CanReset, Endings.CanHang, Endings.CanDisconnect {
    /** How many channels the connection has open. */
    int openChannels();

    /** Refuses the channel with {@code SSH_MSG_CHANNEL_OPEN_FAILURE} and this reason code. */
    void reject(int reasonCode, Firing firing);

    /**
     * Refuses the channel with reason 1, administratively prohibited, as a host allowing at most
     * {@code max} channels per connection does.
     */
    void limitChannels(int max, Firing firing);
  }
}
