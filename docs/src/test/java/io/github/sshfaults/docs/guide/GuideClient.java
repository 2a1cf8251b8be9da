package io.github.sshfaults.docs.guide;

import io.github.sshfaults.sshd.FakeSshHost;
import io.github.sshfaults.sshd.UserKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs one command on a fake host over a new MINA SSHD client connection and returns what came
 * back: the guide's stand-in for the code under test, so that examples show what a real client
 * sees.
 */
final class GuideClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What a client saw of one command: both streams, and the exit code (null if none came). */
  record Result(String stdout, String stderr, Integer exitCode) {}

  private interface Identity {
    void addTo(ClientSession session);
  }

  private GuideClient() {}

  /** Logs in with a password and runs {@code command}. */
  static Result exec(FakeSshHost host, String user, String password, String command)
      throws IOException {
    return exec(host, user, password, command, "", Map.of());
  }

  /** Logs in with a password, sends {@code env} and {@code stdin}, and runs {@code command}. */
  static Result exec(
      FakeSshHost host,
      String user,
      String password,
      String command,
      String stdin,
      Map<String, String> env)
      throws IOException {
    return run(host, user, session -> session.addPasswordIdentity(password), command, stdin, env);
  }

  /** Logs in with {@code key} as its user and runs {@code command}. */
  static Result exec(FakeSshHost host, UserKey key, String command) throws IOException {
    return exec(host, key.user(), key.keyPair(), command);
  }

  /** Logs in as {@code user} with the private half of {@code keyPair} and runs {@code command}. */
  static Result exec(FakeSshHost host, String user, KeyPair keyPair, String command)
      throws IOException {
    return run(host, user, session -> session.addPublicKeyIdentity(keyPair), command, "", Map.of());
  }

  private static Result run(
      FakeSshHost host,
      String user,
      Identity identity,
      String command,
      String stdin,
      Map<String, String> env)
      throws IOException {
    try (SshClient client = SshClient.setUpDefaultClient()) {
      // tag::mina-required-key[]
      client.setServerKeyVerifier(new RequiredServerKeyVerifier(host.hostKey()));
      // end::mina-required-key[]
      client.start();
      try (ClientSession session =
          client.connect(user, host.host(), host.port()).verify(TIMEOUT).getSession()) {
        identity.addTo(session);
        session.auth().verify(TIMEOUT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
          env.forEach(channel::setEnv);
          channel.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
          channel.setOut(out);
          channel.setErr(err);
          channel.open().verify(TIMEOUT);
          if (!channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT)
              .contains(ClientChannelEvent.CLOSED)) {
            throw new IOException("'" + command + "' did not finish within " + TIMEOUT);
          }
          return new Result(
              out.toString(StandardCharsets.UTF_8),
              err.toString(StandardCharsets.UTF_8),
              channel.getExitStatus());
        }
      }
    }
  }
}
