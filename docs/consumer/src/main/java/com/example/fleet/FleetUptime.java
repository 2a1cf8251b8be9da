package com.example.fleet;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The code under test: reads {@code uptime} from one host, as a fleet tool's worker would. */
public final class FleetUptime {

  private final String user;
  private final String password;
  private final int timeoutMillis;

  /** Logs in as {@code user} with {@code password}; every step waits at most the timeout. */
  public FleetUptime(String user, String password, int timeoutMillis) {
    this.user = user;
    this.password = password;
    this.timeoutMillis = timeoutMillis;
  }

  /** The output of {@code uptime} on {@code host}. */
  public String uptime(String host, int port) throws JSchException, IOException {
    Session session = new JSch().getSession(user, host, port);
    session.setPassword(password);
    session.setConfig("StrictHostKeyChecking", "no");
    session.connect(timeoutMillis);
    try {
      ChannelExec exec = (ChannelExec) session.openChannel("exec");
      exec.setCommand("uptime");
      InputStream stdout = exec.getInputStream();
      exec.connect(timeoutMillis);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stdout.transferTo(out);
      exec.disconnect();
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      session.disconnect();
    }
  }
}
