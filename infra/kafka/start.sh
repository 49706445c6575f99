#!/usr/bin/env bash
# Starts a single-node KRaft broker on 127.0.0.1 (KAFKA_PORT, default 9092) unless one already answers.
# Safe to re-run: installs jars if missing, formats storage once, reuses a running broker.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
HOME_DIR="$STATE_DIR/kafka"
DATA_DIR="$HOME_DIR/data"

if port_open 127.0.0.1 "$PORT"; then
  log "kafka already listening on 127.0.0.1:$PORT"
  exit 0
fi

mkdir -p "$HOME_DIR"
bash "$INFRA_DIR/kafka/install.sh"
CP="$HOME_DIR/libs/*"

sed -e "s#@PORT@#$PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" -e "s#@DATA_DIR@#$DATA_DIR#g" \
  "$INFRA_DIR/kafka/server.properties.template" >"$HOME_DIR/server.properties"

if [ ! -f "$DATA_DIR/meta.properties" ]; then
  cluster_id="$(java -cp "$CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
  java -cp "$CP" kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$HOME_DIR/server.properties" --standalone --ignore-formatted >"$HOME_DIR/format.log" 2>&1 \
    || die "formatting kafka storage failed; see $HOME_DIR/format.log"
fi

log "starting kafka on 127.0.0.1:$PORT"
nohup java -Xms256m -Xmx${KAFKA_HEAP:-512m} -XX:+UseG1GC -Djava.awt.headless=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true \
  -cp "$CP" kafka.Kafka "$HOME_DIR/server.properties" >"$HOME_DIR/broker.log" 2>&1 &
echo $! >"$HOME_DIR/kafka.pid"

wait_for_port 127.0.0.1 "$PORT" 60 || die "kafka did not open port $PORT within 60s; see $HOME_DIR/broker.log"
log "kafka ready (pid $(cat "$HOME_DIR/kafka.pid"))"
