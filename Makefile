# bidscore: build, test and try it. `make test` is what CI runs (.ci/run); it installs what is
# missing first (`make setup`), so it works from a fresh clone.
.NOTPARALLEL:
.PHONY: all setup test lint fmt-check clippy cargo-test wasm wasm-test node-test browser-test \
        size bench demo clean dist fuzz fuzz-smoke

PORT ?= 8080
# Tools cargo installs (wasm-pack, wasm-bindgen) live here; make sure a fresh shell finds them.
export PATH := $(HOME)/.cargo/bin:$(PATH)

all: wasm

## setup: install what is missing (wasm32 target, wasm-pack, wasm-bindgen-cli, Chromium, npm tools)
setup:
	@scripts/setup.sh

## test: everything CI checks, in order
test: setup lint cargo-test wasm dist size wasm-test node-test browser-test bench fuzz-smoke
	@echo "make test: all passed"

lint: fmt-check clippy

fmt-check:
	cargo fmt --all --check
	cargo fmt --manifest-path unlzma/Cargo.toml --check

## clippy: native targets (lib, bin, tests, benches) and the wasm-only binding; the same for the
##         single-file build's LZMA decoder (unlzma/), a crate of its own
clippy:
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --lib --test wasm --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --locked --manifest-path unlzma/Cargo.toml --target-dir target/unlzma --all-targets -- -D warnings
	cargo clippy --locked --manifest-path unlzma/Cargo.toml --target-dir target/unlzma --lib --target wasm32-unknown-unknown -- -D warnings

cargo-test:
	cargo test --locked
	cargo test --locked --manifest-path unlzma/Cargo.toml --target-dir target/unlzma

## wasm: pkg/ (ES module, .wasm, .d.ts), shrunk with the pinned wasm-opt -Os
wasm: setup
	@scripts/build-wasm.sh

## wasm-test: tests/wasm.rs (wasm-bindgen-test) under Node, then in headless Chromium
wasm-test:
	@scripts/wasm-test.sh

## node-test: the JS API from pkg/ (parity with the command line, errors, type declarations)
node-test: wasm
	node --test --test-timeout=600000 tests/node/

## browser-test: every tests/browser/*.test.mjs, when there are any
browser-test: wasm dist
	@set -- tests/browser/*.test.mjs; \
	if [ -e "$$1" ]; then node --test --test-timeout=600000 "$$@"; else echo "browser-test: no tests/browser/*.test.mjs yet"; fi

## dist: dist/bid-scorer.js, the widget and the engine in one classic script (needs xz)
dist: wasm
	@node scripts/build-dist.mjs

## size: raw and gzipped sizes of pkg/ and dist/; fails over the wasm or the single-file budget
size: dist
	@node scripts/size.mjs

## bench: native, Node and Chromium timings of evaluate(), with budget checks
bench: wasm dist
	@node scripts/bench.mjs

## demo: build, print the example's ranking, and serve www/ on http://127.0.0.1:$(PORT)
demo: wasm dist
	cargo run --locked --release --quiet -- evaluate www/examples/council-wellbeing.json --table
	@if [ ! -f scripts/serve.mjs ]; then echo "demo: scripts/serve.mjs is missing" >&2; exit 1; fi
	@echo "Serving www/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	node scripts/serve.mjs --port $(PORT)

## fuzz: each fuzz target (fuzz/fuzz_targets) in turn for FUZZ_SECONDS (default 60), after
##       replaying its corpus; a crash stops the run and is saved under fuzz/artifacts
FUZZ_SECONDS ?= 60
fuzz: setup
	@fuzz/run.sh $(FUZZ_SECONDS)

## fuzz-smoke: replay every fuzz target's corpus, then fuzz each for a few seconds
fuzz-smoke: setup
	@fuzz/run.sh 5

clean:
	rm -rf pkg dist target/wasm-opt

## pages: the demo pages, www/*.html, built from www/pages/ with their tenders from www/examples/
.PHONY: pages clean-pages
pages:
	@node scripts/build-pages.mjs
demo dist browser-test bench: pages
clean: clean-pages
clean-pages:
	@node scripts/build-pages.mjs --clean
