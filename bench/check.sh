#!/usr/bin/env bash
# Benchmark of `tradui check` and `tradui status` on a generated corpus:
# 200 leaflets x ~50 units x 5 languages (51,000 messages in 1,000 .ftl files).
#   bash bench/check.sh [CORPUS_DIR]
# Needs hyperfine (apt-get install hyperfine); falls back to a timed loop without it.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
corpus="${1:-/tmp/tradui-corpus}"
cargo build --release --quiet --bin tradui --example gen_corpus
rm -rf "$corpus"
"$target/release/examples/gen_corpus" --out "$corpus" --leaflets 200 --units 50 --langs es,ht,ar,fr,vi
stale="$corpus-stale"
rm -rf "$stale"
"$target/release/examples/gen_corpus" --out "$stale" --leaflets 200 --units 50 --langs es,ht,ar,fr,vi --stale 20
bin="$target/release/tradui"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs 20 -N \
        --command-name "check (clean corpus)" "$bin --project $corpus check" \
        --command-name "check (20% stale, JSON)" "$bin --project $stale check --format json" \
        --command-name "status" "$bin --project $corpus status" \
        -i
else
    for cmd in "check" "status"; do
        start=$(date +%s%N)
        for _ in $(seq 10); do "$bin" --project "$corpus" $cmd >/dev/null 2>&1 || true; done
        echo "$cmd: $(( ($(date +%s%N) - start) / 10000000 )) ms per run (mean of 10)"
    done
fi
