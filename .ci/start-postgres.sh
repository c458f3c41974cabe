#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the bridge's PostgreSQL tests (issue #22) and prints the
# TEST_DATABASE_URL line to export. Installs PostgreSQL from Debian's packages when it is missing,
# makes a cluster in a fresh folder owned by the `postgres` user (PostgreSQL refuses to run as root),
# listening on 127.0.0.1 only, trust authentication for local test use, then creates the test database.
#   eval "$(bash .ci/start-postgres.sh)"   # exports TEST_DATABASE_URL and TEST_PG_DATA
#   bash .ci/stop-postgres.sh              # stops it and removes the folder
# PORT (default 54329) and DB (default tts_test) can be set in the environment.
set -euo pipefail
PORT="${PORT:-54329}"
DB="${DB:-tts_test}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql' and try again." >&2
    exit 1
  fi
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
RUN=()
if [ "$(id -u)" -eq 0 ]; then RUN=(runuser -u postgres --); fi
DATA="$(mktemp -d /tmp/tts-pg.XXXXXX)"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DATA"; fi
chmod 700 "$DATA"
"${RUN[@]}" "$BIN/initdb" -D "$DATA/data" -U postgres --auth=trust -E UTF8 --no-locale >&2
# synchronous_commit=off: a commit survives the bridge being killed (the server keeps it), like
# SQLite's WAL with synchronous=NORMAL; the server's own crash may lose the last few commits.
"${RUN[@]}" "$BIN/pg_ctl" -D "$DATA/data" -l "$DATA/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DATA -c max_connections=200 -c synchronous_commit=off" start >&2
"${RUN[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
echo "export TEST_PG_DATA=$DATA"
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/$DB"
