package io.github.sshfaults.docs.guide;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The worked example's task: log in to one host, run {@code uptime}, read the day count. */
@FunctionalInterface
interface UptimeWorker {

  /**
   * Returns for how many days {@code target} has been up.
   *
   * @throws CommandFailedException when {@code uptime} exits with a non-zero status
   * @throws Exception whatever the SSH client throws, or a parse error
   */
  int uptimeDays(Target target) throws Exception;

  // tag::parse[]
  /** Reads the day count from uptime's output, " 10:14:03 up 3 days,  2:01,  1 user, ...". */
  static int parseDays(String uptime) {
    Matcher days = Pattern.compile("up (\\d+) days?,").matcher(uptime);
    if (!days.find()) {
      // The planted bug: a host up for less than a day prints "up 7 min," or "up 2:01,".
      throw new IllegalArgumentException("no day count in \"" + uptime.strip() + "\"");
    }
    return Integer.parseInt(days.group(1));
  }
  // end::parse[]
}
