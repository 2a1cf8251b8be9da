package io.github.sshfaults.sshd.internal.shell;

import io.github.sshfaults.internal.Preconditions;
import io.github.sshfaults.sshd.internal.CommandStubs;
import io.github.sshfaults.sshd.internal.ConnectionIndex;
import io.github.sshfaults.sshd.internal.faults.FaultEngine;
import io.github.sshfaults.sshd.journal.internal.RecordingJournal;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.Command;

/**
 * Gives a configured, not yet started server its shells: a shell request gets the user's {@link
 * ShellScript}, or is refused when the host has none for that user, and every pseudo-terminal
 * request is noted ({@link PtyRequests}). Both are recorded in the journal as channel requests.
 */
public final class ShellServer {

  private static final String REQUEST = "shell";

  private ShellServer() {}

  /**
   * Makes {@code server} answer shell requests from {@code shells}, falling back on {@code
   * hostStubs} for lines a shell does not know, on {@code executor}'s threads, with the faults of
   * {@code faults} at the shell stage.
   */
  public static void install(
      SshServer server,
      Shells shells,
      CommandStubs hostStubs,
      ExecutorService executor,
      RecordingJournal journal,
      FaultEngine faults) {
    server.addChannelListener(new PtyRequests(journal));
    server.setShellFactory(
        channel -> {
          String user = channel.getSession().getUsername();
          Optional<ShellScript> script = shells.find(user);
          String refusal =
              script.isPresent()
                  ? null
                  : "no shell for user "
                      + Preconditions.quote(user)
                      + "; give one with FakeSshHost.shell(...)";
          journal.channelRequest(
              ConnectionIndex.of(channel.getSession()), channel.getChannelId(), REQUEST, refusal);
          return script.map(s -> shell(s, hostStubs, executor, journal, faults)).orElse(null);
        });
  }

  // A Command, not a ScriptedShell: the factory answers null for a refused shell.
  private static Command shell(
      ShellScript script,
      CommandStubs hostStubs,
      ExecutorService executor,
      RecordingJournal journal,
      FaultEngine faults) {
    return new ScriptedShell(script, hostStubs, executor, journal, faults);
  }
}
