package io.github.sshfaults.sshd;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** One exec request as a {@link CommandHandler} sees it. */
public interface CommandInvocation {

  /** The command line exactly as the client sent it. */
  String commandLine();

  /** The name the client authenticated as. */
  String user();

  /** The environment: variables the client sent, plus {@code USER}. Unmodifiable. */
  Map<String, String> environment();

  /**
   * The client's stdin. Reading blocks until the client sends data or EOF; many clients never send
   * EOF unless told to, so read it only when the command under test expects input.
   */
  InputStream stdin();

  /** Reads stdin to EOF and decodes it as UTF-8. Blocks until the client closes its stdin. */
  String stdinAsString() throws IOException;
}
