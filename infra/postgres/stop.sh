#!/usr/bin/env bash
# Stops the Debian PostgreSQL cluster started by start.sh.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n1)"
[ -n "$version" ] || exit 0
if [ "$(id -u)" = 0 ]; then pg_ctlcluster "$version" main stop || true; else sudo -n pg_ctlcluster "$version" main stop || true; fi
