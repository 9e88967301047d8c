#!/usr/bin/env bash
# Two Switchboard nodes on this machine behind HAProxy, sharing one MariaDB and one Redis (docs/cluster.md).
#
#   scripts/cluster.sh start    start node a, then node b, then HAProxy; returns when all three answer
#   scripts/cluster.sh stop     stop them (HAProxy first)
#   scripts/cluster.sh status   what runs, and each node's health
#
# Settings (environment):
#   DB_URL, DB_USER, DB_PASSWORD   the shared MariaDB (default: the machine's, jdbc:mariadb://127.0.0.1:3306/switchboard, root)
#   REDIS_URL                      default redis://127.0.0.1:6379
#   PORT                           HAProxy's port, default 8080; the nodes take NODE_A_PORT (8081) and NODE_B_PORT (8082)
#   RUN_DIR                        pid files, logs and haproxy.cfg, default target/cluster
#   SWITCHBOARD_JAR                a production jar (mvn -Pproduction package); without it the nodes run from
#                                  SWITCHBOARD_CLASSPATH, by default target/classes and the dependencies Maven lists
#   JAVA                           a java 21+, default the first one found
#   NODE_ARGS                      more arguments for both nodes (e.g. --switchboard.demo=true)
#   JAVA_OPTS                      JVM options for both nodes, default -Xmx512m
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL=${DB_URL:-jdbc:mariadb://127.0.0.1:3306/switchboard}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
PORT=${PORT:-8080}
NODE_A_PORT=${NODE_A_PORT:-8081}
NODE_B_PORT=${NODE_B_PORT:-8082}
RUN_DIR=${RUN_DIR:-target/cluster}
NODE_ARGS=${NODE_ARGS:-}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)

java_21() {
  if [ -n "${JAVA:-}" ]; then echo "$JAVA"; return; fi
  for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null) "$(command -v java || true)"; do
    if [ -x "$candidate" ] && "$candidate" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { exit !($2 >= 21) }'; then
      echo "$candidate"; return
    fi
  done
  echo "No Java 21 or newer found: set JAVA" >&2; exit 1
}

launch_command() {
  if [ -n "${SWITCHBOARD_JAR:-}" ]; then
    echo "-jar $SWITCHBOARD_JAR"
    return
  fi
  if [ -z "${SWITCHBOARD_CLASSPATH:-}" ]; then
    mvn -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$RUN_DIR/classpath.txt" >&2
    SWITCHBOARD_CLASSPATH="$(pwd)/target/classes:$(cat "$RUN_DIR/classpath.txt")"
  fi
  echo "-cp $SWITCHBOARD_CLASSPATH org.switchboard.SwitchboardApplication"
}

# Waits until a URL answers 200, for up to $2 seconds.
wait_for() {
  for _ in $(seq "$2"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "No answer from $1 after $2 s" >&2
  return 1
}

start_node() {
  local name=$1 port=$2
  # shellcheck disable=SC2086 # the command, JAVA_OPTS and NODE_ARGS are word lists on purpose
  SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    SWITCHBOARD_REDIS_URL="$REDIS_URL" PORT="$port" \
    nohup "$java" $JAVA_OPTS $command --server.address=127.0.0.1 --switchboard.cluster.node-id="$name" $NODE_ARGS \
    > "$RUN_DIR/node-$name.log" 2>&1 &
  echo $! > "$RUN_DIR/node-$name.pid"
  echo "node $name: pid $(cat "$RUN_DIR/node-$name.pid"), http://127.0.0.1:$port, log $RUN_DIR/node-$name.log"
}

write_haproxy_config() {
  cat > "$RUN_DIR/haproxy.cfg" <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # Vaadin's server push is a WebSocket that stays open while a page is open.
    timeout tunnel 8h
    # A request that a dead node cannot take goes to the other one (its session is gone: sign in again).
    option redispatch
    retries 2

frontend switchboard
    bind 127.0.0.1:$PORT
    default_backend nodes

backend nodes
    balance roundrobin
    # A browser stays on the node that holds its Vaadin session; API clients without the cookie are spread.
    cookie SBNODE insert indirect nocache httponly
    # Everything but Redis (/actuator/health/node): a node cut off from Redis still serves its own screens.
    option httpchk GET /actuator/health/node
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    server a 127.0.0.1:$NODE_A_PORT check cookie a
    server b 127.0.0.1:$NODE_B_PORT check cookie b
CFG
}

stop_pid() {
  local file=$1
  if [ -f "$file" ]; then
    local pid
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  fi
}

case "${1:-}" in
  start)
    command -v haproxy > /dev/null || { echo "haproxy is not installed (apt-get install haproxy)" >&2; exit 1; }
    java=$(java_21)
    command=$(launch_command)
    start_node a "$NODE_A_PORT"
    # One node first: it creates the schema (and the demo data, if asked) before the second one starts.
    wait_for "http://127.0.0.1:$NODE_A_PORT/actuator/health/node" "${START_TIMEOUT:-240}"
    start_node b "$NODE_B_PORT"
    wait_for "http://127.0.0.1:$NODE_B_PORT/actuator/health/node" "${START_TIMEOUT:-240}"
    write_haproxy_config
    haproxy -f "$RUN_DIR/haproxy.cfg" -D -p "$RUN_DIR/haproxy.pid"
    wait_for "http://127.0.0.1:$PORT/actuator/health/node" 30
    echo "Switchboard on two nodes: http://127.0.0.1:$PORT"
    ;;
  stop)
    stop_pid "$RUN_DIR/haproxy.pid"
    stop_pid "$RUN_DIR/node-a.pid"
    stop_pid "$RUN_DIR/node-b.pid"
    ;;
  status)
    for name in haproxy node-a node-b; do
      if [ -f "$RUN_DIR/$name.pid" ] && kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
        echo "$name: running (pid $(cat "$RUN_DIR/$name.pid"))"
      else
        echo "$name: stopped"
      fi
    done
    for port in "$NODE_A_PORT" "$NODE_B_PORT"; do
      echo "node on $port: $(curl -sS "http://127.0.0.1:$port/actuator/health" 2>/dev/null || echo unreachable)"
    done
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
