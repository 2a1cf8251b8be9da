package io.github.sshfaults.clients.internal;

import java.util.List;
import java.util.stream.Stream;

/** The one shape of a directory listing, whatever the library: names, sorted, no dot entries. */
public final class DirectoryListing {

  private DirectoryListing() {}

  /** {@code names} without {@code .} and {@code ..}, sorted, unmodifiable. */
  public static List<String> of(Stream<String> names) {
    return names.filter(name -> !name.equals(".") && !name.equals("..")).sorted().toList();
  }
}
