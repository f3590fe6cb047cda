#!/usr/bin/env bash
# Prints the inference pool's figures (overhead with a zero-latency model; 200 requests on 4 slots).
# Usage: bench/pool.sh      (needs a built reactor: ./mvnw -DskipTests install once)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl ejb test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.bench.PoolBenchmark -Dexec.classpathScope=test
