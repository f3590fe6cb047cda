#!/usr/bin/env bash
# Installs the official OpenAI Node client that OpenAiClientIT drives, at the version the lock file
# names, from the npm registry, into target/openai-client (never into the source tree).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../../../target/openai-client"
command -v npm >/dev/null || {
  echo "npm is needed for OpenAiClientIT: apt-get install nodejs npm" >&2
  exit 1
}
rm -rf "$target"
mkdir -p "$target"
cp "$here/package.json" "$here/package-lock.json" "$here/client.mjs" "$target/"
cd "$target"
npm ci --no-audit --no-fund --loglevel=error
