#!/usr/bin/env bash
# Installs the module org.wenjin.inference and applies ear/src/main/wildfly/*.cli, then the
# database's script (database/$WENJIN_DB_KIND.cli), to a WildFly installation, offline.
# Idempotent: it remembers the checksum of what it applied and, when the scripts or the database
# change, starts again from the pristine standalone.xml it saved the first time.
# Usage: configure-wildfly.sh JBOSS_HOME
# Environment: WENJIN_DB_KIND    h2 (default) or postgresql
#              WENJIN_PG_DRIVER  PostgreSQL's JDBC driver jar, installed as the module org.postgresql
set -euo pipefail
jboss_home=${1:?usage: configure-wildfly.sh JBOSS_HOME}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cli_dir=$(cd "$here/../wildfly" && pwd)
config=$jboss_home/standalone/configuration
marker=$config/.wenjin-configured

# The JBoss module with DJL and its natives (built by inference-jni; see its pom).
module_src=${WENJIN_INFERENCE_MODULE:-$here/../../../../inference-jni/target/wildfly-module}
if [[ ! -f $module_src/org/wenjin/inference/main/module.xml ]]; then
  echo "no inference module at $module_src; build first: ./mvnw -DskipTests install" >&2
  exit 1
fi
module_dst=$jboss_home/modules/org/wenjin/inference
rm -rf "$module_dst"
mkdir -p "$(dirname "$module_dst")"
cp -r "$module_src/org/wenjin/inference" "$module_dst"

kind=${WENJIN_DB_KIND:-h2}
[[ -f $cli_dir/database/$kind.cli ]] || { echo "unknown database '$kind' (h2 or postgresql)" >&2; exit 1; }
if [[ $kind == postgresql ]]; then
  driver=${WENJIN_PG_DRIVER:?WENJIN_PG_DRIVER must name the PostgreSQL JDBC driver jar}
  driver_dst=$jboss_home/modules/org/postgresql/main
  rm -rf "$driver_dst"
  mkdir -p "$driver_dst"
  cp "$driver" "$driver_dst/postgresql.jar"
  cat >"$driver_dst/module.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- PostgreSQL's JDBC driver, installed by configure-wildfly.sh (WENJIN_DB=postgresql) -->
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
  <resources>
    <resource-root path="postgresql.jar"/>
  </resources>
  <dependencies>
    <module name="java.logging"/>
    <module name="java.management"/>
    <module name="java.naming"/>
    <module name="java.security.jgss"/>
    <module name="java.sql"/>
    <module name="java.transaction.xa"/>
    <module name="jakarta.transaction.api"/>
  </dependencies>
</module>
EOF
fi

scripts=("$cli_dir"/*.cli "$cli_dir/database/$kind.cli")
checksum=$(cat "${scripts[@]}" | sha256sum | cut -d' ' -f1)
if [[ -f $marker && $(cat "$marker") == "$checksum" ]]; then
  exit 0
fi
if [[ -f $config/standalone.xml.pristine ]]; then
  cp "$config/standalone.xml.pristine" "$config/standalone.xml"
else
  cp "$config/standalone.xml" "$config/standalone.xml.pristine"
fi
# The embedded server must not see a running server's temporary files.
rm -rf "$jboss_home/standalone/configuration/standalone_xml_history/current"
for script in "${scripts[@]}"; do
  if ! out=$("$jboss_home/bin/jboss-cli.sh" --file="$script" 2>&1); then
    echo "WildFly configuration failed in $script:" >&2
    echo "$out" | tail -20 >&2
    exit 1
  fi
done
echo "$checksum" >"$marker"
echo "WildFly configured ($(basename -a "${scripts[@]}" | tr '\n' ' '))"
