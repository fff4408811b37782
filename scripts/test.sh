#!/usr/bin/env bash
# The full check, in order, stopping at the first failure with "FAILED: <step>".
# Run from anywhere: scripts/test.sh   (CI: .ci/run)
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser   # cds to the repo root

# wasm-bindgen-test-runner: the default 20 s per test is too short for IndexedDB-heavy tests on
# a 2-core machine, and 5 s for chromedriver to start is tight. The capabilities file is found
# relative to the working directory by default; an absolute path removes the guesswork.
export WASM_BINDGEN_TEST_TIMEOUT=120
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$CD_ROOT/app/webdriver.json"

step "a0. function length (scripts/fn-length.py: at most 70 lines, listed exceptions)"
python3 scripts/fn-length.py

step "a1. Chinese punctuation (scripts/zh-punctuation.py: full-width in zh-CN sentences)"
python3 scripts/zh-punctuation.py

step "a. cargo fmt --all --check"
cargo fmt --all --check

step "b1. clippy (native, workspace)"
cargo clippy --workspace --all-targets -- -D warnings

step "b2. clippy (wasm32, creditdesk-app)"
cargo clippy -p creditdesk-app --target wasm32-unknown-unknown --all-targets -- -D warnings

step "c. core tests (native)"
cargo test -p creditdesk-core

step "d. app tests (wasm32, headless Chromium)"
cargo test -p creditdesk-app --target wasm32-unknown-unknown

step "e. release build (scripts/build.sh: trunk + precompressed .br/.gz)"
scripts/build.sh

step "f. end-to-end tests (Playwright against dist/)"
npx --no-install playwright test

CD_STEP="done"
echo "==> ALL CHECKS PASSED"
