#!/usr/bin/env bash
# Stops the PostgreSQL that .ci/start-postgres.sh started (its folder in TEST_PG_DATA) and removes it.
set -euo pipefail
[ -n "${TEST_PG_DATA:-}" ] || exit 0
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
RUN=()
if [ "$(id -u)" -eq 0 ]; then RUN=(runuser -u postgres --); fi
"${RUN[@]}" "$BIN/pg_ctl" -D "$TEST_PG_DATA/data" -m fast -w stop >&2 || true
rm -rf "$TEST_PG_DATA"
