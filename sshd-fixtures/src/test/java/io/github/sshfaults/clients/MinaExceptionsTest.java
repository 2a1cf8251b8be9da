package io.github.sshfaults.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sshfaults.concurrent.FailureKind;
import java.io.StreamCorruptedException;
import java.io.WriteAbortedException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.WindowClosedException;
import org.apache.sshd.common.channel.exception.SshChannelClosedException;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.helpers.MissingAttachedSessionException;
import org.apache.sshd.common.util.buffer.BufferException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in classification of Apache MINA SSHD's exceptions, as its 2.20 client throws them
 * (messages as observed against fake hosts and raw sockets).
 */
class MinaExceptionsTest {

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("minaExceptions")
  void classifiesMinaExceptions(String what, Throwable failure, FailureKind expected) {
    assertThat(FailureKind.of(failure)).isEqualTo(expected);
  }

  static Stream<Arguments> minaExceptions() {
    return Stream.of(
        of(
            "auth exhausted",
            new SshException(
                SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE,
                "No more authentication methods available"),
            FailureKind.AUTH),
        of(
            "host key rejected",
            new SshException(
                SshConstants.SSH2_DISCONNECT_HOST_KEY_NOT_VERIFIABLE,
                "Server key did not validate"),
            FailureKind.HOST_KEY),
        of(
            "connect refused",
            new SshException(
                "DefaultConnectFuture[alice@/127.0.0.1:2222]: Failed (ConnectException) to execute:"
                    + " Connection refused",
                new ConnectException("Connection refused")),
            FailureKind.CONNECT_REFUSED),
        of(
            "connect timeout of verify()",
            new SshException(
                "DefaultConnectFuture[alice@/127.0.0.1:2222]: Failed to get operation result within"
                    + " specified timeout: 300 msec",
                new TimeoutException("Timed out after 300 msec")),
            FailureKind.CONNECT_TIMEOUT),
        of(
            "connect timeout of IO_CONNECT_TIMEOUT",
            new SshException(
                "DefaultConnectFuture[alice@/127.0.0.1:2222]: Failed (ConnectException) to execute:"
                    + " I/O connection time-out of 300ms expired",
                new ConnectException("I/O connection time-out of 300ms expired")),
            FailureKind.CONNECT_TIMEOUT),
        of(
            "unresolved host",
            new SshException(
                "DefaultConnectFuture[alice@::1%nosuchinterface0/<unresolved>:22]: Failed"
                    + " (UnresolvedAddressException) to execute: null",
                new UnresolvedAddressException()),
            FailureKind.UNKNOWN_HOST),
        of(
            "no banner within auth().verify(timeout)",
            new SshException(
                "[ssh-connection]: Failed to get operation result within specified timeout: 300"
                    + " msec",
                new TimeoutException("Timed out after 300 msec")),
            FailureKind.TIMEOUT),
        of(
            "FIN before banner",
            new SshException("Session is being closed"),
            FailureKind.DISCONNECTED),
        of(
            "session closed",
            new SshException("Session has been closed: Closed"),
            FailureKind.DISCONNECTED),
        of(
            "session closed under a pending request",
            new SshException("Closed"),
            FailureKind.DISCONNECTED),
        of(
            "session closed under auth(), after a write crossed the FIN of a dead server",
            new SshException("Session is closed"),
            FailureKind.DISCONNECTED),
        of(
            "session closed under auth().verify()",
            new SshException(
                "[ssh-connection]: Failed (SshException) to execute: Closed",
                new SshException("Closed")),
            FailureKind.DISCONNECTED),
        of(
            "channel open written as the session closes (seen in a 200-task fleet run)",
            new SshException("Write attempt on closing session: SSH_MSG_CHANNEL_OPEN"),
            FailureKind.DISCONNECTED),
        of(
            "SFTP read request written as a FIN closes the session (about 1 download in 7 cut"
                + " by dropConnection() at SFTP, under load)",
            new SshException(
                "IoWriteFutureImpl[SftpChannelSubsystem[id=0, recipient=0]][SSH_MSG_CHANNEL_DATA]]:"
                    + " Failed (WriteAbortedException) to execute: Write request aborted due to"
                    + " immediate session close",
                new WriteAbortedException(
                    "Write request aborted due to immediate session close", null)),
            FailureKind.DISCONNECTED),
        of(
            "session closing during a key exchange",
            new SshException("Session closing while KEX in progress"),
            FailureKind.DISCONNECTED),
        of(
            "an SshException that merely mentions being closed stays unrecognised",
            new SshException("Closed door policy"),
            FailureKind.UNEXPECTED),
        of(
            "exec on a closing session",
            new IllegalStateException(
                "Channel id=5 not registered because session is being closed: ChannelExec[id=5,"
                    + " recipient=-1]"),
            FailureKind.DISCONNECTED),
        of(
            "reset before the banner, session already gone (about 1 run in 20)",
            new SshException(
                "DefaultAuthFuture[ssh-connection]: Failed (MissingAttachedSessionException) to"
                    + " execute: No session attached to Nio2Session[local=/127.0.0.1:41234,"
                    + " remote=/127.0.0.1:2222]",
                new MissingAttachedSessionException(
                    "No session attached to Nio2Session[local=/127.0.0.1:41234,"
                        + " remote=/127.0.0.1:2222]")),
            FailureKind.DISCONNECTED),
        of(
            "window closed",
            new WindowClosedException("RemoteWindow[client]"),
            FailureKind.DISCONNECTED),
        of(
            "channel closed",
            new SshChannelClosedException(3, "Channel closed"),
            FailureKind.DISCONNECTED),
        of(
            "SSH-1 server",
            new SshException(
                SshConstants.SSH2_DISCONNECT_PROTOCOL_VERSION_NOT_SUPPORTED,
                "Unsupported protocol version: SSH-1.5-old"),
            FailureKind.PROTOCOL),
        of(
            "garbage banner",
            new SshException(
                "[ssh-connection]: Failed (StreamCorruptedException) to execute: Incorrect"
                    + " identification (line too long)",
                new StreamCorruptedException("Incorrect identification (line too long)")),
            FailureKind.PROTOCOL),
        of(
            "garbage packet",
            new SshException(
                "[ssh-connection]: Failed (BufferException) to execute: Underflow: no available"
                    + " bytes in buffer",
                new BufferException("Underflow: no available bytes in buffer")),
            FailureKind.PROTOCOL),
        of(
            "disconnect by the server, by application",
            new SshException(SshConstants.SSH2_DISCONNECT_BY_APPLICATION, "Bye"),
            FailureKind.DISCONNECTED),
        of(
            "channel open refused",
            new SshException(
                "DefaultOpenFuture[127.0.0.1:1]: Failed (SshChannelOpenException) to execute:"
                    + " Generic error while opening channel: 2",
                new SshChannelOpenException(
                    2,
                    SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED,
                    "Generic error while opening channel: 2")),
            FailureKind.CHANNEL),
        of(
            "SFTP status",
            new SftpException(SftpConstants.SSH_FX_NO_SUCH_FILE, "No such file or directory"),
            FailureKind.SFTP),
        of(
            "SFTP permission",
            new SftpException(SftpConstants.SSH_FX_PERMISSION_DENIED, "Permission denied"),
            FailureKind.SFTP));
  }

  private static Arguments of(String what, Throwable failure, FailureKind expected) {
    return Arguments.of(what, failure, expected);
  }
}
