#!/usr/bin/env bash
# Trains the tiny DJL decoder the tests use (two questions, about 2 minutes on 2 cores) into a folder,
# and prints the lines that register it, so the "djl" backend can be tried in ./run.sh without
# downloading weights. It memorises its two answers; it is not a language model.
# Usage: inference-jni/train-tiny-model.sh [folder]   (default .stack/models/tiny-djl)
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-.stack/models/tiny-djl}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -o -pl inference-jni test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.engine.djl.TinyModels -Dexec.classpathScope=test \
  -Dai.djl.offline=true -DDJL_CACHE_DIR="$PWD/inference-jni/target/djl-cache" \
  -Dexec.args="$folder" 2>&1 | grep -v -E '^(WARNING|SLF4J)'
