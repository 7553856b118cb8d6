#!/bin/sh
# Run by the postgres image's entrypoint once, when the volume is empty, as the superuser: creates pose_owner (owns
# the schema, runs the migrations) and pose_app (what the app connects as: no superuser, may only add to the audit
# log). docs/DATABASE.md explains the split.
set -eu
: "${POSE_DB_OWNER_PASSWORD:?set POSE_DB_OWNER_PASSWORD}"
: "${POSE_DB_PASSWORD:?set POSE_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres -f /docker-entrypoint-initdb.d/pose-roles.psql
