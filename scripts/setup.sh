#!/usr/bin/env bash
# Installs what building and testing bidscore needs, and nothing that is already there.
# Idempotent; about a second when everything is present. Never installs Debian's `binaryen`
# (its wasm-opt 108 corrupts what wasm-bindgen emits); wasm-opt comes from npm, pinned.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
NODE_MAJOR_MIN=20

need() { # what, how to get it
  echo "setup: $1 is missing. $2" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# Rust and Node are the ground floor: say how to get them rather than guess.
have cargo || need "Rust (cargo)" "Install it with rustup: https://rustup.rs, then re-run make setup."
have rustup || need "rustup" "Install Rust with rustup (https://rustup.rs) so the wasm32 target can be added."
have node || need "Node.js >= $NODE_MAJOR_MIN" "Install Node.js $NODE_MAJOR_MIN or later (with npm), then re-run make setup."
have npm || need "npm" "Install npm (it ships with Node.js $NODE_MAJOR_MIN or later)."
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge "$NODE_MAJOR_MIN" ] ||
  need "Node.js >= $NODE_MAJOR_MIN (found $(node --version))" "Install Node.js $NODE_MAJOR_MIN or later."

# 1. Headless Chromium and its WebDriver, from the distribution.
if ! have chromium || ! have chromedriver; then
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    need "chromium and/or chromedriver" \
      "Install them with your package manager, e.g. 'sudo apt-get install --no-install-recommends chromium chromium-driver' (Debian/Ubuntu), so that 'chromium' and 'chromedriver' are on PATH."
  fi
  echo "setup: installing chromium and chromium-driver with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

# 1b. xz compresses the engine inside the single-file build (dist/bid-scorer.js).
if ! have xz; then
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    need "xz" "Install it with your package manager, e.g. 'sudo apt-get install xz-utils' (Debian/Ubuntu)."
  fi
  echo "setup: installing xz-utils with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends xz-utils >/dev/null
fi

# 2. The Rust wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2b. The release .wasm is built with a pinned nightly that rebuilds the standard library for size
#     (panics abort at once, without their messages): about 10% smaller than stable, which keeps
#     the engine inside its size budget. Native builds and tests use stable.
WASM_NIGHTLY_DATE=2026-05-19
wasm_toolchain=nightly-$WASM_NIGHTLY_DATE
if rustc +nightly --version 2>/dev/null | grep -q "$WASM_NIGHTLY_DATE"; then
  wasm_toolchain=nightly
elif ! rustc "+$wasm_toolchain" --version >/dev/null 2>&1; then
  echo "setup: installing the Rust toolchain $wasm_toolchain for the release wasm build"
  rustup toolchain install "$wasm_toolchain" --profile minimal
fi
rustup component list --toolchain "$wasm_toolchain" --installed 2>/dev/null | grep -q '^rust-src' ||
  rustup component add rust-src --toolchain "$wasm_toolchain"
rustup target list --toolchain "$wasm_toolchain" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown --toolchain "$wasm_toolchain"
mkdir -p target && echo "$wasm_toolchain" > target/.wasm-toolchain

# 3. wasm-pack, from crates.io (the npm package downloads from GitHub at install time).
if [ "$(wasm-pack --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  echo "setup: installing wasm-pack $WASM_PACK_VERSION (takes a minute or two)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# 4. wasm-bindgen-cli at exactly the version Cargo.lock pins for the wasm-bindgen crate.
wb_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wb_version" ] || need "wasm-bindgen in Cargo.lock" "Run 'cargo generate-lockfile' first."
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  echo "setup: installing wasm-bindgen-cli $wb_version (takes a minute or two)"
  # Some releases' own lockfiles name crates a registry mirror may not serve yet; then resolve anew.
  cargo install wasm-bindgen-cli --version "$wb_version" --locked --force ||
    cargo install wasm-bindgen-cli --version "$wb_version" --force
fi
[ "$(wasm-bindgen --version)" = "wasm-bindgen $wb_version" ] ||
  need "wasm-bindgen $wb_version" "Put ~/.cargo/bin first on PATH (found: $(wasm-bindgen --version))."

# 5. JS tools pinned in package.json + package-lock.json (wasm-opt, playwright-core, axe-core).
stamp=node_modules/.bidscore-lock
lock_sum=$(cksum < package-lock.json)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_sum" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi

# 6. cargo-fuzz (libFuzzer), pinned, for the fuzz targets under fuzz/; it runs on the nightly above.
CARGO_FUZZ_VERSION=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "setup: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi
