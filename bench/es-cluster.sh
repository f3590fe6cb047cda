#!/usr/bin/env bash
# The chunk index on a two-node Elasticsearch cluster on this machine (256 MB heaps, the same
# 9.2.0 node and analysis plugin as the stack): 1 shard + 1 replica, written and searched, then node
# 2 stops and the same is done again. Node 1 is the cluster's master (with two nodes only one may
# be: a production cluster has three, docs/scaling.md); node 2 holds data only. Security is off:
# both nodes listen on 127.0.0.1 only and live in a throwaway folder. Ends with "es-cluster: ...".
# Usage: bench/es-cluster.sh [passages per run, default 4000]   (needs ./mvnw -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. .mvn/select-jdk.sh
wenjin_select_jdk || exit 1
ES_VERSION=9.2.0
m2=${WENJIN_M2_REPO:-$HOME/.m2/repository}
zip=$m2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip
plugin=$repo/elastic-config/target/wenjin-analysis-$ES_VERSION.zip
if [[ ! -f $zip ]]; then
  ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get -Dtransitive=false \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
fi
[[ -f $plugin ]] || { echo "no analysis plugin at $plugin; build first: ./mvnw -DskipTests install" >&2; exit 1; }

work=$(mktemp -d /tmp/wenjin-es-cluster.XXXXXX)
chmod 755 "$work"
as_es=()
if ((EUID == 0)); then as_es=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 2
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

for n in 1 2; do
  home=$work/node-$n
  unzip -q "$zip" -d "$home"
  home=$home/elasticsearch-$ES_VERSION
  roles=$([[ $n == 1 ]] && echo '[master, data]' || echo '[data]')
  cat >"$home/config/elasticsearch.yml" <<YML
cluster.name: wenjin-bench
node.name: node-$n
node.roles: $roles
path.data: $home/data
path.logs: $home/logs
network.host: 127.0.0.1
http.port: $((29200 + n))
transport.port: $((29300 + n))
discovery.seed_hosts: ["127.0.0.1:29301", "127.0.0.1:29302"]
cluster.initial_master_nodes: ["node-1"]
xpack.security.enabled: false
YML
  printf -- '-Xms256m\n-Xmx256m\n' >"$home/config/jvm.options.d/heap.options"
  mkdir -p "$home/tmp"
  cp "$plugin" "$home/tmp/wenjin-analysis.zip"
  if ((EUID == 0)); then chown -R 65534:65534 "$work/node-$n"; fi
  env -i PATH=/usr/bin:/bin ES_JAVA_HOME="$JAVA_HOME" ES_TMPDIR="$home/tmp" "${as_es[@]}" \
    "$home/bin/elasticsearch-plugin" install --batch "file://$home/tmp/wenjin-analysis.zip" >/dev/null 2>&1
  setsid env -i PATH=/usr/bin:/bin ES_JAVA_HOME="$JAVA_HOME" ES_TMPDIR="$home/tmp" "${as_es[@]}" \
    "$home/bin/elasticsearch" >"$work/node-$n.log" 2>&1 </dev/null &
  pids+=($!)
  echo $! >"$work/node-$n.pid"
done

echo "• waiting for the two nodes"
for _ in $(seq 1 150); do
  if curl -sf "http://127.0.0.1:29201/_cluster/health?wait_for_nodes=2&timeout=1s" >/dev/null; then break; fi
  sleep 2
done
curl -sf "http://127.0.0.1:29201/_cat/nodes?v&h=name,node.role,master" || { tail -20 "$work"/node-*.log; exit 1; }

./mvnw -q -o -pl elastic-config test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.wenjin.elastic.bench.EsClusterBenchmark -Dexec.classpathScope=test \
  -Dexec.args="http://127.0.0.1:29201 $work/node-2.pid ${1:-4000}" 2>&1 | grep -v -E '^(WARNING|SLF4J)'
