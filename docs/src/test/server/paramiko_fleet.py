"""paramiko against the sshfaults server: one client per host, from a thread pool, every outcome
classified in the main thread. Each check prints "PASS name" or "FAIL name: what happened"; the
exit code is 1 if a check failed.

Usage: python3 paramiko_fleet.py path/to/sshfaults-sshd-fixtures-VERSION-server.jar fleet.yaml
"""
import errno
import json
import os
import socket
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed

import paramiko


def start_server(jar, plan):
    """Starts the server; returns it, its hosts by name (from their JSON lines), its control URL."""
    server = subprocess.Popen(
        [os.environ.get("JAVA", "java"), "-jar", jar, "--plan", plan, "--quiet"],
        stdout=subprocess.PIPE, text=True)
    hosts = {}
    for line in server.stdout:
        event = json.loads(line)
        if event["event"] == "host":
            hosts[event["name"]] = event
        elif event["event"] == "ready":
            return server, hosts, event["control"]
    raise RuntimeError("the server ended before it was ready, exit code %s" % server.wait())


def client_for(host):
    """A client that trusts the host's key only: verify, never accept any key."""
    client = paramiko.SSHClient()
    entry = paramiko.hostkeys.HostKeyEntry.from_line(host["knownHostsLine"])
    client.get_host_keys().add(entry.hostnames[0], entry.key.get_name(), entry.key)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    return client


def connect(client, host, banner_timeout=10):
    client.connect(host["host"], port=host["port"], username="deploy", password="s3cret",
                   timeout=10, banner_timeout=banner_timeout, auth_timeout=10,
                   look_for_keys=False, allow_agent=False)


def uptime(host):
    """The task, run once per host on a worker thread, with a client of its own."""
    client = client_for(host)
    try:
        connect(client, host)
        _, stdout, _ = client.exec_command("uptime", timeout=10)
        return stdout.read().decode()
    finally:
        client.close()


def classify(future):
    """(kind, detail) of a finished task: what the caller of result() gets, or raises."""
    try:
        return "ok", future.result()
    except paramiko.AuthenticationException as e:  # before SSHException, its base class
        return "auth", repr(e)
    except (paramiko.SSHException, EOFError, socket.error) as e:
        return "disconnected", repr(e)
    except Exception as e:  # anything else is a bug in the task, not a failing host
        return "unexpected", repr(e)


failures = 0


def check(name, passed, detail):
    global failures
    if passed:
        print("PASS", name)
    else:
        print("FAIL %s: %s" % (name, detail))
        failures += 1


def main(jar, plan):
    server, hosts, control = start_server(jar, plan)
    try:
        fleet = ["healthy", "locked", "flaky"]
        with ThreadPoolExecutor(max_workers=len(fleet), thread_name_prefix="ssh") as pool:
            futures = {pool.submit(uptime, hosts[name]): name for name in fleet}
            outcomes = {futures[future]: classify(future) for future in as_completed(futures)}
        check("healthy-host-answers", outcomes["healthy"] == ("ok", "up 3 days\n"),
              outcomes["healthy"])
        check("rejected-login-is-authentication-exception", outcomes["locked"][0] == "auth",
              outcomes["locked"])
        check("reset-after-login-is-disconnected",
              outcomes["flaky"][0] == "disconnected", outcomes["flaky"])

        client = client_for(hosts["silent"])
        try:
            connect(client, hosts["silent"], banner_timeout=1)
            check("silent-host-is-banner-timeout", False, "connected")
        except paramiko.SSHException as e:
            check("silent-host-is-banner-timeout", "banner" in str(e), repr(e))
        finally:
            client.close()

        client = client_for(hosts["healthy"])
        try:
            connect(client, hosts["healthy"])
            sftp = client.open_sftp()
            with sftp.open("/etc/hostname") as hostname:
                check("sftp-serves-the-files-folder", hostname.read() == b"web-1\n", "read")
            try:
                sftp.open("/etc/shadow")
                check("sftp-permission-denied-is-errno-13", False, "opened /etc/shadow")
            except PermissionError as e:
                check("sftp-permission-denied-is-errno-13", e.errno == errno.EACCES, repr(e))
        finally:
            client.close()
    finally:
        # The control interface stops the server; a server that does not is killed.
        urllib.request.urlopen(urllib.request.Request(control + "/stop", method="POST"),
                               timeout=10).read()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
