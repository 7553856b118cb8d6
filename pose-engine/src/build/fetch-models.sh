#!/usr/bin/env bash
# Fetches the pretrained BlazePose models (the npm package @mediapipe/pose, Apache-2.0) once into a cache,
# verifies the package by its registry integrity, and copies the model files to $1 (the build's resource
# folder). Offline builds work as soon as the cache holds the files.
#   $1  destination folder for the .tflite files
#   PA_MODELS_CACHE  cache root (default ~/.cache/pose-analytics/models)
set -euo pipefail
dest="$1"
pkg="@mediapipe/pose"
version="0.5.1675469404"
# The integrity npm's registry publishes for this version; a different tarball is refused.
integrity="sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ=="
cache="${PA_MODELS_CACHE:-$HOME/.cache/pose-analytics/models}/mediapipe-pose-$version"
files="pose_detection.tflite pose_landmark_lite.tflite pose_landmark_full.tflite pose_landmark_heavy.tflite"

complete() { [ -f "$cache/.complete" ] && for f in $files; do [ -s "$cache/$f" ] || return 1; done; }

if ! complete; then
  command -v npm >/dev/null 2>&1 || { echo "fetch-models: the BlazePose models are not in $cache and npm is missing to fetch $pkg@$version; install npm (or copy the .tflite files there) and build again" >&2; exit 1; }
  echo "fetch-models: fetching $pkg@$version into $cache (once)" >&2
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null 2>"$tmp/npm.err") || { cat "$tmp/npm.err" >&2; echo "fetch-models: npm pack $pkg@$version failed (offline? the models are fetched once through the npm registry)" >&2; exit 1; }
  tgz="$tmp/mediapipe-pose-$version.tgz"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "fetch-models: $pkg@$version integrity mismatch: expected $integrity, got $actual" >&2; exit 1
  fi
  tar xzf "$tgz" -C "$tmp"
  # pose_detection.tflite is the only file packed into pose_solution_packed_assets.data; its byte range is
  # written in the loader script.
  loader="$tmp/package/pose_solution_packed_assets_loader.js"
  range=$(grep -o '"filename": *"[^"]*pose_detection.tflite", *"start": *[0-9]*, *"end": *[0-9]*' "$loader" | grep -o '[0-9]*, *"end": *[0-9]*$' | tr -dc '0-9 ')
  start=$(echo "$range" | awk '{print $1}'); end=$(echo "$range" | awk '{print $NF}')
  [ -n "$start" ] && [ -n "$end" ] || { echo "fetch-models: cannot find pose_detection.tflite's offsets in $loader" >&2; exit 1; }
  mkdir -p "$cache"
  tail -c +$((start + 1)) "$tmp/package/pose_solution_packed_assets.data" | head -c $((end - start)) > "$cache/pose_detection.tflite.part"
  mv "$cache/pose_detection.tflite.part" "$cache/pose_detection.tflite"
  for f in pose_landmark_lite.tflite pose_landmark_full.tflite pose_landmark_heavy.tflite; do cp "$tmp/package/$f" "$cache/$f"; done
  cp "$tmp/package/README.md" "$cache/README.md"
  printf '%s@%s %s\n' "$pkg" "$version" "$integrity" > "$cache/.complete"
fi
mkdir -p "$dest"
for f in $files; do
  if [ ! -f "$dest/$f" ] || [ "$cache/$f" -nt "$dest/$f" ]; then cp "$cache/$f" "$dest/$f"; fi
done
printf 'package=%s\nversion=%s\nintegrity=%s\n' "$pkg" "$version" "$integrity" > "$dest/models.properties"
