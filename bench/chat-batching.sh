#!/usr/bin/env bash
# The tiny DJL decoder through the whole platform (SSE, 8 and 32 users), decoded answer by answer
# (before) and in one rolling batch (now): answers/s, pieces/s, first piece and saved answer p50/p95.
# Usage: WENJIN_MODELS_FILE=bench/batching-models.properties WENJIN_API_RATE_PER_MINUTE=0 ./run.sh start
#        bench/chat-batching.sh      (needs a built reactor: ./mvnw -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
stack=${WENJIN_STACK_DIR:-$PWD/.stack}
secrets=$stack/secrets/stack.env
offset=${WENJIN_PORT_OFFSET:-0}
./mvnw -q -o -pl ear test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.bench.BatchedChatBenchmark -Dexec.classpathScope=test \
  -Dai.djl.offline=true -DDJL_CACHE_DIR="$PWD/inference-jni/target/djl-cache" \
  -Dexec.args="http://127.0.0.1:$((8080 + offset)) http://127.0.0.1:${WENJIN_KEYCLOAK_PORT:-8180} $secrets $stack/models/bench-tiny-lm" \
  2>&1 | grep -v -E '^(WARNING|SLF4J)'
