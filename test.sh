#!/usr/bin/env bash
# Command 2: run every test (unit, conformance on ../shared/fixtures, embedded PostgreSQL, headless Chromium).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/env.sh
pa_env
# Browser tests drive Debian's Chromium through chromedriver, and test videos are made with the ffmpeg command;
# install them when any is missing.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v ffmpeg >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium, chromium-driver and ffmpeg for the tests ..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver ffmpeg >/dev/null
  else
    echo "test.sh: chromium, chromedriver or ffmpeg is missing; install them (apt-get install chromium chromium-driver ffmpeg) for the browser and video tests" >&2
  fi
fi
exec mvn -B verify "$@"
