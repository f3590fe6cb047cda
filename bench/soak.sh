#!/usr/bin/env bash
# Sustained load against the running ./run.sh stack: N users asking grounded questions without
# pause through the REST API, a few SSE streams and one headless-browser chat, for M minutes.
# Prints per minute the answer rates, latencies, errors by status, WildFly's heap after a forced
# GC, its full-GC time and the three servers' resident memory, then one closing `soak:` line.
# Acme gets the project's own docs (README, docs/*.md) as its knowledge base if it lacks them.
# Usage: WENJIN_MODELS_FILE=bench/soak-models.properties WENJIN_API_RATE_PER_MINUTE=0 ./run.sh start
#        bench/soak.sh   (100 clients share two users: without the 0 the API's per-user limit says 429)
#        (needs a built reactor: ./mvnw -DskipTests install)
#   WENJIN_SOAK_USERS=n     REST users (default 100)
#   WENJIN_SOAK_MINUTES=m   minutes (default 10)
#   WENJIN_SOAK_STREAMS=s   SSE streams (default 3)
#   WENJIN_SOAK_BROWSER=false   no browser chat (needs Debian's chromium + chromium-driver)
set -euo pipefail
cd "$(dirname "$0")/.."
offset=${WENJIN_PORT_OFFSET:-0}
stack=${WENJIN_STACK_DIR:-$PWD/.stack}
secrets=$stack/secrets/stack.env  # one password per demo user
[[ -f $secrets ]] || { echo "no $secrets: start the stack first (./run.sh start)" >&2; exit 1; }
docs=("$PWD/README.md" "$PWD"/docs/*.md "$PWD"/docs/decisions/*.md)
./mvnw -q -o -pl ear test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.bench.SoakBenchmark -Dexec.classpathScope=test \
  -Dexec.args="http://127.0.0.1:$((8080 + offset)) http://127.0.0.1:${WENJIN_KEYCLOAK_PORT:-8180} $secrets $stack ${WENJIN_SOAK_USERS:-100} ${WENJIN_SOAK_MINUTES:-10} ${WENJIN_SOAK_STREAMS:-3} ${WENJIN_SOAK_BROWSER:-true} ${docs[*]}" \
  2>&1 | grep --line-buffered -v -E '^(WARNING|SLF4J)'
