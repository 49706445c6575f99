#!/usr/bin/env bash
# Stops the broker started by start.sh (graceful, then forced after 30s).
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

PID_FILE="$STATE_DIR/kafka/kafka.pid"
[ -f "$PID_FILE" ] || exit 0
pid="$(cat "$PID_FILE")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
  kill -9 "$pid" 2>/dev/null || true
fi
rm -f "$PID_FILE"
log "kafka stopped"
