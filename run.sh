#!/usr/bin/env bash
# Command 1: build and start the web app on http://localhost:8080 with an embedded PostgreSQL whose data
# lives in ~/.local/share/pose-analytics (or on an external PostgreSQL, see README).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/env.sh
pa_env
mvn -B -q -DskipTests install -pl web -am
exec java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -jar web/target/pose-analytics-web.jar "$@"
