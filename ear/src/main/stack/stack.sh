#!/usr/bin/env bash
# The Wenjin stack: Elasticsearch, Keycloak and WildFly (with the EAR) on 127.0.0.1.
# One script for ./run.sh and for the integration tests of `./mvnw verify`; only the folder
# and the ports differ. Servers are fetched through Maven, configured on first start,
# started in their own process groups and stopped by those ids (never by name).
#
# Usage: stack.sh start|stop|status|check
# Settings (environment):
#   WENJIN_STACK_DIR            where servers, data, logs and secrets live   (default: <repo>/.stack)
#   WENJIN_PORT_OFFSET          WildFly port offset: HTTP 8080+n, management 9990+n   (default 0)
#   WENJIN_KEYCLOAK_PORT        Keycloak HTTP port                           (default 8180)
#   WENJIN_KEYCLOAK_MANAGEMENT_PORT  Keycloak health/metrics port            (default 9180)
#   WENJIN_ES_PORT              Elasticsearch HTTP port                      (default 9200)
#   WENJIN_ES_TRANSPORT_PORT    Elasticsearch transport port                 (default 9300)
#   WENJIN_EAR                  the EAR to deploy        (default: <repo>/ear/target/wenjin.ear)
#   WENJIN_FRESH_DATA=1         start from empty databases (the tests use it)
#   WENJIN_GUARD_PID            stop the stack when this process ends; 'parent': our parent (Maven)
#   WENJIN_MODELS_FILE          the model registry (docs/models.md)  (default: <stack>/models.properties
#                               when it exists; without one, only the extractive fallback answers)
#   WENJIN_START_TIMEOUT        seconds each server may take to become healthy (default 300)
#
# At rest, what the stack writes (data, secrets, logs) is its owner's alone: umask 077, and files
# of older stacks are narrowed at every start (protect_files). As root, Elasticsearch runs as
# 'nobody', who may then pass through (never list) the folders on the way to its own files.
set -euo pipefail
caller_umask=$(umask)
umask 077

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../../.." && pwd)

# shellcheck source=../../../../.mvn/select-jdk.sh
. "$repo/.mvn/select-jdk.sh"

WILDFLY_VERSION=39.0.1.Final
KEYCLOAK_VERSION=26.7.3
ES_VERSION=9.2.0

stack_dir=${WENJIN_STACK_DIR:-$repo/.stack}
port_offset=${WENJIN_PORT_OFFSET:-0}
http_port=$((8080 + port_offset))
management_port=$((9990 + port_offset))
kc_port=${WENJIN_KEYCLOAK_PORT:-8180}
kc_management_port=${WENJIN_KEYCLOAK_MANAGEMENT_PORT:-9180}
es_port=${WENJIN_ES_PORT:-9200}
es_transport_port=${WENJIN_ES_TRANSPORT_PORT:-9300}
ear=${WENJIN_EAR:-$repo/ear/target/wenjin.ear}
timeout=${WENJIN_START_TIMEOUT:-300}
models_file=${WENJIN_MODELS_FILE:-$stack_dir/models.properties}
m2_repo=${WENJIN_M2_REPO:-$HOME/.m2/repository}

wildfly_home=$stack_dir/wildfly-$WILDFLY_VERSION
keycloak_home=$stack_dir/keycloak-$KEYCLOAK_VERSION
es_base=$stack_dir  # see relocate_es_for_nobody
data_dir=$stack_dir/data
logs_dir=$stack_dir/logs
run_dir=$stack_dir/run
secrets=$stack_dir/secrets/stack.env

# The demo users, each with a generated password of their own (the realm's placeholder
# ${WENJIN_DEMO_PASSWORD_<USER>}): login|company and roles, as the summary prints them.
demo_logins=(
  "alice|Acme Corp     user, in Acme's engineering group"
  "carol|Acme Corp     tenant-admin of Acme, in Acme's hr group"
  "bob|Globex 环球    user, in Globex's sales group"
  "gina|Globex 环球    tenant-admin of Globex"
  "mia|Acme + Globex tenant-admin and hr in Acme, a plain user in Globex (switches in the header)"
  "audrey|Acme Corp     auditor of Acme"
  "dave|—             user (in no company until a platform admin adds him)"
  "erin|—             user with an acme.example.com address (Acme's admins can add her)"
  "root|—             platform-admin"
)
demo_users=("${demo_logins[@]%%|*}")
demo_password_var() { echo "WENJIN_DEMO_PASSWORD_${1^^}"; }

die() {
  echo "✗ $*" >&2
  exit 1
}
say() { echo "• $*"; }

# --- processes --------------------------------------------------------------------------------

pid_file() { echo "$run_dir/$1.pid"; }

running() {
  local f
  f=$(pid_file "$1")
  [[ -f $f ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

# Starts "$@" as the leader of a new process group, so that stopping it also stops the JVM
# its start script launches (kc.sh and standalone.sh keep java as a child).
launch() {
  local name=$1 log=$2
  shift 2
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

stop_one() {
  local name=$1 f pid
  f=$(pid_file "$name")
  [[ -f $f ]] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    say "stopped $name (process group $pid)"
  fi
  rm -f "$f"
}

stop_all() {
  stop_one wildfly
  stop_one keycloak
  stop_one elasticsearch
  if [[ -f $run_dir/guard.pid ]]; then
    local guard
    guard=$(cat "$run_dir/guard.pid")
    # the guard may be the very process running this stop
    [[ $guard == "$$" ]] || kill "$guard" 2>/dev/null || true
    rm -f "$run_dir/guard.pid"
  fi
}

# --- checks -----------------------------------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  local spec port what setting
  for spec in \
    "$http_port|WildFly HTTP|WENJIN_PORT_OFFSET" \
    "$management_port|WildFly management|WENJIN_PORT_OFFSET" \
    "$((8443 + port_offset))|WildFly HTTPS|WENJIN_PORT_OFFSET" \
    "$kc_port|Keycloak HTTP|WENJIN_KEYCLOAK_PORT" \
    "$kc_management_port|Keycloak management|WENJIN_KEYCLOAK_MANAGEMENT_PORT" \
    "$es_port|Elasticsearch HTTP|WENJIN_ES_PORT" \
    "$es_transport_port|Elasticsearch transport|WENJIN_ES_TRANSPORT_PORT"; do
    IFS='|' read -r port what setting <<<"$spec"
    if port_in_use "$port"; then
      die "port $port ($what) on 127.0.0.1 is already in use; stop what uses it or choose another with $setting=..."
    fi
  done
}

# Waits until "$2" (a command) succeeds; on timeout prints the log's tail and stops everything.
await() {
  local name=$1 probe=$2 log=$3 start=$SECONDS
  until eval "$probe" >/dev/null 2>&1; do
    if ! running "$name"; then
      fail_start "$name exited during start-up" "$log"
    fi
    if ((SECONDS - start > timeout)); then
      fail_start "$name did not become healthy within ${timeout}s" "$log"
    fi
    sleep 2
  done
  say "$name ready after $((SECONDS - start))s"
}

fail_start() {
  echo "✗ $1. Last lines of $2:" >&2
  tail -n 25 "$2" >&2 || true
  echo "✗ full log: $2" >&2
  stop_all
  exit 1
}

# --- secrets ----------------------------------------------------------------------------------

random_secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c "${1:-24}"; }

# Generated on first start (and added when a newer version needs one more); never committed.
ensure_secrets() {
  mkdir -p "$(dirname "$secrets")"
  chmod 700 "$(dirname "$secrets")"
  [[ -f $secrets ]] || echo "# Generated by stack.sh; never commit. Delete the stack folder to start over." >"$secrets"
  chmod 600 "$secrets"
  local name
  for name in WENJIN_WEB_CLIENT_SECRET WENJIN_ADMIN_CLIENT_SECRET WENJIN_METRICS_CLIENT_SECRET \
    WENJIN_KEYCLOAK_ADMIN_PASSWORD \
    WENJIN_ES_ELASTIC_PASSWORD WENJIN_ES_APP_PASSWORD WENJIN_DB_PASSWORD; do
    grep -q "^$name=" "$secrets" || echo "$name=$(random_secret 24)" >>"$secrets"
  done
  # shellcheck disable=SC1090
  . "$secrets"
}

# One password per demo user (WENJIN_DEMO_PASSWORD_ALICE, ...), so that a login handed out in a
# demo opens no other account. Keycloak takes them when it imports the realm. A stack made before
# had one WENJIN_DEMO_PASSWORD for all: while its Keycloak database is kept, that stays every
# user's password (it is what Keycloak checks); the next fresh import gives each their own.
ensure_demo_passwords() {
  local legacy user name
  legacy=$(sed -n 's/^WENJIN_DEMO_PASSWORD=//p' "$secrets")
  if [[ -n $legacy ]] && ! keycloak_realm_kept; then
    sed -i '/^WENJIN_DEMO_PASSWORD\(_[A-Z0-9]*\)\{0,1\}=/d' "$secrets"
    legacy=
  fi
  for user in "${demo_users[@]}"; do
    name=$(demo_password_var "$user")
    grep -q "^$name=" "$secrets" || echo "$name=${legacy:-$(random_secret 12)}" >>"$secrets"
  done
  # shellcheck disable=SC1090
  . "$secrets"
}

# Whether this start keeps Keycloak's database, and with it the realm (and passwords) it imported.
keycloak_realm_kept() {
  [[ -d $keycloak_home/data/h2 && ${WENJIN_FRESH_DATA:-0} != 1 ]]
}

# Data, secrets, logs and server configuration (also of stacks made before umask 077, and what
# the unpacked servers brought) narrowed to their owner; chmod keeps the owner, so Elasticsearch's
# files stay 'nobody''s when we are root. The folders it passes through keep their 711.
protect_files() {
  local path
  for path in "$stack_dir/secrets" "$data_dir" "$logs_dir" "$run_dir" "$keycloak_home/data" \
    "$keycloak_home/conf" "$wildfly_home/standalone/configuration" \
    "$wildfly_home/standalone/data" "$wildfly_home/standalone/log" \
    "$wildfly_home/standalone/tmp" "$stack_dir/djl-cache"; do
    if [[ -e $path && ! -L $path ]]; then chmod -R go-rwx "$path"; fi
  done
  chmod go-rwx "$stack_dir"
  if ((${#es_passages[@]})); then chmod 711 "${es_passages[@]}"; fi
}

# --- fetching (through Maven, into the local repository) ---------------------------------------

artifact() {
  local coords=$1 path=$2
  local file=$m2_repo/$path
  if [[ ! -f $file ]]; then
    say "fetching $coords through Maven" >&2
    # the local Maven repository is the caller's, not the stack's: their umask
    (umask "$caller_umask" && "$repo/mvnw" -B -q -Dmaven.repo.local="$m2_repo" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
      -Dartifact="$coords" -Dtransitive=false) >&2 || die "could not fetch $coords"
  fi
  echo "$file"
}

# --- Elasticsearch ------------------------------------------------------------------------------

as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

# As root, Elasticsearch runs as 'nobody', who must reach its files: the stack, data and logs
# folders then let others pass through (711: never list, never read) while everything in them
# stays 600/700. When 'nobody' cannot get there even so (a clone under /root, say), Elasticsearch
# lives in a private folder under /var/tmp: made by mktemp (random name, 700, then owned by
# 'nobody'), remembered by the link <stack>/elasticsearch-files, and checked before every use — a
# folder there that someone else could have made or changed is refused.
es_passages=()
relocate_es_for_nobody() {
  local link=$stack_dir/elasticsearch-files
  es_base=$stack_dir
  es_passages=()
  if ((EUID == 0)); then
    if [[ -L $link ]]; then
      es_base=$(readlink "$link")
      if [[ -e $es_base || -L $es_base ]]; then
        es_base_is_safe "$es_base" ||
          die "refusing to use $es_base for Elasticsearch: only root or nobody may own it, and only its owner change it (remove $link to set up a new folder)"
        chown 65534:65534 "$es_base"
        chmod 700 "$es_base"
      else
        say "the Elasticsearch folder $es_base is gone; setting up a new one"
        es_base=$(new_es_base)
        ln -sfn "$es_base" "$link"
      fi
    else
      es_passages=("$stack_dir" "$data_dir" "$logs_dir")
      chmod 711 "${es_passages[@]}"
      if ! as_nobody test -x "$data_dir" -a -x "$logs_dir"; then
        chmod 700 "${es_passages[@]}"
        es_passages=()
        es_base=$(new_es_base)
        ln -sfn "$es_base" "$link"
      fi
    fi
  fi
  es_home=$es_base/elasticsearch-$ES_VERSION
  es_data=$es_base/data/elasticsearch
  es_logs=$es_base/logs/elasticsearch
}

# A folder right in /var/tmp, no link, owned by root or nobody, writable by its owner alone.
es_base_is_safe() {
  local dir=$1 owner mode
  [[ -d $dir && ! -L $dir && $(dirname "$dir") == /var/tmp ]] || return 1
  owner=$(stat -c %u "$dir")
  mode=$(stat -c %a "$dir")
  [[ $owner == 0 || $owner == 65534 ]] && (((8#$mode & 8#022) == 0))
}

# A new private folder for Elasticsearch. Those an earlier incarnation of this stack folder made
# (deleted to start over) are removed first, so that they do not pile up in /var/tmp.
new_es_base() {
  local dir
  for dir in /var/tmp/wenjin-es.*; do
    if es_base_is_safe "$dir" && [[ -f $dir/.wenjin-stack && $(cat "$dir/.wenjin-stack") == "$stack_dir" ]]; then
      rm -rf --one-file-system "$dir"
    fi
  done
  dir=$(mktemp -d /var/tmp/wenjin-es.XXXXXXXXXX) || die "could not create a folder for Elasticsearch in /var/tmp"
  printf '%s\n' "$stack_dir" >"$dir/.wenjin-stack"
  chown 65534:65534 "$dir"
  echo "$dir"
}

# The command prefix that runs Elasticsearch's tools with a clean environment; as root, as the
# user 'nobody', because Elasticsearch refuses to run as root.
es_command() {
  es_cmd=()
  if ((EUID == 0)); then es_cmd+=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
  es_cmd+=(env -i PATH=/usr/bin:/bin HOME="$es_home" ES_JAVA_HOME="$JAVA_HOME" ES_TMPDIR="$es_home/tmp"
    WENJIN_ES_DATA="$es_data" WENJIN_ES_LOGS="$es_logs"
    WENJIN_ES_PORT="$es_port" WENJIN_ES_TRANSPORT_PORT="$es_transport_port")
}

prepare_elasticsearch() {
  # The marker lives in the stack folder, not beside Elasticsearch: when the stack folder is
  # deleted (new secrets), files relocated to /var/tmp are set up anew with them.
  local marker=$stack_dir/.elasticsearch-configured
  if [[ -f $marker && ! -f $es_home/config/elasticsearch.keystore ]]; then
    rm -f "$marker" # its folder in /var/tmp was replaced: set it up anew
  fi
  if [[ ! -f $marker ]]; then
    rm -rf "$es_home" "$es_data" "$es_logs"
  fi
  mkdir -p "$es_data" "$es_logs"
  chmod -R go-rwx "$es_data" "$es_logs" # also when they live in /var/tmp
  if ((EUID == 0)) && [[ $es_base != "$stack_dir" ]]; then
    chown 65534:65534 "$es_base/data" "$es_base/logs" # its private folder: 'nobody''s throughout
  fi
  if [[ ! -f $marker ]]; then
    local zip
    zip=$(artifact "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      "org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip")
    say "unpacking Elasticsearch $ES_VERSION"
    rm -rf "$es_home"
    unzip -q "$zip" -d "$es_base"
    mkdir -p "$es_home/tmp"
    cp "$repo/elastic-config/src/main/node/elasticsearch.yml" "$es_home/config/elasticsearch.yml"
    cp "$repo/elastic-config/src/main/node/roles.yml" "$es_home/config/roles.yml"
    printf -- '-Xms%s\n-Xmx%s\n' "${WENJIN_ES_HEAP:-512m}" "${WENJIN_ES_HEAP:-512m}" \
      >"$es_home/config/jvm.options.d/heap.options"
    if ((EUID == 0)); then chown -R 65534:65534 "$es_home"; fi
    es_command
    "${es_cmd[@]}" "$es_home/bin/elasticsearch-keystore" create >/dev/null
    printf '%s\n' "$WENJIN_ES_ELASTIC_PASSWORD" |
      "${es_cmd[@]}" "$es_home/bin/elasticsearch-keystore" add -x bootstrap.password >/dev/null
    "${es_cmd[@]}" "$es_home/bin/elasticsearch-users" useradd wenjin_app \
      -p "$WENJIN_ES_APP_PASSWORD" -r wenjin_app >/dev/null
    touch "$marker"
  fi
  install_analysis_plugin
  # its keystore and users file hold secrets; Elasticsearch's tools make them group-readable
  chmod -R go-rwx "$es_home/config"
  if ((EUID == 0)); then
    chown -R 65534:65534 "$es_home" "$es_data" "$es_logs"
    setpriv --reuid=65534 --regid=65534 --clear-groups test -w "$es_data" ||
      die "user 'nobody' cannot write $es_data (Elasticsearch refuses to run as root)"
  fi
}

# The CJK analysis plugin built by elastic-config (the zip node lacks Chinese analysis); installed
# again whenever the built zip changes.
install_analysis_plugin() {
  local plugin_zip=$repo/elastic-config/target/wenjin-analysis-$ES_VERSION.zip
  [[ -f $plugin_zip ]] || die "no analysis plugin at $plugin_zip; build first: ./mvnw -DskipTests install"
  local sum installed=$es_base/wenjin-analysis.sha256
  sum=$(sha256sum "$plugin_zip" | cut -d' ' -f1)
  if [[ -d $es_home/plugins/wenjin-analysis && -f $installed && $(cat "$installed") == "$sum" ]]; then
    return 0
  fi
  es_command
  if [[ -d $es_home/plugins/wenjin-analysis ]]; then
    "${es_cmd[@]}" "$es_home/bin/elasticsearch-plugin" remove wenjin-analysis >/dev/null
  fi
  cp "$plugin_zip" "$es_home/tmp/wenjin-analysis.zip"
  if ((EUID == 0)); then chown -R 65534:65534 "$es_home"; fi
  "${es_cmd[@]}" "$es_home/bin/elasticsearch-plugin" install --batch \
    "file://$es_home/tmp/wenjin-analysis.zip" >/dev/null 2>&1 ||
    die "installing the analysis plugin into Elasticsearch failed"
  echo "$sum" >"$installed"
}

start_elasticsearch() {
  es_command
  launch elasticsearch "$logs_dir/elasticsearch.console.log" "${es_cmd[@]}" "$es_home/bin/elasticsearch"
}

es_healthy() {
  curl -sf -u "wenjin_app:$WENJIN_ES_APP_PASSWORD" \
    "http://127.0.0.1:$es_port/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null
}

# --- Keycloak -----------------------------------------------------------------------------------

prepare_keycloak() {
  if [[ ! -d $keycloak_home/lib ]]; then
    local zip
    zip=$(artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      "org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
    say "unpacking Keycloak $KEYCLOAK_VERSION"
    unzip -q "$zip" -d "$stack_dir"
  fi
  mkdir -p "$keycloak_home/data/import"
  cp "$repo/ear/src/main/keycloak/wenjin-realm.json" "$keycloak_home/data/import/wenjin-realm.json"
}

start_keycloak() {
  # First start: the bootstrap admin is created and the realm imported; later starts skip both
  # (the realm exists), so data and changes made in Keycloak are kept.
  local user name demo_password_env=()
  for user in "${demo_users[@]}"; do
    name=$(demo_password_var "$user")
    demo_password_env+=("$name=${!name}")
  done
  launch keycloak "$logs_dir/keycloak.log" env \
    JAVA_HOME="$JAVA_HOME" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$WENJIN_KEYCLOAK_ADMIN_PASSWORD" \
    WENJIN_APP_URL="http://127.0.0.1:$http_port" \
    WENJIN_WEB_CLIENT_SECRET="$WENJIN_WEB_CLIENT_SECRET" \
    WENJIN_ADMIN_CLIENT_SECRET="$WENJIN_ADMIN_CLIENT_SECRET" \
    WENJIN_METRICS_CLIENT_SECRET="$WENJIN_METRICS_CLIENT_SECRET" \
    "${demo_password_env[@]}" \
    WENJIN_KEYCLOAK_SSL_REQUIRED=none \
    "$keycloak_home/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$kc_port" \
    --http-management-port="$kc_management_port" --health-enabled=true \
    --import-realm
}

keycloak_healthy() {
  curl -sf "http://127.0.0.1:$kc_management_port/health/ready" >/dev/null &&
    curl -sf "http://127.0.0.1:$kc_port/realms/wenjin/.well-known/openid-configuration" >/dev/null
}

# --- WildFly ------------------------------------------------------------------------------------

prepare_wildfly() {
  if [[ ! -f $wildfly_home/jboss-modules.jar ]]; then
    local tgz
    tgz=$(artifact "org.wildfly:wildfly-dist:$WILDFLY_VERSION:tar.gz" \
      "org/wildfly/wildfly-dist/$WILDFLY_VERSION/wildfly-dist-$WILDFLY_VERSION.tar.gz")
    say "unpacking WildFly $WILDFLY_VERSION"
    tar xzf "$tgz" -C "$stack_dir" --no-same-owner
  fi
  bash "$here/configure-wildfly.sh" "$wildfly_home"
  [[ -f $ear ]] || die "no EAR at $ear; build it first: ./mvnw -DskipTests install"
  local deployments=$wildfly_home/standalone/deployments
  rm -f "$deployments"/wenjin.ear.{deployed,failed,isdeploying,pending,undeployed}
  cp "$ear" "$deployments/wenjin.ear"

  if [[ -n ${WENJIN_MODELS_FILE:-} && ! -f $WENJIN_MODELS_FILE ]]; then
    die "WENJIN_MODELS_FILE names $WENJIN_MODELS_FILE, which does not exist"
  fi
  # System properties the configuration's ${...} expressions resolve; secrets included, hence 600.
  local props=$stack_dir/secrets/wildfly.properties
  cat >"$props" <<EOF
wenjin.data.dir=$data_dir
wenjin.db.password=$WENJIN_DB_PASSWORD
wenjin.oidc.provider-url=http://127.0.0.1:$kc_port/realms/wenjin
wenjin.oidc.ssl-required=none
wenjin.oidc.client-secret=$WENJIN_WEB_CLIENT_SECRET
wenjin.keycloak.url=http://127.0.0.1:$kc_port
wenjin.keycloak.admin-client-secret=$WENJIN_ADMIN_CLIENT_SECRET
wenjin.es.url=http://127.0.0.1:$es_port
wenjin.es.username=wenjin_app
wenjin.es.password=$WENJIN_ES_APP_PASSWORD
wenjin.models.file=$([[ -f $models_file ]] && realpath "$models_file")
EOF
  chmod 600 "$props"
}

# 256 MB to start with (the idle server needs ~200), or all of a smaller maximum: the JVM refuses
# to start when -Xms is above -Xmx.
initial_heap() {
  local mb
  case ${1,,} in
    *g) mb=$((${1%?} * 1024)) ;;
    *m) mb=${1%?} ;;
    *k) mb=$((${1%?} / 1024)) ;;
    *) mb=$(($1 / 1048576)) ;;
  esac
  if ((mb < 256)); then echo "$1"; else echo 256m; fi
}

# Heap: see docs/operations.md ("Heap sizing"); an OutOfMemoryError writes java_pid<n>.hprof into
# the logs folder and "Dumping heap to ..." into wildfly.console.log, and readiness turns DOWN.
start_wildfly() {
  local heap=${WENJIN_WILDFLY_HEAP:-1g}
  launch wildfly "$logs_dir/wildfly.console.log" env \
    JAVA_HOME="$JAVA_HOME" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Xms$(initial_heap "$heap") -Xmx$heap -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$logs_dir -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -DDJL_CACHE_DIR=$stack_dir/djl-cache" \
    "$wildfly_home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$port_offset" \
    -Djboss.server.log.dir="$logs_dir/wildfly" \
    --properties="$stack_dir/secrets/wildfly.properties"
}

wildfly_deployed() {
  local deployments=$wildfly_home/standalone/deployments
  if [[ -f $deployments/wenjin.ear.failed ]]; then
    fail_start "the EAR failed to deploy: $(head -c 600 "$deployments/wenjin.ear.failed")" \
      "$logs_dir/wildfly/server.log"
  fi
  [[ -f $deployments/wenjin.ear.deployed ]] &&
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/" | grep -qE '^(200|302)$'
}

# --- commands -----------------------------------------------------------------------------------

start() {
  wenjin_select_jdk || exit 1
  command -v curl >/dev/null || die "curl is required"
  command -v unzip >/dev/null || die "unzip is required"
  mkdir -p "$stack_dir" "$logs_dir/wildfly" "$run_dir" "$data_dir"
  for name in elasticsearch keycloak wildfly; do
    running "$name" && die "$name of this stack is already running (stop it: $0 stop)"
  done
  check_ports
  ensure_secrets
  ensure_demo_passwords
  relocate_es_for_nobody
  if [[ ${WENJIN_FRESH_DATA:-0} == 1 ]]; then
    say "starting from empty databases"
    rm -rf "$es_data" "$data_dir/h2" "$keycloak_home/data/h2"
  fi

  prepare_elasticsearch
  prepare_keycloak
  prepare_wildfly
  protect_files

  trap 'echo; stop_all; exit 130' INT TERM
  start_elasticsearch
  start_keycloak
  start_wildfly
  local guard=${WENJIN_GUARD_PID:-}
  [[ $guard == parent ]] && guard=$PPID
  if [[ -n $guard ]]; then
    # If the build that started us dies (Ctrl-C, timeout), stop the stack too.
    setsid bash -c "while kill -0 $guard 2>/dev/null; do sleep 2; done; '$here/stack.sh' stop" \
      >/dev/null 2>&1 </dev/null &
    echo $! >"$run_dir/guard.pid"
  fi

  await elasticsearch es_healthy "$es_logs/wenjin.log"
  await keycloak keycloak_healthy "$logs_dir/keycloak.log"
  await wildfly wildfly_deployed "$logs_dir/wildfly/server.log"
  trap - INT TERM
  print_summary
}

print_summary() {
  cat <<EOF

  Wenjin is running:   http://127.0.0.1:$http_port/
  Readiness:           http://127.0.0.1:$http_port/api/health/ready
  Keycloak admin:      http://127.0.0.1:$kc_port/admin/  (admin / $WENJIN_KEYCLOAK_ADMIN_PASSWORD)
  Elasticsearch:       http://127.0.0.1:$es_port/  (wenjin_app / $WENJIN_ES_APP_PASSWORD)

  Demo logins (each with a password of its own)
EOF
  local login name
  for login in "${demo_logins[@]}"; do
    name=$(demo_password_var "${login%%|*}")
    printf '    %-7s %-13s %s\n' "${login%%|*}" "${!name}" "${login#*|}"
  done
  cat <<EOF

  Secrets: $secrets   Logs: $logs_dir
EOF
}

status() {
  local name
  for name in elasticsearch keycloak wildfly; do
    if running "$name"; then echo "$name: running (process group $(cat "$(pid_file "$name")"))"; else echo "$name: stopped"; fi
  done
}

# Elasticsearch alone, for a restart after changing its configuration (and for the test that
# takes the search service away while documents are being indexed).
stop_search() { stop_one elasticsearch; }

start_search() {
  wenjin_select_jdk || exit 1
  ensure_secrets
  relocate_es_for_nobody
  running elasticsearch && die "elasticsearch of this stack is already running"
  start_elasticsearch
  await elasticsearch es_healthy "$es_logs/wenjin.log"
}

# Fails fast (before any build or download) when something would stop a start.
check() {
  wenjin_select_jdk || exit 1
  for name in elasticsearch keycloak wildfly; do
    running "$name" && die "$name of this stack is already running (stop it: $0 stop)"
  done
  check_ports
}

case "${1:-}" in
  start) start ;;
  check) check ;;
  stop) stop_all ;;
  status) status ;;
  stop-search) stop_search ;;
  start-search) start_search ;;
  *) die "usage: $0 start|stop|status|check|stop-search|start-search" ;;
esac
