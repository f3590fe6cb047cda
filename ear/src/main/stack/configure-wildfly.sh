#!/usr/bin/env bash
# Installs the module org.wenjin.inference and applies ear/src/main/wildfly/*.cli to a WildFly
# installation, offline. Idempotent: it remembers
# the checksum of what it applied and, when the scripts change, starts again from the pristine
# standalone.xml it saved the first time.
# Usage: configure-wildfly.sh JBOSS_HOME
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

scripts=("$cli_dir"/*.cli)
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
