#!/usr/bin/env bash
# Brings up every service the test suite needs: a Kafka broker and a PostgreSQL server.
# (ClickHouse runs in-process through chDB, so there is nothing to start for it.)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$INFRA_DIR/kafka/start.sh"
bash "$INFRA_DIR/postgres/start.sh"
