package io.github.sshfaults.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSchException;
import io.github.sshfaults.clients.CommandFailedException;
import io.github.sshfaults.clients.CommandOutput;
import io.github.sshfaults.clients.NoExitCodeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.rmi.RemoteException;
import java.rmi.ServerException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in classification of the exceptions that JSch, sshj and the JDK really throw (with the
 * messages observed against fake hosts and raw sockets; MINA SSHD's are covered in
 * sshfaults-sshd-fixtures, which has MINA on its class path).
 */
class FailureKindTest {

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("jdkExceptions")
  void classifiesJdkExceptions(String what, Throwable failure, FailureKind expected) {
    assertThat(FailureKind.of(failure)).isEqualTo(expected);
  }

  static Stream<Arguments> jdkExceptions() {
    return Stream.of(
        of(
            "ConnectException: Connection refused",
            new ConnectException("Connection refused"),
            FailureKind.CONNECT_REFUSED),
        of(
            "NoRouteToHostException",
            new NoRouteToHostException("No route to host"),
            FailureKind.CONNECT_REFUSED),
        of(
            "ConnectException from MINA's I/O connect timeout",
            new ConnectException("I/O connection time-out of 300ms expired"),
            FailureKind.CONNECT_TIMEOUT),
        of(
            "ConnectException caused by a TimeoutException",
            (ConnectException) new ConnectException("gave up").initCause(new TimeoutException()),
            FailureKind.CONNECT_TIMEOUT),
        of(
            "SocketTimeoutException: Connect timed out",
            new SocketTimeoutException("Connect timed out"),
            FailureKind.CONNECT_TIMEOUT),
        of(
            "SocketTimeoutException: Read timed out",
            new SocketTimeoutException("Read timed out"),
            FailureKind.TIMEOUT),
        of(
            "TimeoutException",
            new TimeoutException("Timed out after 10000 msec"),
            FailureKind.TIMEOUT),
        of(
            "UnknownHostException",
            new UnknownHostException("web-1.invalid"),
            FailureKind.UNKNOWN_HOST),
        of(
            "UnresolvedAddressException (NIO)",
            new UnresolvedAddressException(),
            FailureKind.UNKNOWN_HOST),
        of(
            "SocketException: Connection reset",
            new SocketException("Connection reset"),
            FailureKind.DISCONNECTED),
        of(
            "SocketException: Broken pipe",
            new SocketException("Broken pipe"),
            FailureKind.DISCONNECTED),
        of("EOFException", new EOFException(), FailureKind.DISCONNECTED),
        of("ClosedChannelException", new ClosedChannelException(), FailureKind.DISCONNECTED),
        of(
            "StreamCorruptedException",
            new StreamCorruptedException("Incorrect identification"),
            FailureKind.PROTOCOL),
        of("IOException: Broken pipe", new IOException("Broken pipe"), FailureKind.DISCONNECTED),
        of(
            "RemoteException of MINA's executeRemoteCommand",
            new RemoteException(
                "Error reported from remote command=make",
                new ServerException("make: *** Error 1")),
            FailureKind.COMMAND_FAILED),
        of(
            "RemoteException of MINA's executeRemoteCommand cut short by the connection's end",
            new RemoteException("No exit status returned for command=cat big.log"),
            FailureKind.DISCONNECTED),
        of("NullPointerException", new NullPointerException("oops"), FailureKind.UNEXPECTED),
        of("AssertionError", new AssertionError("a bug"), FailureKind.UNEXPECTED),
        of(
            "IllegalArgumentException whose message sounds like a timeout",
            new IllegalArgumentException("timed out"),
            FailureKind.UNEXPECTED),
        of("plain IOException", new IOException("disk full"), FailureKind.UNEXPECTED));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("adapterExceptions")
  void classifiesTheAdaptersOwnVerdicts(String what, Throwable failure, FailureKind expected) {
    assertThat(FailureKind.of(failure)).isEqualTo(expected);
  }

  static Stream<Arguments> adapterExceptions() {
    return Stream.of(
        of(
            "CommandFailedException",
            new CommandFailedException(
                "make", "web-1:22", new CommandOutput("", "make: *** Error 1\n", 2)),
            FailureKind.COMMAND_FAILED),
        of(
            "NoExitCodeException",
            new NoExitCodeException("tar c /", "web-1:22", "partial", ""),
            FailureKind.DISCONNECTED),
        of(
            "DeadlineExceededException",
            new DeadlineExceededException("still running", new StackTraceElement[0]),
            FailureKind.TIMEOUT));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("jschExceptions")
  void classifiesJschExceptions(String what, Throwable failure, FailureKind expected) {
    assertThat(FailureKind.of(failure)).isEqualTo(expected);
  }

  static Stream<Arguments> jschExceptions() throws Exception {
    return Stream.of(
        of(
            "Auth fail",
            new JSchException("Auth fail for methods 'publickey,password'"),
            FailureKind.AUTH),
        of(
            "Auth fail after the read timed out (chained by JschClientAdapter)",
            new JSchException("Auth fail for methods 'password'")
                .initCause(new SocketTimeoutException("Read timed out")),
            FailureKind.TIMEOUT),
        of(
            "Auth fail after the connection was reset (chained by JschClientAdapter)",
            new JSchException("Auth fail for methods 'password'")
                .initCause(new SocketException("Connection reset")),
            FailureKind.DISCONNECTED),
        of(
            "Auth fail after the end of the stream (chained by JschClientAdapter)",
            new JSchException("Auth fail for methods 'password'")
                .initCause(new IOException("End of IO Stream Read")),
            FailureKind.DISCONNECTED),
        of(
            "Auth fail over the server's disconnect, then the end of the stream, stays AUTH",
            new JSchException("Auth fail for methods 'password'")
                .initCause(
                    disconnect(2, "Too many authentication failures")
                        .initCause(new IOException("End of IO Stream Read"))),
            FailureKind.AUTH),
        of(
            "Auth fail over an unrelated IOException stays AUTH",
            new JSchException("Auth fail for methods 'password'")
                .initCause(new IOException("key file is corrupt")),
            FailureKind.AUTH),
        of(
            "Auth cancel",
            new JSchException("Auth cancel for methods 'password'"),
            FailureKind.AUTH),
        of(
            "JSchChangedHostKeyException",
            jsch(
                "com.jcraft.jsch.JSchChangedHostKeyException",
                "HostKey has been changed: [127.0.0.1]:2222"),
            FailureKind.HOST_KEY),
        of(
            "JSchUnknownHostKeyException",
            jsch("com.jcraft.jsch.JSchUnknownHostKeyException", "reject HostKey: [127.0.0.1]:2222"),
            FailureKind.HOST_KEY),
        of(
            "connect refused",
            new JSchException(
                "java.net.ConnectException: Connection refused",
                new ConnectException("Connection refused")),
            FailureKind.CONNECT_REFUSED),
        of(
            "connect timeout",
            new JSchException(
                "timeout: socket is not established",
                new SocketTimeoutException("Connect timed out")),
            FailureKind.CONNECT_TIMEOUT),
        of(
            "unknown host",
            new JSchException(
                "java.net.UnknownHostException: web-1.invalid",
                new UnknownHostException("web-1.invalid")),
            FailureKind.UNKNOWN_HOST),
        of(
            "no banner within the timeout",
            new JSchException(
                "Session.connect: java.net.SocketTimeoutException: Read timed out",
                new SocketTimeoutException("Read timed out")),
            FailureKind.TIMEOUT),
        of("session is down", new JSchException("session is down"), FailureKind.DISCONNECTED),
        of(
            "closed by foreign host",
            new JSchException("connection is closed by foreign host"),
            FailureKind.DISCONNECTED),
        of(
            "end of stream mid-packet",
            new JSchException("End of IO Stream Read"),
            FailureKind.DISCONNECTED),
        of(
            "end of stream mid-packet, wrapped by Session.connect",
            new JSchException(
                "Session.connect: java.io.IOException: End of IO Stream Read",
                new IOException("End of IO Stream Read")),
            FailureKind.DISCONNECTED),
        of(
            "reset during connect",
            new JSchException(
                "Session.connect: java.net.SocketException: Connection reset",
                new SocketException("Connection reset")),
            FailureKind.DISCONNECTED),
        of(
            "invalid version string",
            new JSchException("invalid server's version string"),
            FailureKind.PROTOCOL),
        of("packet corrupt", new JSchException("Packet corrupt"), FailureKind.PROTOCOL),
        of(
            "JSchStrictKexException",
            jsch("com.jcraft.jsch.JSchStrictKexException", "KEXINIT not first packet from server"),
            FailureKind.PROTOCOL),
        of(
            "channel request refused",
            new JSchException("failed to send channel request"),
            FailureKind.CHANNEL),
        of(
            "channel open refused",
            new JSchException("channel is not opened."),
            FailureKind.CHANNEL),
        of("SftpException", new com.jcraft.jsch.SftpException(2, "No such file"), FailureKind.SFTP),
        of(
            "SftpException of a download cut by the connection's end",
            new com.jcraft.jsch.SftpException(
                4,
                "java.io.IOException: inputstream is closed",
                new IOException("inputstream is closed")),
            FailureKind.DISCONNECTED),
        of(
            "SftpException of a download whose channel pipe closed under it (1 run in 40 under"
                + " load)",
            new com.jcraft.jsch.SftpException(
                4, "java.io.IOException: Pipe closed", new IOException("Pipe closed")),
            FailureKind.DISCONNECTED),
        of(
            "SftpException over an unrelated IOException stays SFTP",
            new com.jcraft.jsch.SftpException(
                4, "java.io.IOException: disk full", new IOException("disk full")),
            FailureKind.SFTP),
        of(
            "disconnect: too many authentication failures",
            disconnect(2, "Too many authentication failures"),
            FailureKind.AUTH),
        of("disconnect: protocol error", disconnect(2, "Bad packet length"), FailureKind.PROTOCOL),
        of("disconnect: by application", disconnect(11, "Bye"), FailureKind.DISCONNECTED),
        of("disconnect: host key", disconnect(9, "no"), FailureKind.HOST_KEY));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("sshjExceptions")
  void classifiesSshjExceptions(String what, Throwable failure, FailureKind expected) {
    assertThat(FailureKind.of(failure)).isEqualTo(expected);
  }

  static Stream<Arguments> sshjExceptions() {
    return Stream.of(
        of(
            "UserAuthException",
            new UserAuthException("Exhausted available authentication methods"),
            FailureKind.AUTH),
        of(
            "UserAuthException after a method timed out (server never answered)",
            new UserAuthException(
                "Exhausted available authentication methods",
                new UserAuthException(
                    "Timeout expired: 700 MILLISECONDS",
                    new TimeoutException("Timeout expired: 700 MILLISECONDS"))),
            FailureKind.TIMEOUT),
        of(
            "UserAuthException after the server's own rejection",
            new UserAuthException(
                "Exhausted available authentication methods",
                new UserAuthException(
                    new TransportException(
                        DisconnectReason.PROTOCOL_ERROR, "Too many authentication failures"))),
            FailureKind.AUTH),
        of(
            "server's 'Too many authentication failures' over a later timeout stays AUTH",
            new TransportException(
                DisconnectReason.PROTOCOL_ERROR,
                "Too many authentication failures",
                new UserAuthException(
                    "Exhausted available authentication methods",
                    new TimeoutException("Timeout expired: 700 MILLISECONDS"))),
            FailureKind.AUTH),
        of(
            "host key not verifiable",
            new TransportException(
                DisconnectReason.HOST_KEY_NOT_VERIFIABLE,
                "Could not verify `ecdsa-sha2-nistp256` host key with fingerprint `SHA256:x` for"
                    + " `127.0.0.1` on port 2222"),
            FailureKind.HOST_KEY),
        of(
            "EOF",
            new TransportException("Broken transport; encountered EOF"),
            FailureKind.DISCONNECTED),
        of(
            "FIN before banner",
            new TransportException("Server closed connection during identification exchange"),
            FailureKind.DISCONNECTED),
        of(
            "reset",
            new TransportException("Connection reset", new SocketException("Connection reset")),
            FailureKind.DISCONNECTED),
        of(
            "disconnected by the server",
            new TransportException(DisconnectReason.BY_APPLICATION, "Disconnected"),
            FailureKind.DISCONNECTED),
        of(
            "SSH-1 server",
            new TransportException(
                DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED,
                "Server does not support SSHv2, identified as: SSH-1.5-old"),
            FailureKind.PROTOCOL),
        of(
            "line too long",
            new TransportException("Incorrect identification: line too long: 53 53 48"),
            FailureKind.PROTOCOL),
        of(
            "buffer underflow",
            new TransportException("Underflow", new Buffer.BufferException("Underflow")),
            FailureKind.PROTOCOL),
        of(
            "no banner within the timeout",
            new TransportException("Read timed out", new SocketTimeoutException("Read timed out")),
            FailureKind.TIMEOUT),
        of(
            "join timeout",
            new ConnectionException(
                "Timeout expired: 200 MILLISECONDS",
                new TimeoutException("Timeout expired: 200 MILLISECONDS")),
            FailureKind.TIMEOUT),
        of(
            "channel read timeout",
            new SocketTimeoutException("Timeout of 300ms while waiting for data"),
            FailureKind.TIMEOUT),
        of(
            "OpenFailException",
            new OpenFailException("direct-tcpip", 1, "Generic error while opening channel: 3"),
            FailureKind.CHANNEL),
        of("request refused", new ConnectionException("Request failed"), FailureKind.CHANNEL),
        of(
            "SFTP request written on a channel the connection's end closed (1 run in 40 under"
                + " load)",
            new ConnectionException("Stream closed"),
            FailureKind.DISCONNECTED),
        of(
            "SFTPException",
            new SFTPException(Response.StatusCode.NO_SUCH_FILE, "No such file"),
            FailureKind.SFTP),
        of(
            "SFTPException of a transfer cut by the connection's end",
            new SFTPException(
                "Broken transport; encountered EOF",
                new TransportException("Broken transport; encountered EOF")),
            FailureKind.DISCONNECTED),
        of(
            "SFTPException of a transfer cut by a reset",
            new SFTPException(
                "Connection reset",
                new TransportException(
                    "Connection reset", new SocketException("Connection reset"))),
            FailureKind.DISCONNECTED),
        of(
            "try-with-resources around a cut transfer, when sshj throws the same exception from"
                + " the read and from close()",
            selfSuppressed(new ConnectionException("Stream closed")),
            FailureKind.DISCONNECTED),
        of("not connected", new IllegalStateException("Not connected"), FailureKind.DISCONNECTED),
        of(
            "connect refused (bare)",
            new ConnectException("Connection refused"),
            FailureKind.CONNECT_REFUSED));
  }

  @Test
  void walksTheCauseChainFromTheOutsideIn() {
    Exception wrapped =
        new ExecutionException(
            new UncheckedIOException(
                new IOException("io", new ConnectException("Connection refused"))));

    assertThat(FailureKind.of(wrapped)).isEqualTo(FailureKind.CONNECT_REFUSED);
  }

  @Test
  void prefersTheOutermostRecognisedException() {
    Exception corruptOverReset =
        new JSchException("Packet corrupt", new SocketException("Connection reset"));

    assertThat(FailureKind.of(corruptOverReset)).isEqualTo(FailureKind.PROTOCOL);
  }

  @Test
  void judgesALoginGivenUpByWhatEndedItTheDocumentedExceptionToOutermostWins() {
    Exception authOverReset =
        new JSchException(
            "Auth fail for methods 'password'", new SocketException("Connection reset"));
    Exception authOverTimeout =
        new JSchException(
            "Auth fail for methods 'password'", new SocketTimeoutException("Read timed out"));
    Exception authAlone = new JSchException("Auth fail for methods 'password'");

    assertThat(FailureKind.of(authOverReset)).isEqualTo(FailureKind.DISCONNECTED);
    assertThat(FailureKind.of(authOverTimeout)).isEqualTo(FailureKind.TIMEOUT);
    assertThat(FailureKind.of(authAlone)).isEqualTo(FailureKind.AUTH);
  }

  @Test
  void survivesACyclicCauseChain() {
    IOException a = new IOException("a");
    IOException b = new IOException("b", a);
    a.initCause(b);

    assertThat(FailureKind.of(a)).isEqualTo(FailureKind.UNEXPECTED);
  }

  @Test
  void asksTheUsersClassifierFirstAnywhereInTheChain() {
    class VaultLoginException extends RuntimeException {
      VaultLoginException(Throwable cause) {
        super("vault refused", cause);
      }
    }
    Throwable failure =
        new IllegalStateException(
            "deploy failed", new VaultLoginException(new SocketException("Connection reset")));

    FailureKind kind =
        FailureKind.of(
            failure, FailureClassifier.byType(VaultLoginException.class, FailureKind.AUTH));

    assertThat(kind).isEqualTo(FailureKind.AUTH);
    assertThat(FailureKind.of(failure)).isEqualTo(FailureKind.DISCONNECTED);
  }

  @Test
  void fallsBackToTheBuiltInRulesWhenTheUsersClassifierKnowsNothing() {
    FailureClassifier knowsNothing = failure -> Optional.empty();

    assertThat(FailureKind.of(new ConnectException("Connection refused"), knowsNothing))
        .isEqualTo(FailureKind.CONNECT_REFUSED);
  }

  @Test
  void combinesClassifiersInOrder() {
    FailureClassifier classifier =
        FailureClassifier.byMessage("MAINTENANCE", FailureKind.DISCONNECTED)
            .orElse(
                FailureClassifier.byTypeName("java.lang.RuntimeException", FailureKind.PROTOCOL));

    assertThat(classifier.classify(new IllegalStateException("host in maintenance mode")))
        .contains(FailureKind.DISCONNECTED);
    assertThat(classifier.classify(new IllegalStateException("other")))
        .contains(FailureKind.PROTOCOL);
    assertThat(classifier.classify(new IOException("other"))).isEmpty();
  }

  @Test
  void exposesTheBuiltInRulesAsAClassifierOfOneException() {
    assertThat(FailureClassifier.standard().classify(new ConnectException("Connection refused")))
        .contains(FailureKind.CONNECT_REFUSED);
    assertThat(FailureClassifier.standard().classify(new RuntimeException(new ConnectException())))
        .as("looks at one exception, not its causes")
        .isEmpty();
  }

  @Test
  void rejectsMissingArguments() {
    assertThatThrownBy(() -> FailureKind.of(null)).hasMessage("failure must not be null");
    assertThatThrownBy(() -> FailureKind.of(new IOException(), null))
        .hasMessage("classifier must not be null");
    assertThatThrownBy(() -> FailureClassifier.byMessage("", FailureKind.AUTH))
        .hasMessage("message fragment must not be empty");
    assertThatThrownBy(() -> FailureClassifier.byTypeName(" ", FailureKind.AUTH))
        .hasMessage("exception class name must not be blank, but was \" \"");
  }

  /** What the JDK throws when a try-with-resources adds an exception to itself. */
  private static Throwable selfSuppressed(Throwable failure) {
    try {
      failure.addSuppressed(failure);
    } catch (IllegalArgumentException e) {
      return e;
    }
    throw new AssertionError("the JDK allowed self-suppression");
  }

  private static Arguments of(String what, Throwable failure, FailureKind expected) {
    return Arguments.of(what, failure, expected);
  }

  /** JSch keeps these constructors package-private; the instances are still the real thing. */
  private static Throwable jsch(String className, String message) throws Exception {
    Constructor<?> constructor = Class.forName(className).getDeclaredConstructor(String.class);
    constructor.setAccessible(true);
    return (Throwable) constructor.newInstance(message);
  }

  private static Throwable disconnect(int reason, String description) throws Exception {
    Constructor<?> constructor =
        Class.forName("com.jcraft.jsch.JSchSessionDisconnectException")
            .getDeclaredConstructor(String.class, int.class, String.class, String.class);
    constructor.setAccessible(true);
    return (Throwable)
        constructor.newInstance(
            "SSH_MSG_DISCONNECT: " + reason + " " + description + " ", reason, description, "");
  }
}
