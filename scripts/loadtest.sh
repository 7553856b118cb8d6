#!/usr/bin/env bash
# The server under load (issue #17, item 4; figures in docs/BENCHMARKS.md, "Server under load"): starts the packaged app
# on loopback with an empty data directory, runs the Gatling simulation of loadtest/ against it (seeding, 20 uploads at
# once, 50 viewers for LOADTEST_VIEW_S seconds), then stops the app. Not part of the build or CI.
#
#   scripts/loadtest.sh                        # 20 uploads, 50 viewers, 180 s of browsing, 1,000 sessions of one subject
#   LOADTEST_VIEW_S=60 LOADTEST_VIEWERS=10 scripts/loadtest.sh
#   LOADTEST_PROGRESS_METRIC=left_knee_flexion_peak_mean scripts/loadtest.sh   # the viewers' progress API asks for one figure
#   LOADTEST_VIDEO=long60m.mp4 LOADTEST_FIRST_ANALYSIS_MIN=150 LOADTEST_APP_JAVA_OPTS=-Xmx512m scripts/loadtest.sh
#                                              # the web job's memory on an hour-long upload (docs/BENCHMARKS.md, item 3)
#   LOADTEST_FIRST_KEYPOINTS=hour.json LOADTEST_APP_ARGS=--pose.keypoints.max-size=300MB scripts/loadtest.sh
#                                              # the seed's first upload is that keypoint file: no model, so an hour's
#                                              # tracking, kinematics and store in the web job take minutes
#
# Gatling's report: loadtest/target/gatling/*/index.html; the app's log: $DATA.log (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
pa_env

PORT="${LOADTEST_PORT:-18080}"
DATA="$(mktemp -d /tmp/pa-loadtest.XXXXXX)"
# mktemp makes it 0700; run as root, the embedded PostgreSQL's initdb runs as another user and must reach its files
chmod 755 "$DATA"
VIDEO="${LOADTEST_VIDEO:-../shared/fixtures/mediapipe-squats/pose_squats.mp4}"
[ -f "$VIDEO" ] || { echo "loadtest: no video to upload at $VIDEO; set LOADTEST_VIDEO to a short clip of one person" >&2; exit 2; }
# a copy under /tmp: uploads read it there, nothing of ../shared lands in the tree
cp "$VIDEO" "$DATA-video.mp4"

# LOADTEST_JAR: another build of the app (e.g. main's, for a baseline run with this simulation)
JAR="${LOADTEST_JAR:-web/target/pose-analytics-web.jar}"
[ -f "$JAR" ] || mvn -B -q -DskipTests package -pl web -am

java -Dai.djl.offline=true ${LOADTEST_APP_JAVA_OPTS:-} -jar "$JAR" \
  --server.address=127.0.0.1 --server.port="$PORT" --pose.data-dir="$DATA" ${LOADTEST_APP_ARGS:-} >"$DATA.log" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; echo "app log: $DATA.log"' EXIT

status=0
PROPS=(-Dloadtest.baseUrl="http://127.0.0.1:$PORT" -Dloadtest.dataDir="$DATA" -Dloadtest.video="$DATA-video.mp4"
  -Dloadtest.viewSeconds="${LOADTEST_VIEW_S:-180}" -Dloadtest.uploads="${LOADTEST_UPLOADS:-20}"
  -Dloadtest.viewers="${LOADTEST_VIEWERS:-50}" -Dloadtest.progressSessions="${LOADTEST_PROGRESS_SESSIONS:-1000}"
  -Dloadtest.progressMetric="${LOADTEST_PROGRESS_METRIC:-}" -Dloadtest.firstKeypoints="${LOADTEST_FIRST_KEYPOINTS:-}" -Dloadtest.firstAnalysisMinutes="${LOADTEST_FIRST_ANALYSIS_MIN:-10}")
# Gatling through its own main class on the module's test classpath, with the plugin's settings (loadtest/pom.xml):
# this needs only Gatling's libraries, not its Maven plugin's, which an offline repository often lacks.
CP_FILE="$(mktemp)"
mvn -B -q ${LOADTEST_MVN_OPTS:--o} -Ploadtest -pl loadtest test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE"
# the app first: a simulation started against a server still starting would count its start as errors
for _ in $(seq 1 180); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/login" && break
  kill -0 "$APP" 2>/dev/null || { echo "loadtest: the app stopped while starting; its log ($DATA.log) ends:" >&2; tail -20 "$DATA.log" >&2; exit 1; }
  sleep 1
done
java -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED "${PROPS[@]}" -cp "loadtest/target/test-classes:$(cat "$CP_FILE")" io.gatling.app.Gatling \
  -s org.poseanalytics.loadtest.ServerUnderLoadSimulation -rf loadtest/target/gatling || status=$?
rm -f "$CP_FILE"
python3 loadtest/summary.py || true
exit "$status"    # non-zero when Gatling's assertions failed
