#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring in a throwaway directory (the recipe
# of scripts/test-all.sh), so the web host can store profile secrets: `npm run bench` saves profiles end to end.
set -euo pipefail
if [[ -n "${PROXDECK_KEYRING_SESSION:-}" ]]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)" >&2
  exit 1
fi
export PROXDECK_KEYRING_SESSION=1
exec dbus-run-session -- bash -c '
  XDG_DATA_HOME="$(mktemp -d)"; export XDG_DATA_HOME
  trap "rm -rf \"$XDG_DATA_HOME\"" EXIT
  eval "$(echo proxdeck-bench-keyring | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@"' bash "$@"
