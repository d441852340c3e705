#!/usr/bin/env bash
# Runs a benchmark script against a throwaway PostgreSQL cluster: bench/run-with-postgres.sh bench/x.bench.ts
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/throwaway-postgres.sh start)"
trap 'scripts/throwaway-postgres.sh stop "$KOMEK_PG_DIR"' EXIT
BENCH_DATABASE_URL=$TEST_DATABASE_URL npx tsx "$@"
