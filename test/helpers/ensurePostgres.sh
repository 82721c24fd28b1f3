#!/usr/bin/env bash
# Tests that touch PostgreSQL start a throwaway Debian PostgreSQL server (never a downloaded one): install it once.
set -euo pipefail
if [ -n "${PG_BIN:-}" ] || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Memasang PostgreSQL dari paket Debian untuk uji basis data…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
