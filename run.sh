#!/usr/bin/env bash
# Starts the whole Wenjin product on this machine: Elasticsearch, Keycloak and WildFly with the
# app, all on 127.0.0.1, everything fetched through Maven into .stack/ (git-ignored).
#
#   ./run.sh          build what is missing, start, print the URL and demo logins; Ctrl-C stops all
#   ./run.sh start    the same, but return to the prompt and leave the servers running
#   ./run.sh stop     stop exactly the processes ./run.sh started
#   ./run.sh status   which of them run
#   ./run.sh restart-search   restart Elasticsearch alone (after changing its configuration)
#
# Ports and folders: see docs/operations.md (WENJIN_PORT_OFFSET, WENJIN_KEYCLOAK_PORT, ...).
set -euo pipefail
# What the stack writes (data, secrets, logs) is for this user alone; the build keeps the caller's.
caller_umask=$(umask)
umask 077
cd "$(dirname "$0")"
repo=$(pwd)
stack=$repo/ear/src/main/stack/stack.sh

. "$repo/.mvn/select-jdk.sh"

build_if_needed() {
  local ear=$repo/ear/target/wenjin.ear
  if [[ ! -f $ear ]] || [[ -n $(find pom.xml ./*/pom.xml ./*/src -newer "$ear" -type f -print -quit 2>/dev/null) ]]; then
    echo "• building the application (./mvnw -DskipTests -DskipITs install)"
    (umask "$caller_umask" && ./mvnw -B -q -DskipTests -DskipITs install) ||
      { echo "✗ build failed; see the output above" >&2; exit 1; }
  fi
}

case "${1:-run}" in
  run)
    wenjin_select_jdk || exit 1
    "$stack" check
    build_if_needed
    "$stack" start
    echo "  Press Ctrl-C to stop everything."
    trap 'echo; "$stack" stop; exit 0' INT TERM
    while true; do
      sleep 3
      status=$("$stack" status)
      if [[ $status == *stopped* ]]; then
        echo "✗ a server stopped unexpectedly:" >&2
        echo "$status" >&2
        echo "  logs: ${WENJIN_STACK_DIR:-$repo/.stack}/logs" >&2
        "$stack" stop
        exit 1
      fi
    done
    ;;
  start)
    wenjin_select_jdk || exit 1
    "$stack" check
    build_if_needed
    "$stack" start
    echo "  Stop with: ./run.sh stop"
    ;;
  stop | status) "$stack" "$1" ;;
  restart-search) "$stack" stop-search && "$stack" start-search ;;
  *)
    echo "usage: ./run.sh [start|stop|status|restart-search]" >&2
    exit 2
    ;;
esac
