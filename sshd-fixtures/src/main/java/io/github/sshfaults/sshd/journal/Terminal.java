package io.github.sshfaults.sshd.journal;

import static io.github.sshfaults.internal.Preconditions.notNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terminal a client asked for with a {@code pty-req} channel request, or its new size after a
 * {@code window-change} (RFC 4254 §6.2, §6.7): what a {@link ChannelRequest} about a pseudo-terminal
 * carries.
 *
 * @param type the terminal type, the client's {@code TERM}: {@code vt100}, {@code xterm-256color};
 *     for a window change, the type of the channel's earlier {@code pty-req}, or null without one
 * @param columns its width in characters
 * @param rows its height in lines
 * @param modes the terminal modes the client sent, by their RFC 4254 §8 names ({@code ECHO}, {@code
 *     ICANON}, {@code VINTR}, ...), in name order; empty when it sent none (JSch and sshj send
 *     none); for a window change, those of the channel's earlier {@code pty-req}. Unmodifiable
 */
public record Terminal(String type, int columns, int rows, Map<String, Integer> modes) {

  /** The modes a summary names one by one, when the client sent them; the others are counted. */
  private static final List<String> NOTABLE = List.of("ECHO", "ICANON", "ISIG", "ICRNL", "ONLCR");

  /** Copies the modes. */
  public Terminal {
    modes = Collections.unmodifiableMap(new TreeMap<>(notNull(modes, "terminal modes")));
  }

  /**
   * The modes in a few words: {@code none}, or the notable ones and how many others, {@code ECHO=1
   * ICANON=1 ISIG=1 ICRNL=1 ONLCR=1 (+36 more)}.
   */
  public String modesSummary() {
    if (modes.isEmpty()) {
      return "none";
    }
    List<String> named = new ArrayList<>();
    for (String mode : NOTABLE) {
      Integer value = modes.get(mode);
      if (value != null) {
        named.add(mode + "=" + value);
      }
    }
    int others = modes.size() - named.size();
    if (others > 0) {
      named.add(named.isEmpty() ? others + " modes" : "(+" + others + " more)");
    }
    return String.join(" ", named);
  }

  /** {@code vt100 80x24, modes none}. */
  @Override
  public String toString() {
    return type + " " + columns + "x" + rows + ", modes " + modesSummary();
  }
}
