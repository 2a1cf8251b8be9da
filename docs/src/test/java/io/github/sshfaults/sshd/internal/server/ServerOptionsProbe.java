package io.github.sshfaults.sshd.internal.server;

/**
 * Parses and checks the standalone server's options as {@code ServerMain} does before it starts
 * anything, so that the guide's table of configuration errors can provoke each option's error
 * without a process. Lives in the server's package because the parser is not API.
 */
public final class ServerOptionsProbe {

  private ServerOptionsProbe() {}

  /** Parses {@code args}, checks them and builds the host plans; throws what the server reports. */
  public static void parse(String... args) {
    ServerOptions options = new ServerOptions();
    options.validate(ServerMain.commandLine(options).parseArgs(args));
    options.hostPlans();
  }
}
