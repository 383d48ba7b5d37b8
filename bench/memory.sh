#!/usr/bin/env bash
# Benchmark of translation memory in `tradui status` (and so `sync`): the generated
# corpus of bench/check.sh, with the translation files of 10 leaflets deleted in each of
# 5 languages (~510 missing units per language for the memory to fill).
#   bash bench/memory.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
corpus="${1:-/tmp/tradui-corpus-memory}"
cargo build --release --quiet --bin tradui --example gen_corpus
rm -rf "$corpus"
"$target/release/examples/gen_corpus" --out "$corpus" --leaflets 200 --units 50 --langs es,ht,ar,fr,vi
for lang in es ht ar fr vi; do
    rm -f "$corpus"/locales/$lang/leaflet-000[0-9].ftl
done
bin="$target/release/tradui"
"$bin" --project "$corpus" status | grep "Translation memory" || true
hyperfine --warmup 1 --runs 10 -N -i \
    --command-name "check (no memory)" "$bin --project $corpus check" \
    --command-name "status (memory counts)" "$bin --project $corpus status"
