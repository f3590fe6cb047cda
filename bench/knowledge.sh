#!/usr/bin/env bash
# Prints the knowledge base's figures against the running ./run.sh stack: ingestion of the Debian
# FAQ and New Maintainers' Guide in Chinese (Debian packages, installed here when missing) next to
# the raw embedding throughput, and search latency of the app vs the raw Elasticsearch queries at
# 10k and 100k passages. Runs as gina (Globex) and removes what it added.
# Usage: WENJIN_API_RATE_PER_MINUTE=0 ./run.sh start; bench/knowledge.sh   (needs a built reactor:
#        ./mvnw -DskipTests install; the 0 lifts the per-user API limit that its searches exceed)
#   WENJIN_BENCH_PASSES=n   ingestion passes (default 4; the first after a start is cold)
#   WENJIN_BENCH_ONLY=ingestion   skip the search part
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg -s debian-faq-zh-cn maint-guide-zh-cn >/dev/null 2>&1; then
  [[ $(id -u) == 0 ]] || { echo "install debian-faq-zh-cn and maint-guide-zh-cn first (apt-get)"; exit 1; }
  apt-get install -y -q debian-faq-zh-cn maint-guide-zh-cn >/dev/null
fi
secrets=${WENJIN_STACK_DIR:-$PWD/.stack}/secrets/stack.env  # one password per demo user
# shellcheck disable=SC1090
. "$secrets"
mapfile -t files < <(ls /usr/share/doc/debian/FAQ/zh-cn/*.html /usr/share/doc/maint-guide-zh-cn/html/*.html \
  /usr/share/doc/maint-guide-zh-cn/maint-guide.zh-cn.pdf)
offset=${WENJIN_PORT_OFFSET:-0}
./mvnw -q -o -pl ejb test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.bench.KnowledgeBenchmark -Dexec.classpathScope=test \
  -Dai.djl.offline=true -DDJL_CACHE_DIR="$PWD/.stack/djl-cache" -Dwenjin.bench.stack="$PWD/.stack" \
  -Dexec.args="http://127.0.0.1:$((8080 + offset)) http://127.0.0.1:${WENJIN_KEYCLOAK_PORT:-8180} http://127.0.0.1:${WENJIN_ES_PORT:-9200} $WENJIN_ES_APP_PASSWORD $secrets ${files[*]}"
