#!/usr/bin/env bash
# Fetches the broker jars pinned in pom.xml from Maven Central into the state dir.
# Idempotent: does nothing when the jars for this exact pom.xml are already there.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

command -v java >/dev/null || die "java not found: install a JDK 17 (e.g. apt-get install openjdk-17-jre-headless)"
command -v mvn >/dev/null || die "mvn not found: install Maven (e.g. apt-get install maven)"

LIB_DIR="$STATE_DIR/kafka/libs"
STAMP="$LIB_DIR/.pom.sha256"
want="$(sha256sum "$INFRA_DIR/kafka/pom.xml" | cut -d' ' -f1)"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  exit 0
fi

log "fetching Kafka broker jars from Maven Central (first run only)"
rm -rf "$LIB_DIR" && mkdir -p "$LIB_DIR"
mvn -q -B -f "$INFRA_DIR/kafka/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$LIB_DIR" >"$STATE_DIR/kafka/mvn.log" 2>&1 \
  || die "maven failed; see $STATE_DIR/kafka/mvn.log"
echo "$want" >"$STAMP"
log "kafka jars ready in $LIB_DIR"
