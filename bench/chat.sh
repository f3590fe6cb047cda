#!/usr/bin/env bash
# Prints the platform's overhead on chat answers (send -> first piece, send -> whole answer,
# p50/p95, 1 and 50 users) with a zero-latency scripted model the benchmark serves itself, through
# Wenjin's own stream and through the OpenAI-compatible /v1 (API keys) side by side.
# Usage: WENJIN_MODELS_FILE=bench/chat-models.properties WENJIN_API_RATE_PER_MINUTE=0 ./run.sh start
#        bench/chat.sh   (50 clients on a few users: without the 0 the per-user API limit says 429)
#        (needs a built reactor: ./mvnw -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
secrets=${WENJIN_STACK_DIR:-$PWD/.stack}/secrets/stack.env  # one password per demo user
# shellcheck disable=SC1090
. "$secrets"
offset=${WENJIN_PORT_OFFSET:-0}
./mvnw -q -o -pl ear test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.bench.ChatBenchmark -Dexec.classpathScope=test \
  -Dexec.args="http://127.0.0.1:$((8080 + offset)) http://127.0.0.1:${WENJIN_KEYCLOAK_PORT:-8180} $secrets 18998" \
  2>&1 | grep -v -E '^(WARNING|SLF4J)'
