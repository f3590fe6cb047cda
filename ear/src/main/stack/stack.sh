#!/usr/bin/env bash
# The Wenjin stack: Elasticsearch, Keycloak and WildFly (with the EAR) on 127.0.0.1.
# One script for ./run.sh and for the integration tests of `./mvnw verify`; only the folder
# and the ports differ. Servers are fetched through Maven, configured on first start,
# started in their own process groups and stopped by those ids (never by name).
#
# Usage: stack.sh start|stop|status|check|start-node N|stop-node N|kill-node N
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
#   WENJIN_BALANCER_PORT        HAProxy in front of the nodes (stack.sh start-balancer; default 8090+n)
#   WENJIN_NODE_NAME            this WildFly's name in a node group (default <host>-<HTTP port>)
#   WENJIN_DB                   h2 (default: a file database in the data folder) or postgresql: a
#                               PostgreSQL server of the stack's own, from Debian's binaries
#   WENJIN_PG_PORT              that server's port (default 5433)      WENJIN_PG_BIN  its bin folder
#   WENJIN_DB_URL               a PostgreSQL server of yours instead (jdbc:postgresql://host/db), with
#   WENJIN_DB_USER, WENJIN_DB_PASSWORD              the application's role (default user: wenjin)
#   WENJIN_DB_OWNER_USER, WENJIN_DB_OWNER_PASSWORD  the schema owner's, for migrations (default: the
#                               application's; a role of its own keeps the audit trail unchangeable)
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
PG_DRIVER_VERSION=42.7.13

# The application's database (docs/scaling.md). Read before the secrets file is sourced: a
# password given here is the operator's, not a generated one.
db_url=${WENJIN_DB_URL:-}
db_kind=${WENJIN_DB:-$([[ -n $db_url ]] && echo postgresql || echo h2)}
db_user=${WENJIN_DB_USER:-wenjin}
db_password_given=${WENJIN_DB_PASSWORD:-}
db_owner_user=${WENJIN_DB_OWNER_USER:-}
db_owner_password_given=${WENJIN_DB_OWNER_PASSWORD:-}
pg_port=${WENJIN_PG_PORT:-5433}
balancer_port=${WENJIN_BALANCER_PORT:-$((8090 + port_offset))}
pg_owner=wenjin_owner
case $db_kind in
  h2 | postgresql) ;;
  *) echo "✗ WENJIN_DB must be h2 or postgresql, not '$db_kind'" >&2; exit 1 ;;
esac
if [[ $db_kind == h2 && -n $db_url ]]; then
  echo "✗ WENJIN_DB_URL names a PostgreSQL server, but WENJIN_DB=h2" >&2
  exit 1
fi
# the stack runs its own PostgreSQL unless it is given one
pg_managed=$([[ $db_kind == postgresql && -z $db_url ]] && echo 1 || echo 0)

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
  "lin|Globex 环球    tenant-admin of Globex, reads the app in 中文 (the header's language switch)"
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
    if [[ $name == postgresql ]]; then
      # its server process alone, which then stops its own (SIGINT: a fast, clean shutdown)
      kill -INT "$pid" 2>/dev/null || true
    else
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    fi
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
  local extra
  stop_one balancer
  for extra in "$run_dir"/wildfly-*.pid; do
    [[ -f $extra ]] && stop_one "$(basename "$extra" .pid)"
  done
  stop_one wildfly
  stop_one keycloak
  stop_one elasticsearch
  stop_one postgresql # after WildFly, its only client
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

# Fails when a port of one of the named servers is taken.
check_ports() {
  local spec name port what setting specs=(
    "wildfly|$http_port|WildFly HTTP|WENJIN_PORT_OFFSET"
    "wildfly|$management_port|WildFly management|WENJIN_PORT_OFFSET"
    "wildfly|$((8443 + port_offset))|WildFly HTTPS|WENJIN_PORT_OFFSET"
    "keycloak|$kc_port|Keycloak HTTP|WENJIN_KEYCLOAK_PORT"
    "keycloak|$kc_management_port|Keycloak management|WENJIN_KEYCLOAK_MANAGEMENT_PORT"
    "elasticsearch|$es_port|Elasticsearch HTTP|WENJIN_ES_PORT"
    "elasticsearch|$es_transport_port|Elasticsearch transport|WENJIN_ES_TRANSPORT_PORT"
    "postgresql|$pg_port|PostgreSQL|WENJIN_PG_PORT"
  )
  for spec in "${specs[@]}"; do
    IFS='|' read -r name port what setting <<<"$spec"
    [[ " $* " == *" $name "* ]] || continue
    if port_in_use "$port"; then
      die "port $port ($what) on 127.0.0.1 is already in use; stop what uses it or choose another with $setting=..."
    fi
  done
}

# The servers this stack runs (wanted) and those of them not running now (missing): a start
# starts only these, so a server that died is started again beside the ones still running.
find_missing() {
  wanted=(elasticsearch keycloak wildfly)
  if ((pg_managed)); then wanted+=(postgresql); fi
  missing=()
  local name
  for name in "${wanted[@]}"; do
    running "$name" || missing+=("$name")
  done
}

is_missing() { [[ " ${missing[*]} " == *" $1 "* ]]; }

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
  if [[ -n ${starting_node:-} ]]; then
    stop_one "$starting_node" # a node added to a running stack: the rest keeps running
  else
    stop_all
  fi
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
    WENJIN_ES_ELASTIC_PASSWORD WENJIN_ES_APP_PASSWORD WENJIN_DB_PASSWORD WENJIN_DB_OWNER_PASSWORD; do
    grep -q "^$name=" "$secrets" || echo "$name=$(random_secret 24)" >>"$secrets"
  done
  # shellcheck disable=SC1090
  . "$secrets"
  if [[ -n $db_url ]]; then # the operator's server: the operator's roles and passwords
    [[ -n $db_password_given ]] || die "WENJIN_DB_URL needs WENJIN_DB_PASSWORD (the application role's)"
    WENJIN_DB_PASSWORD=$db_password_given
    WENJIN_DB_OWNER_PASSWORD=${db_owner_password_given:-$db_password_given}
    db_owner_user=${db_owner_user:-$db_user}
  else
    db_owner_user=$pg_owner
  fi
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
    WENJIN_BALANCER_URL="http://127.0.0.1:$balancer_port" \
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

# --- PostgreSQL (WENJIN_DB=postgresql without WENJIN_DB_URL) ------------------------------------

# Debian's server binaries; the cluster lives beside Elasticsearch's files, and as root runs as
# 'nobody' for the same reason (PostgreSQL refuses to run as root; see relocate_es_for_nobody).
pg_paths() {
  pg_data=$es_base/data/postgresql
  # no PostgreSQL installed (the H2 default needs none): an empty pg_bin, never a failed start
  pg_bin=${WENJIN_PG_BIN:-$({ find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null || true; } | sort -V | tail -n 1)}
}

pg_command() {
  pg_cmd=()
  if ((EUID == 0)); then pg_cmd+=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
  pg_cmd+=(env -i PATH=/usr/bin:/bin LANG=C.UTF-8)
}

prepare_postgresql() {
  pg_paths
  [[ -x $pg_bin/postgres && -x $pg_bin/initdb ]] ||
    die "PostgreSQL is not installed (WENJIN_DB=postgresql runs Debian's: apt-get install postgresql; or set WENJIN_PG_BIN, or WENJIN_DB_URL for a server of your own)"
  if [[ ! -f $pg_data/PG_VERSION ]]; then
    say "creating the PostgreSQL cluster"
    rm -rf "$pg_data"
    mkdir -p "$pg_data"
    # initdb reads the superuser's password from a file; it is there for the moment initdb runs
    local pwfile=$pg_data.password
    printf '%s\n' "$WENJIN_DB_OWNER_PASSWORD" >"$pwfile"
    if ((EUID == 0)); then chown 65534:65534 "$pg_data" "$pwfile"; fi
    pg_command
    if ! "${pg_cmd[@]}" "$pg_bin/initdb" -D "$pg_data" -U "$pg_owner" --pwfile="$pwfile" \
      --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$logs_dir/postgresql-initdb.log" 2>&1; then
      rm -f "$pwfile"
      die "initdb failed; see $logs_dir/postgresql-initdb.log"
    fi
    rm -f "$pwfile"
  fi
  if ((EUID == 0)); then chown -R 65534:65534 "$pg_data"; fi
  chmod 700 "$pg_data"
}

start_postgresql() {
  pg_command
  launch postgresql "$logs_dir/postgresql.log" "${pg_cmd[@]}" "$pg_bin/postgres" -D "$pg_data" \
    -c listen_addresses=127.0.0.1 -c port="$pg_port" -c unix_socket_directories= \
    -c max_connections=100
}

pg_sql() {
  PGPASSWORD=$WENJIN_DB_OWNER_PASSWORD "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 \
    -p "$pg_port" -U "$pg_owner" "$@"
}

postgresql_healthy() { pg_sql -d postgres -tAc "SELECT 1" >/dev/null; }

# The database and the application's role (its password as the secrets file says, every start).
ensure_pg_database() {
  # the password comes from the environment, never a command line (ps shows those)
  (export WENJIN_DB_PASSWORD && pg_sql -d postgres -v user="$db_user" >/dev/null) <<'SQL'
\set password `printenv WENJIN_DB_PASSWORD`
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" LOGIN PASSWORD :'password';
SELECT 'CREATE DATABASE wenjin' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'wenjin') \gexec
SQL
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
  local driver=
  if [[ $db_kind == postgresql ]]; then
    driver=$(artifact "org.postgresql:postgresql:$PG_DRIVER_VERSION" \
      "org/postgresql/postgresql/$PG_DRIVER_VERSION/postgresql-$PG_DRIVER_VERSION.jar")
  fi
  WENJIN_DB_KIND=$db_kind WENJIN_PG_DRIVER=$driver bash "$here/configure-wildfly.sh" "$wildfly_home"
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
wenjin.db.url=${db_url:-jdbc:postgresql://127.0.0.1:$pg_port/wenjin}
wenjin.db.user=$db_user
wenjin.db.owner-user=$db_owner_user
wenjin.db.owner-password=$WENJIN_DB_OWNER_PASSWORD
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
start_wildfly() { launch_wildfly wildfly "$wildfly_home/standalone" "$port_offset"; }

# One WildFly node: its name (pid file, logs), server base folder and port offset. Every node
# runs the same installation and reads the same properties (one database, search and Keycloak).
launch_wildfly() {
  local name=$1 base=$2 offset=$3 heap=${WENJIN_WILDFLY_HEAP:-1g}
  local node_name
  node_name=$(hostname -s 2>/dev/null || echo node)-$((8080 + offset))
  if [[ $name == wildfly && -n ${WENJIN_NODE_NAME:-} ]]; then node_name=$WENJIN_NODE_NAME; fi
  mkdir -p "$logs_dir/$name"
  launch "$name" "$logs_dir/$name.console.log" env \
    JAVA_HOME="$JAVA_HOME" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Xms$(initial_heap "$heap") -Xmx$heap -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$logs_dir -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -DDJL_CACHE_DIR=$stack_dir/djl-cache" \
    "$wildfly_home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset="$offset" \
    -Djboss.node.name="$node_name" \
    -Djboss.server.log.dir="$logs_dir/$name" \
    --properties="$stack_dir/secrets/wildfly.properties"
}

wildfly_deployed() { node_deployed wildfly "$wildfly_home/standalone" "$port_offset"; }

node_deployed() {
  local name=$1 deployments=$2/deployments offset=$3
  if [[ -f $deployments/wenjin.ear.failed ]]; then
    fail_start "the EAR failed to deploy on $name: $(head -c 600 "$deployments/wenjin.ear.failed")" \
      "$logs_dir/$name/server.log"
  fi
  [[ -f $deployments/wenjin.ear.deployed ]] &&
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((8080 + offset))/" | grep -qE '^(200|302)$'
}

# --- more WildFly nodes: a node group on the stack's one PostgreSQL (docs/scaling.md) ----------

# Node n (2, 3, ...) beside the stack's own WildFly (node 1): the same installation with a server
# folder of its own (node 1's configuration and the EAR, fresh data), port offset +n-1.
node_checked() {
  node=${1:-}
  if ! [[ $node =~ ^[0-9]+$ ]] || ((node < 2 || node > 9)); then
    # node 11 would take the balancer's port (8090 + offset)
    die "nodes are numbered 2 to 9 (the stack's own WildFly is node 1): $0 start-node 2"
  fi
  node_process=wildfly-$node
  node_base=$stack_dir/node-$node
  node_offset=$((port_offset + node - 1))
}

start_node() {
  node_checked "$@"
  wenjin_select_jdk || exit 1
  [[ $db_kind == postgresql ]] ||
    die "more nodes need PostgreSQL (WENJIN_DB=postgresql or WENJIN_DB_URL): H2 is one server's file"
  running wildfly || die "start the stack first; its WildFly is node 1"
  running "$node_process" && die "node $node of this stack is already running"
  local port
  for port in $((8080 + node_offset)) $((9990 + node_offset)) $((8443 + node_offset)); do
    port_in_use "$port" && die "port $port (node $node) on 127.0.0.1 is already in use"
  done
  ensure_secrets
  rm -rf "$node_base"
  mkdir -p "$node_base/deployments"
  cp -r "$wildfly_home/standalone/configuration" "$node_base/"
  rm -rf "$node_base/configuration/standalone_xml_history"
  cp "$ear" "$node_base/deployments/wenjin.ear"
  starting_node=$node_process
  launch_wildfly "$node_process" "$node_base" "$node_offset"
  await "$node_process" "node_deployed $node_process '$node_base' $node_offset" \
    "$logs_dir/$node_process/server.log"
  say "node $node: http://127.0.0.1:$((8080 + node_offset))/"
}

stop_node() {
  node_checked "$@"
  stop_one "$node_process"
}

# --- a balancer in front of the nodes: Debian's HAProxy ----------------------------------------

# Round robin over the nodes running now (start them first), sticky by a cookie of its own
# (WENJIN_NODE: a Vaadin session lives on one node), a node out of rotation while its readiness
# fails, and its users sent to another node when it is down (redispatch). Long timeouts: answers
# stream as server-sent events, Vaadin pushes over a websocket.
start_balancer() {
  command -v haproxy >/dev/null || die "HAProxy is not installed (Debian: apt-get install haproxy)"
  running wildfly || die "start the stack first"
  running balancer && die "the balancer of this stack is already running"
  port_in_use "$balancer_port" &&
    die "port $balancer_port (balancer) on 127.0.0.1 is already in use; choose another with WENJIN_BALANCER_PORT=..."
  local cfg=$stack_dir/balancer/haproxy.cfg servers n
  servers="    server node1 127.0.0.1:$http_port cookie node1"
  for n in $(seq 2 9); do
    if running "wildfly-$n"; then
      servers+=$'\n'"    server node$n 127.0.0.1:$((8080 + port_offset + n - 1)) cookie node$n"
    fi
  done
  mkdir -p "$stack_dir/balancer"
  cat >"$cfg" <<CFG
# Generated by stack.sh start-balancer for the nodes running then; see docs/scaling.md.
global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 10m
    timeout server 10m
    timeout tunnel 1h
    option forwardfor
    option redispatch
    retries 2
frontend wenjin
    bind 127.0.0.1:$balancer_port
    default_backend nodes
backend nodes
    balance roundrobin
    cookie WENJIN_NODE insert indirect nocache httponly
    option httpchk GET /api/health/live
    http-check expect status 200
    default-server check inter 2s fall 2 rise 2
$servers
CFG
  starting_node=balancer # a failed start stops it alone
  launch balancer "$logs_dir/balancer.log" haproxy -db -f "$cfg"
  await balancer balancer_up "$logs_dir/balancer.log"
  say "balancer: http://127.0.0.1:$balancer_port/ ($(grep -c '^    server' "$cfg") nodes)"
}

balancer_up() { curl -s -o /dev/null "http://127.0.0.1:$balancer_port/api/health/ready"; }

# As a crash would: SIGKILL to the node's process group, nothing saved (the tests use it).
kill_node() {
  node_checked "$@"
  local f
  f=$(pid_file "$node_process")
  if [[ -f $f ]]; then
    local group waited=0
    group=$(cat "$f")
    kill -KILL -- "-$group" 2>/dev/null && say "killed node $node"
    # SIGKILL is delivered, not awaited: until the processes are gone their ports are taken,
    # and a start right after would find them in use
    while kill -0 -- "-$group" 2>/dev/null && ((waited++ < 100)); do
      sleep 0.1
    done
  fi
  rm -f "$f"
}

# --- commands -----------------------------------------------------------------------------------

start() {
  wenjin_select_jdk || exit 1
  command -v curl >/dev/null || die "curl is required"
  command -v unzip >/dev/null || die "unzip is required"
  mkdir -p "$stack_dir" "$logs_dir/wildfly" "$run_dir" "$data_dir"
  find_missing
  ((${#missing[@]})) || die "the stack is already running (stop it: $0 stop)"
  if ((${#missing[@]} < ${#wanted[@]})); then
    if [[ ${WENJIN_FRESH_DATA:-0} == 1 ]]; then
      say "stopping what still runs of this stack, to start from empty databases"
      stop_all
      missing=("${wanted[@]}")
    else
      say "starting what is not running: ${missing[*]} (the rest keeps running)"
    fi
  fi
  check_ports "${missing[@]}"
  ensure_secrets
  ensure_demo_passwords
  relocate_es_for_nobody
  pg_paths
  if [[ ${WENJIN_FRESH_DATA:-0} == 1 ]]; then
    say "starting from empty databases"
    rm -rf "$es_data" "$data_dir/h2" "$keycloak_home/data/h2" "$pg_data"
  fi

  if is_missing elasticsearch; then prepare_elasticsearch; fi
  if is_missing keycloak; then prepare_keycloak; fi
  if is_missing postgresql; then prepare_postgresql; fi
  # a running WildFly would redeploy a copied EAR: it is prepared only when it starts
  if is_missing wildfly; then prepare_wildfly; fi
  protect_files

  trap 'echo; stop_all; exit 130' INT TERM
  if is_missing elasticsearch; then start_elasticsearch; fi
  if is_missing keycloak; then start_keycloak; fi
  if ((pg_managed)); then
    # WildFly migrates the schema as it deploys: the database must be there first
    if is_missing postgresql; then start_postgresql; fi
    await postgresql postgresql_healthy "$logs_dir/postgresql.log"
    ensure_pg_database
  fi
  if is_missing wildfly; then start_wildfly; fi
  start_guard

  await elasticsearch es_healthy "$es_logs/wenjin.log"
  await keycloak keycloak_healthy "$logs_dir/keycloak.log"
  await wildfly wildfly_deployed "$logs_dir/wildfly/server.log"
  trap - INT TERM
  print_summary
}

# If the build that started us dies (Ctrl-C, timeout), stop the stack too; one guard per stack.
start_guard() {
  local guard=${WENJIN_GUARD_PID:-}
  [[ $guard == parent ]] && guard=$PPID
  [[ -n $guard ]] || return 0
  if [[ -f $run_dir/guard.pid ]] && kill -0 "$(cat "$run_dir/guard.pid")" 2>/dev/null; then
    return 0
  fi
  setsid bash -c "while kill -0 $guard 2>/dev/null; do sleep 2; done; '$here/stack.sh' stop" \
    >/dev/null 2>&1 </dev/null &
  echo $! >"$run_dir/guard.pid"
}

print_summary() {
  cat <<EOF

  Wenjin is running:   http://127.0.0.1:$http_port/
  Readiness:           http://127.0.0.1:$http_port/api/health/ready
  Keycloak admin:      http://127.0.0.1:$kc_port/admin/  (admin / $WENJIN_KEYCLOAK_ADMIN_PASSWORD)
  Elasticsearch:       http://127.0.0.1:$es_port/  (wenjin_app / $WENJIN_ES_APP_PASSWORD)
  Database:            $(database_summary)

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

database_summary() {
  if [[ $db_kind == h2 ]]; then
    echo "H2 in $data_dir/h2 (WENJIN_DB=postgresql for PostgreSQL)"
  elif ((pg_managed)); then
    echo "PostgreSQL on 127.0.0.1:$pg_port/wenjin ($db_user; owner $pg_owner, password WENJIN_DB_OWNER_PASSWORD in the secrets file)"
  else
    echo "PostgreSQL at $db_url ($db_user)"
  fi
}

status() {
  local name
  for name in elasticsearch keycloak wildfly postgresql; do
    # PostgreSQL only in the stacks that run one (its pid file is there while it should run)
    [[ $name != postgresql || -f $(pid_file postgresql) ]] || continue
    if running "$name"; then echo "$name: running (process group $(cat "$(pid_file "$name")"))"; else echo "$name: stopped"; fi
  done
  local extra
  for extra in "$run_dir"/wildfly-*.pid "$run_dir"/balancer.pid; do
    [[ -f $extra ]] || continue
    name=$(basename "$extra" .pid)
    if running "$name"; then echo "$name: running (process group $(cat "$extra"))"; else echo "$name: stopped"; fi
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
  find_missing
  ((${#missing[@]})) || die "the stack is already running (stop it: $0 stop)"
  check_ports "${missing[@]}"
}

case "${1:-}" in
  start) start ;;
  check) check ;;
  stop) stop_all ;;
  status) status ;;
  stop-search) stop_search ;;
  start-node) start_node "${2:-}" ;;
  stop-node) stop_node "${2:-}" ;;
  kill-node) kill_node "${2:-}" ;;
  start-balancer) start_balancer ;;
  stop-balancer) stop_one balancer ;;
  start-search) start_search ;;
  *) die "usage: $0 start|stop|status|check|stop-search|start-search|start-node N|stop-node N|kill-node N|start-balancer|stop-balancer" ;;
esac
