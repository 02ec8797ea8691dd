#!/usr/bin/env bash
# The peer benchmark (../shared/bench, beside this checkout) with this hub as the parachute-java peer:
# builds the jars (offline when the local repository has everything), then runs every peer in one run and
# writes bench/results/results.md and results.json. Extra arguments go to the harness, e.g.
#   bench/run.sh --reps 1 --modules 5        # smoke run
#   bench/run.sh                              # full run: 3 reps, N=20
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$REPO/../shared/bench"
cd "$REPO"

if [ ! -f "$SHARED/run.sh" ]; then
  echo "bench/run.sh: no harness at $SHARED (check out shared/ next to this repository)" >&2
  exit 1
fi

offline=""
if mvn -q -o -DskipTests package >/dev/null 2>&1; then
  offline="(offline)"
else
  mvn -q -DskipTests package
fi
echo "[bench/run.sh] built launcher.jar and the CLI $offline" >&2

exec bash "$SHARED/run.sh" --adapter bench/parachute_java.py \
  --peers baseline-direct,supervisord,pm2,parachute-java --out bench/results "$@"
