#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 300), one after the other, one process at
# a time, on the stable toolchain (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags).
# Seeds come from the repository's articles, fixtures and rules; findings land in
# fuzz/artifacts/<target>/. Usage: fuzz/run.sh [SECONDS] [TARGET...]
# FUZZ_FLAGS (default -a: debug assertions and overflow checks on, cargo-fuzz's default) go
# to cargo fuzz; FUZZ_FLAGS=-O builds without them, to fuzz past a known overflow panic that
# release builds do not have.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-300}"
shift || true
targets=("${@:-read_bytes time_scan extract rules pipeline}")
read -r -a targets <<< "${targets[*]}"
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  case "$t" in
    read_bytes) seeds=(../seeds ../tests/fixtures); dict=dict/html.dict; len=16384 ;;
    time_scan)  seeds=(../seeds ../tests/fixtures/hostile); dict=dict/time.dict; len=4096 ;;
    extract)    seeds=(../seeds ../tests/fixtures); dict=dict/people.dict; len=16384 ;;
    rules)      seeds=(../rules); dict=dict/toml.dict; len=8192 ;;
    pipeline)   seeds=(../seeds ../tests/fixtures); dict=dict/people.dict; len=16384 ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
  # Seeds are copied in (flat), so the corpus folder is all libFuzzer writes to.
  find "${seeds[@]}" -type f -size -64k -exec sh -c 'for f; do cp "$f" "corpus/'"$t"'/seed-$(echo "$f" | tr / _)"; done' _ {} +
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags.
  cargo fuzz run -s none ${FUZZ_FLAGS--a} --fuzz-dir . "$t" "corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len="$len" -dict="$dict" \
    -print_final_stats=1 2>&1 | tee "run-$t${FUZZ_FLAGS+-O}.log" | grep -E '^#[0-9]+.*(DONE|pulse)|^stat::|SUMMARY|panicked|Timeout|crash-|timeout-' || true
done
