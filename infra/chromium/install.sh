#!/usr/bin/env bash
# Makes Debian's chromium available for the browser tests and bench:dashboard (driven by
# playwright-core). Installs it with apt-get when missing; quiet, no prompts. Safe to re-run.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

BROWSER="${FLOWLENS_CHROMIUM:-/usr/bin/chromium}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ -x "$BROWSER" ]; then
  exit 0
fi

log "installing chromium from Debian packages"
as_root apt-get update -qq >/dev/null
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null \
  || die "apt-get install chromium failed"
[ -x "$BROWSER" ] || die "chromium is not at $BROWSER after installing it"
log "chromium ready: $("$BROWSER" --version 2>/dev/null || echo "$BROWSER")"
