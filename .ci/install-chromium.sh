#!/usr/bin/env bash
# Installs headless Chromium from Debian's packages for the browser tests (test/browser/, issue #21)
# when it is missing, the way .ci/start-postgres.sh installs PostgreSQL. puppeteer-core downloads no
# browser; the tests (test/support/browser.ts) use CHROMIUM_PATH when it is set, else the first of
# /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /usr/bin/google-chrome-stable.
# Under CI=true they fail without it. Each failure below says what failed and how to fix it.
set -euo pipefail
CANDIDATES=(/usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable)

fail() {
  echo "install-chromium: $1" >&2
  exit 1
}

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] ||
    fail "CHROMIUM_PATH is '$CHROMIUM_PATH', which is not an executable file. Point it at a Chromium or Chrome binary, or unset it to install Debian's chromium package."
  exit 0
fi
for candidate in "${CANDIDATES[@]}"; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if on_path="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"; then
  fail "Chromium is at $on_path, where the browser tests do not look. Run them with CHROMIUM_PATH=$on_path (export it before npm test or .ci/run)."
fi
if [ "$(id -u)" -ne 0 ]; then
  fail "Chromium is not installed and installing it needs root. Run 'sudo apt-get install -y chromium' (Debian) and try again, or set CHROMIUM_PATH to a Chromium or Chrome binary."
fi
command -v apt-get >/dev/null 2>&1 ||
  fail "Chromium is not installed and this system has no apt-get (not Debian or Ubuntu). Install Chromium or Chrome with the system's package manager and set CHROMIUM_PATH to its binary."
echo "install-chromium: installing Debian's chromium package (apt-get) for the browser tests" >&2
apt-get update >&2 ||
  fail "'apt-get update' failed (see above: no network, or an unreachable package mirror). Fix the network or /etc/apt/sources.list, then run 'bash .ci/install-chromium.sh' again."
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 ||
  fail "'apt-get install -y chromium' failed (see above). On Ubuntu the chromium package is a snap that does not run in containers: install Google Chrome and set CHROMIUM_PATH=/usr/bin/google-chrome-stable."
[ -x /usr/bin/chromium ] ||
  fail "the chromium package installed, but /usr/bin/chromium is not there. Set CHROMIUM_PATH to the browser binary the package put in place (dpkg -L chromium | grep bin/)."
/usr/bin/chromium --headless --no-sandbox --version >&2 ||
  fail "/usr/bin/chromium was installed but does not start (see above; often missing shared libraries). Run 'apt-get install -y --fix-broken' and try again."
