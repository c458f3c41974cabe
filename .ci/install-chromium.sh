#!/usr/bin/env bash
# Installs headless Chromium from Debian's packages for the browser tests (test/browser/, issue #21)
# when it is missing, the way .ci/start-postgres.sh installs PostgreSQL. puppeteer-core downloads no
# browser; the tests find /usr/bin/chromium (or CHROMIUM_PATH). Under CI=true they fail without it.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is not installed: run 'sudo apt-get install -y chromium' and try again." >&2
  exit 1
fi
apt-get update >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2
