#!/usr/bin/env bash
# OpenSSH's ssh against the sshfaults server: one fake host per failure, each check prints
# "PASS name" or "FAIL name: what ssh did". Exits 1 if a check failed.
# Usage: bash openssh-proof.sh path/to/sshfaults-sshd-fixtures-VERSION-server.jar
set -uo pipefail
jar=${1:?usage: openssh-proof.sh SERVER_JAR}
work=$(mktemp -d)
server=
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A key for user deploy, and a plan with one host per failure.
ssh-keygen -q -t ecdsa -b 256 -N '' -C deploy -f "$work/id"
cat > "$work/plan.yaml" <<'PLAN'
hosts:
  shell:
    users: {deploy: {authorized-keys: id.pub}}
    commands:
      - {command: uptime, stdout: "up 3 days\n"}
      - {command: exit 3, exit-code: 3}
      - {command: df, stderr: "df: /mnt: Stale file handle\n", exit-code: 1}
  locked:
    users: {deploy: {authorized-keys: id.pub}}
    faults: [reject-auth]
  flaky:
    users: {deploy: {authorized-keys: id.pub}}
    faults: [drop-connection at=after-auth]
  slow:
    users: {deploy: {authorized-keys: id.pub}}
    faults: [delay 5s at=banner]
  impostor:
    users: {deploy: {authorized-keys: id.pub}}
    faults: [swap-host-key]
PLAN

# Start the server; read one JSON line per host (its port, its known_hosts line) up to "ready".
exec {output}< <(exec "${JAVA:-java}" -jar "$jar" --plan "$work/plan.yaml" --quiet)
server=$!
declare -A port
while read -r -t 60 -u "$output" line; do
  case $line in
    *'"event":"host"'*)
      name=$(sed -E 's/.*"name":"([^"]*)".*/\1/' <<<"$line")
      port[$name]=$(sed -E 's/.*"port":([0-9]+).*/\1/' <<<"$line")
      sed -E 's/.*"knownHostsLine":"([^"]*)".*/\1/' <<<"$line" >>"$work/known_hosts" ;;
    *'"event":"ready"'*) break ;;
  esac
done
if ((${#port[@]} != 5)); then
  echo "FAIL start: the server printed ${#port[@]} of 5 hosts"
  exit 1
fi

# ssh as users run it in scripts: no prompts, the host key checked against known_hosts.
run() { # HOST COMMAND [TIMEOUT]: sets rc, out, err
  out=$(ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes \
    -o UserKnownHostsFile="$work/known_hosts" -o GlobalKnownHostsFile=/dev/null \
    -o IdentitiesOnly=yes -i "$work/id" -o ConnectTimeout="${3:-10}" \
    -p "${port[$1]}" deploy@127.0.0.1 "$2" 2>"$work/stderr")
  rc=$?
  err=$(<"$work/stderr")
}
failures=0
check() { # NAME: PASS if the test just before it held
  if (($? == 0)); then
    echo "PASS $1"
  else
    echo "FAIL $1: ssh exited with $rc; stdout: '$out'; stderr: '$err'"
    failures=$((failures + 1))
  fi
}

run shell uptime
[[ $rc == 0 && $out == "up 3 days" ]]; check stdout-passes-through
run shell 'exit 3'
[[ $rc == 3 ]]; check exit-code-passes-through
run shell df
[[ $rc == 1 && -z $out && $err == *"Stale file handle"* ]]; check stderr-passes-through
run locked uptime
[[ $rc == 255 && $err == *"Permission denied"* ]]; check rejected-login
run flaky uptime
[[ $rc == 255 && -z $out ]]; check dropped-after-login
run slow uptime 1
[[ $rc == 255 && $err == *"timed out during banner exchange"* ]]; check banner-timeout
run impostor uptime
[[ $rc == 255 && $err == *"REMOTE HOST IDENTIFICATION HAS CHANGED"* ]]; check changed-host-key
exit $((failures > 0))
