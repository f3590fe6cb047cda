# Sourced (POSIX sh) by ./mvnw and ./run.sh: makes JAVA_HOME point at a JDK 21 or newer.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the newest JDK under
# /usr/lib/jvm. Elasticsearch 9 needs 21, so an older JDK is never silently used.
wenjin_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

wenjin_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    if [ "$(wenjin_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then return 0; fi
    wenjin_old_jdk="$JAVA_HOME"
    wenjin_explicit_old=1
  fi
  if command -v java >/dev/null 2>&1; then
    wenjin_path_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if [ "$(wenjin_java_major "$wenjin_path_home")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$wenjin_path_home"; export JAVA_HOME; return 0
    fi
    wenjin_old_jdk="${wenjin_old_jdk:-$wenjin_path_home}"
  fi
  # find, not a glob: ./mvnw runs with globbing off (set -f)
  for wenjin_candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV); do
    if [ -x "$wenjin_candidate/bin/javac" ] &&
      [ "$(wenjin_java_major "$wenjin_candidate")" -ge 21 ] 2>/dev/null; then
      if [ -n "${wenjin_explicit_old:-}" ]; then
        echo "note: $wenjin_old_jdk is JDK $(wenjin_java_major "$wenjin_old_jdk"); using $wenjin_candidate (Wenjin needs 21+)" >&2
      fi
      JAVA_HOME="$wenjin_candidate"; export JAVA_HOME; return 0
    fi
  done
  echo "Wenjin needs JDK 21 or newer; found only ${wenjin_old_jdk:-no JDK} ($(wenjin_java_major "${wenjin_old_jdk:-/nonexistent}" 2>/dev/null || true))." \
    "Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
  return 1
}
