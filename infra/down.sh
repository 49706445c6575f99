#!/usr/bin/env bash
# Stops the services started by up.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$INFRA_DIR/kafka/stop.sh"
bash "$INFRA_DIR/postgres/stop.sh"
