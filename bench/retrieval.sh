#!/usr/bin/env bash
# Retrieval quality against the running ./run.sh stack, on the labelled set in bench/retrieval
# (Chinese and English questions over the Debian FAQ and New Maintainers' Guide in both languages,
# Debian packages, fetched here with apt-get download when missing): R@1/R@5/R@10/MRR@10 per
# language, tuning and test half, for GET /api/search and for plain BM25 and plain kNN over the
# same passages, with latency p50/p95; then the fusion weights on the tuning half.
# Usage: WENJIN_API_RATE_PER_MINUTE=0 ./run.sh start; bench/retrieval.sh   (needs a built reactor:
#        ./mvnw -DskipTests install). Runs as gina (Globex); the documents stay for the next run
#        (WENJIN_BENCH_CLEAN=true removes them at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
stack=${WENJIN_STACK_DIR:-$PWD/.stack}
secrets=$stack/secrets/stack.env  # one password per demo user
[[ -f $secrets ]] || { echo "no $secrets: start the stack first (./run.sh start)" >&2; exit 1; }
# shellcheck disable=SC1090
. "$secrets"
docs=$stack/bench-docs
if [[ ! -d $docs/usr/share/doc ]]; then
  mkdir -p "$docs/debs"
  (cd "$docs/debs" && apt-get download debian-faq debian-faq-zh-cn maint-guide maint-guide-zh-cn)
  for deb in "$docs"/debs/*.deb; do dpkg-deb -x "$deb" "$docs"; done
fi
d=$docs/usr/share/doc
mapfile -t files < <(ls "$d"/debian/FAQ/*.en.html "$d"/debian/FAQ/zh-cn/*.zh-cn.html \
  "$d"/maint-guide/html/*.en.html "$d"/maint-guide-zh-cn/html/*.zh-cn.html | grep -v '/index\.')
offset=${WENJIN_PORT_OFFSET:-0}
./mvnw -q -o -pl ejb test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.bench.RetrievalBenchmark -Dexec.classpathScope=test \
  -Dai.djl.offline=true -DDJL_CACHE_DIR="$stack/djl-cache" \
  -Dexec.args="http://127.0.0.1:$((8080 + offset)) http://127.0.0.1:${WENJIN_KEYCLOAK_PORT:-8180} http://127.0.0.1:${WENJIN_ES_PORT:-9200} $WENJIN_ES_APP_PASSWORD $secrets $PWD/bench/retrieval ${files[*]}" \
  2>&1 | grep --line-buffered -v -E '^(WARNING|SLF4J)'
