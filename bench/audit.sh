#!/usr/bin/env bash
# The audit trail at 100,000 events of one company, in a managed WildFly (Arquillian, like the
# ejb ITs; no ./run.sh needed): the cost an exchange's record adds to an answer (beside an empty
# transaction), the export rate (beside a bare JDBC read), search latencies and verification.
# Usage: bench/audit.sh   (~5 min; figures also in /tmp/wenjin-audit-benchmark.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f /tmp/wenjin-audit-benchmark.txt  # written by the server, whose temp folder is /tmp
./mvnw -q -o -pl ejb verify -Dit.test=AuditTrailBenchmark -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false > /dev/null
cat /tmp/wenjin-audit-benchmark.txt
