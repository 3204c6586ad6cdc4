#!/usr/bin/env bash
# Runs the fuzz targets with libFuzzer on the pinned nightly (cargo fuzz needs a nightly).
#   fuzz/run.sh SECONDS [TARGET...]   replay each target's corpus, then fuzz it for SECONDS
# New inputs go to fuzz/target/found/TARGET, so the committed corpus (fuzz/corpus/TARGET) stays
# minimised; a crash is written to fuzz/artifacts/TARGET and stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_bytes evaluate analyse describe debrief ocds text again)
toolchain=$(cat target/.wasm-toolchain 2>/dev/null || echo nightly)
# Debug assertions and overflow checks on; no sanitizer (the engine is safe Rust, and without one
# the build and every run are several times faster).
flags=(-a -s none)

cargo "+$toolchain" fuzz build "${flags[@]}" 2>&1 | grep -v '^\s*Compiling' || true
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  found=fuzz/target/found/$t
  mkdir -p "$corpus" "$found"
  seeds=()
  # The raw-text target also starts from the example tenders and the invalid-file catalogue.
  [ "$t" = read_bytes ] && seeds=(www/examples tests/invalid)
  log=fuzz/target/$t.log
  echo "fuzz: $t for ${seconds}s"
  if ! cargo "+$toolchain" fuzz run "${flags[@]}" "$t" "$found" "$corpus" "${seeds[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $t failed; the input is in fuzz/artifacts/$t (log: $log)" >&2
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units)' "$log" | sed "s/^/  /"
done
