#!/usr/bin/env bash
# Builds pkg/ (ES module + .wasm + .d.ts) and shrinks the .wasm with the pinned npm wasm-opt.
# cargo builds the engine and wasm-bindgen (the version Cargo.lock pins, see setup.sh) writes the
# glue, with `--experimental-reset-state-function`: the glue then exports `__wbg_reset_state()`,
# which replaces the engine's instance with a fresh one from the compiled module. www/src/engine/engine.js
# calls it when a call into the engine fails other than with a BidScoreError.
set -euo pipefail
cd "$(dirname "$0")/.."

# The pinned nightly (see setup.sh) rebuilds std with panics that abort at once and no panic
# locations: the same engine in about a tenth less space. Its own target directory keeps the
# stable builds' caches intact.
# Every crate is built at "z" (serde_json, which the command line writes its output with, is not
# in the .wasm: its results are written by src/json.rs). Settings measured and left out, for their size (speed from the 1,000 x 40 x 3
# evaluate in Node, in instructions under cachegrind): alloc and std at "s",
# 3% fewer instructions for 134 bytes more; rust_decimal and compiler_builtins at 3, 2.5 KB more;
# wasm-opt -O3 instead of -Os, 4.5% fewer for 414 bytes more (-O2: 1.8 KB more). The target
# already has bulk memory (memory.copy, memory.fill), and --inline-functions-with-loops changes
# nothing under -Os.
# 128-bit SIMD (every current browser has it): rank acceptability sums two bids' totals, and
# takes two logarithms, in one vector's lanes (src/analysis/smaa.rs).
toolchain=$(cat target/.wasm-toolchain 2>/dev/null || echo nightly)
RUSTUP_TOOLCHAIN=$toolchain CARGO_TARGET_DIR=target/wasm-release \
  RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort -Ctarget-feature=+simd128" \
  cargo build --quiet --locked --lib --release --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --config 'profile.release.opt-level="z"' \
  --config 'profile.release.panic="abort"'
rm -rf pkg
wasm-bindgen --target web --typescript --experimental-reset-state-function --out-dir pkg \
  target/wasm-release/wasm32-unknown-unknown/release/bidscore.wasm
echo '*' > pkg/.gitignore
wasm=pkg/bidscore_bg.wasm

# -Oz: measured with evaluations that reuse the last results (engine 0.1.0), it leaves 317,687 raw
# bytes against -Os's 320,383, 141,820 gzipped against 141,880, and 45 bytes less as LZMA in the
# one-file builds; an evaluation after a score change in Node took as long with either (11.7 to
# 12.4 ms). (Measured earlier, when -Os packed better under gzip: 155,664 against 155,942.)
# The engine never touches the first kilobyte of memory and starts with it zeroed, which lets
# wasm-opt drop a little more. wasm-opt reads the target-features section, but nothing after it
# does (nor the producers section, the toolchain's names): both are left out of its output.
opt_flags="-Oz --converge --low-memory-unused --zero-filled-memory --strip-target-features --strip-producers"
# wasm-opt takes seconds; reuse its output while wasm-bindgen's output and the flags are unchanged.
cache=target/wasm-opt
mkdir -p "$cache"
key=$( (cat "$wasm"; echo "$opt_flags") | cksum | tr ' ' '-')
if [ ! -s "$cache/$key.wasm" ]; then
  rm -f "$cache"/*.wasm
  # shellcheck disable=SC2086 # the flags are words on purpose
  npx --no-install wasm-opt $opt_flags "$wasm" -o "$cache/$key.wasm"
fi
cp "$cache/$key.wasm" "$wasm"
echo "pkg/: $(wc -c < "$wasm") bytes of wasm after wasm-opt -Os"

# The single-file build's LZMA decoder (unlzma/), a module of its own: built the same way, with a
# 16 KiB stack (it needs a few hundred bytes), so that its stack and working space fit in its first
# 64 KiB page and the caller writes the stream after them. pkg/unlzma.js holds it in hex, for
# www/src/engine/lzma.js: in the single-file build, 0.3 KB smaller gzipped than as base64, whose
# characters cut across the bytes and so hide their repeats from gzip.
RUSTUP_TOOLCHAIN=$toolchain CARGO_TARGET_DIR=target/unlzma \
  RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort -Clink-arg=-zstack-size=16384" \
  cargo build --quiet --locked --release --manifest-path unlzma/Cargo.toml --target wasm32-unknown-unknown \
  -Zbuild-std=core --config 'profile.release.opt-level="z"' --config 'profile.release.lto=true' \
  --config 'profile.release.codegen-units=1' --config 'profile.release.panic="abort"'
# After -Oz, its control flow taken apart and rebuilt (--flatten --rereloop) and shrunk again: 13
# bytes less, and 30 less gzipped in hex.
npx --no-install wasm-opt -Oz --converge --flatten --rereloop -Oz --strip-debug --strip-producers \
  --strip-target-features target/unlzma/wasm32-unknown-unknown/release/unlzma.wasm -o target/unlzma/unlzma.wasm
{
  echo '// Made by scripts/build-wasm.sh from unlzma/ (the LZMA decoder as WebAssembly): do not edit.'
  echo "export const UNLZMA = '$(od -An -v -tx1 target/unlzma/unlzma.wasm | tr -d ' \n')';"
} > pkg/unlzma.js
echo "pkg/unlzma.js: the LZMA decoder, $(wc -c < target/unlzma/unlzma.wasm) bytes of wasm"
