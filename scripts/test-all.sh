#!/usr/bin/env bash
# `npm test`: typecheck, lint, then every vitest project (unit, integration against the simulator,
# e2e in Chromium) inside a private D-Bus session with an unlocked gnome-keyring, so the keychain
# tests use a real Secret Service, then the quick bench (npm run bench -- --quick). The vitest summary line reads
# "proxdeck: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${PROXDECK_KEYRING_SESSION:-}" ]]; then
  if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "npm test needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)." >&2
    echo "The keychain tests run against a real Secret Service; see README.md." >&2
    exit 1
  fi
  export PROXDECK_KEYRING_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi

# A private keyring directory: a login keyring left by an earlier run (or the user's own, with
# another password) would not unlock with ours. A non-empty line on stdin makes gnome-keyring
# create and unlock a fresh login keyring there.
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
eval "$(echo proxdeck-test-keyring | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL

echo "== typecheck =="
npm run -s typecheck
echo "== lint =="
npm run -s lint
echo "== format =="
npm run -s format:check
echo "== build renderer and main (for e2e and the Electron audit) =="
npm run -s build:renderer >/dev/null
npm run -s build:main
echo "== Electron security audit (electronegativity) =="
npm run -s audit:electron
echo "== vitest: unit, integration, e2e =="
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
node scripts/test-summary.mjs test-results/vitest.json || status=1
echo "== quick bench (fails only on a gross regression: a ratio over twice its goal) =="
npm run -s bench -- --quick || status=1
exit $status
