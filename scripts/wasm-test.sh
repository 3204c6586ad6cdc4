#!/usr/bin/env bash
# Runs tests/wasm.rs (wasm-bindgen-test) under Node, then in headless Chromium.
# The browser run needs WASM_BINDGEN_USE_BROWSER=1: without it the runner skips node-style tests and
# still exits 0, so each run must also report a non-zero number of passed tests.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

run() { # label, env...
  local label=$1 log
  shift
  log=$(mktemp)
  if ! env "$@" cargo test --locked --target wasm32-unknown-unknown --test wasm >"$log" 2>&1; then
    cat "$log"
    echo "wasm-test: failed in $label" >&2
    exit 1
  fi
  if ! grep -Eq 'test result: ok\. [1-9][0-9]* passed' "$log"; then
    cat "$log"
    echo "wasm-test: no test ran in $label" >&2
    exit 1
  fi
  echo "wasm-test ($label): $(grep -Eo 'test result: ok\. [0-9]+ passed; [0-9]+ failed' "$log")"
  rm -f "$log"
}

run node
run "headless Chromium" WASM_BINDGEN_USE_BROWSER=1
