#!/usr/bin/env bash
# Continuous batching on one loaded model: 1, 2, 4, 8 and 16 concurrent streams of the same length
# on the tiny DJL decoder, each on its own thread (before) and in one rolling batch (now); ends with
# the line "batching: 1 stream X tok/s, 8 streams Y tok/s, ratio Z".
# Usage: bench/batching.sh [tokens per stream, default 96]   (needs ./mvnw -DskipTests install once)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -o -pl inference-jni test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.engine.djl.BatchingBenchmark -Dexec.classpathScope=test \
  -Dai.djl.offline=true -DDJL_CACHE_DIR="$PWD/inference-jni/target/djl-cache" \
  -Dexec.args="$PWD/inference-jni/target/bench-lm ${1:-96}" 2>&1 | grep -v -E '^(WARNING|SLF4J)'
