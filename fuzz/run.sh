#!/usr/bin/env bash
# Replays a fuzz target's committed corpus (every input must pass), then fuzzes for
# GALLEY_FUZZ_SECONDS (default: GALLEY_FUZZ_DEFAULT_SECONDS, which CMake sets, else 20) from it. New inputs go to a scratch folder, not the
# repository; a crashing input is kept in fuzz-artifacts/ beside the test for a regression
# test, and fails the run.
#
# Usage: fuzz/run.sh FUZZER CORPUS_DIR
set -uo pipefail
fuzzer=$1
corpus=$2
seconds=${GALLEY_FUZZ_SECONDS:-${GALLEY_FUZZ_DEFAULT_SECONDS:-20}}
# fontconfig's own allocation at FcInit is not a leak of galley's (tests/lsan.supp).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(cd "$(dirname "$0")/.." && pwd)/tests/lsan.supp}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
artifacts=$PWD/fuzz-artifacts/$(basename "$fuzzer")/
mkdir -p "$artifacts"

if ! "$fuzzer" -runs=0 "$corpus" >"$scratch/replay.log" 2>&1; then
  tail -n 30 "$scratch/replay.log"
  echo "FAIL: an input of the committed corpus $corpus fails"
  exit 1
fi
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts" \
  -print_final_stats=1 "$scratch" "$corpus" >"$scratch/fuzz.log" 2>&1
status=$?
grep -E '^stat::number_of_executed_units|^stat::new_units_added|^Done' "$scratch/fuzz.log"
if ((status != 0)); then
  grep -E 'ERROR|SUMMARY|==[0-9]+==' "$scratch/fuzz.log" | head -n 20
  echo "FAIL: fuzzing found a problem; the input is in $artifacts"
  exit 1
fi
