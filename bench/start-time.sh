#!/usr/bin/env bash
# Start time and idle footprint of the README's run command (bin/rotor), as a new user meets them.
#
#   bench/start-time.sh [runs]                     # java on the PATH, 3 runs of each case
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/start-time.sh 5
#   ROTOR_JAR=/elsewhere/rotor.jar bench/start-time.sh
#
# Three cases, each started by bin/rotor on a port of its own, runs times:
#   first    a start with no class archive beside the jar (a private copy of the jar): what a
#            start on another JDK than the build's meets, or after -Drotor.class-archive.skip;
#            bin/rotor records one as it exits
#   fresh    the jar where it is, with its archive (recorded by the build, or else by
#            bin/record-class-archive before the runs, as the build does it, not measured), on a
#            fresh data dir: the first start after a build. The store is created and the first
#            signing key generated
#   restart  the same, on the data dir the previous fresh start left: the store is already migrated
# Each start prints the milliseconds from launching bin/rotor to the first 200 of GET $ROTOR_PROBE
# (default /health), polled every 10 ms with bash's builtins alone, then the process's resident
# set 5 s later and again at $IDLE_SECONDS (default 15) idle, once the JVM's native-heap trim (every
# 5 s, set by bin/rotor) has run, and the thread count; then the server gets SIGTERM. A
# summary (min-max per case) ends the output.
set -euo pipefail

runs=${1:-3}
idle=${IDLE_SECONDS:-15}
probe=${ROTOR_PROBE:-/health}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=${ROTOR_JAR:-$here/server/target/rotor.jar}
[ -f "$jar" ] || { echo "no $jar: build it first (./mvnw -B -q -DskipTests package)" >&2; exit 1; }

work=$(mktemp -d -t rotor-start-XXXXXX)
server=
cleanup() {
  [ -z "$server" ] || kill -KILL "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A 10 ms pause without forking: a read that times out on a FIFO nobody writes to.
mkfifo "$work/never"
exec 9<>"$work/never"
pause() { read -r -t "$1" -u 9 _ || true; }

# now: milliseconds since the epoch, set without a subshell
clock() { local t=${EPOCHREALTIME/./}; now=$((10#$t / 1000)); }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((18000 + RANDOM % 1000))
    # a refused connection means nobody listens there
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 18000-18999" >&2; exit 1
}

# status: the status code of GET $probe, or empty when the connection is refused or no answer came.
ask() {
  local port=$1 line
  status=
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$probe" >&3
  if read -r -t 5 line <&3; then line=${line#* }; status=${line%% *}; fi
  exec 3>&-
}

# start_once CASE JAR DATA_DIR: one start, measured; prints one line and appends to the results.
start_once() {
  local case=$1 jar=$2 data=$3 port t0 t1 now status= rss threads
  port=$(free_port)
  clock; t0=$now
  ROTOR_JAR=$jar ROTOR_DATA_DIR=$data MICRONAUT_SERVER_PORT=$port "$here/bin/rotor" > "$data.$case.log" 2>&1 &
  server=$!
  while [ "$status" != 200 ]; do
    kill -0 "$server" 2>/dev/null || { echo "the server exited; its log:" >&2; cat "$data.$case.log" >&2; exit 1; }
    clock; [ $((now - t0)) -le 60000 ] || { echo "no 200 within 60 s" >&2; exit 1; }
    ask "$port"
    [ "$status" = 200 ] || pause 0.01
  done
  clock; t1=$now
  pause 5
  rss5=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status")
  pause $((idle - 5))
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$server/status")
  kill -TERM "$server"
  # bin/rotor may write its archive at exit: wait for it, bounded.
  for _ in $(seq 1 1200); do kill -0 "$server" 2>/dev/null || break; pause 0.1; done
  kill -KILL "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
  printf '%-8s first_200_ms=%-5s rss_5s_mib=%-4s idle_rss_mib=%-4s threads=%s\n' "$case" $((t1 - t0)) "$rss5" "$rss" "$threads"
  echo "$case $((t1 - t0)) $rss $rss5" >> "$work/results"
}

java=${JAVA_HOME:+$JAVA_HOME/bin/java}
echo "java: $("${java:-java}" -version 2>&1 | head -1); probe: GET $probe; idle: ${idle} s; runs: $runs"
if ! ROTOR_JAR=$jar ROTOR_DRY_RUN=1 "$here/bin/rotor" | grep -q -e '-XX:AOTCache=' -e '-XX:SharedArchiveFile='; then
  echo "(no archive beside $jar for this JDK: bin/record-class-archive records it, as the build does; not measured)"
  ROTOR_JAR=$jar "$here/bin/record-class-archive"
fi
for run in $(seq 1 "$runs"); do
  mkdir "$work/copy-$run"
  cp -p "$jar" "$work/copy-$run/rotor.jar"
  start_once first "$work/copy-$run/rotor.jar" "$work/data-$run-a"
  start_once fresh "$jar" "$work/data-$run-b"
  start_once restart "$jar" "$work/data-$run-b"
done

echo "summary (min-max over $runs runs):"
for case in first fresh restart; do
  awk -v c="$case" '$1 == c {
      if (n == 0 || $2 < tmin) tmin = $2; if ($2 > tmax) tmax = $2
      if (n == 0 || $3 < rmin) rmin = $3; if ($3 > rmax) rmax = $3
      if (n == 0 || $4 < fmin) fmin = $4; if ($4 > fmax) fmax = $4; n++ }
    END { printf "%-8s first 200 %.2f-%.2f s, RSS at 5 s %d-%d MiB, idle RSS (%d s) %d-%d MiB\n", c, tmin / 1000, tmax / 1000, fmin, fmax, idle, rmin, rmax }' idle="$idle" "$work/results"
done
