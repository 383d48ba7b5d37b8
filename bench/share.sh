#!/usr/bin/env bash
# What a share image costs beside a PDF (issue 19: at most one PDF's cost each), and how
# large the images are (WhatsApp's practical limit: 300 KB).
#   bash bench/share.sh            # release build
#   PROFILE=dev bash bench/share.sh  # the dev build (dependencies optimised, as tests use)
# Three builds from scratch of the same corpus, each the fastest of 3 runs: HTML only;
# HTML + PDF; HTML + PDF + share image (with base_url). The difference between two
# builds over the number of documents is the cost of one PDF, or of one image.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
profile="${PROFILE:-release}"
if [ "$profile" = release ]; then
    cargo build --release --quiet --bin tradui --example gen_corpus
    dir="$target/release"
else
    cargo build --quiet --bin tradui --example gen_corpus
    dir="$target/debug"
fi
bin="$dir/tradui"
work="${TMPDIR:-/tmp}/tradui-bench-share"
rm -rf "$work" && mkdir -p "$work"
leaflets=40
"$dir/examples/gen_corpus" --out "$work/p" --leaflets "$leaflets" --units 14 --langs es,ht,ar,fr >/dev/null
docs=$((leaflets * 5))

# The fastest of three builds from scratch, in seconds.
fastest() {
    local best=""
    for _ in 1 2 3; do
        rm -rf "$work/out"
        local s e
        s=$(date +%s.%N)
        "$bin" --project "$work/p" build --out "$work/out" "$@" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        best=$(echo "$s $e $best" | awk '{ t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3 }')
    done
    echo "$best"
}

html=$(fastest --no-pdf)
pdf=$(fastest)
echo 'base_url = "https://union.example.org/leaflets/"' >> "$work/p/tradui.toml"
image=$(fastest)
images=$(find "$work/out" -name '*.png' | wc -l)
largest=$(find "$work/out" -name '*.png' -printf '%s\n' | sort -n | tail -1)
awk -v h="$html" -v p="$pdf" -v i="$image" -v n="$docs" -v k="$images" -v big="$largest" 'BEGIN {
    per_pdf = (p - h) / n * 1000; per_image = (i - p) / n * 1000
    printf "%d documents (%d leaflets x 5 languages); %d share images\n", n, n / 5, k
    printf "build --no-pdf: %.2f s; with PDFs: %.2f s; with PDFs and share images: %.2f s\n", h, p, i
    printf "per PDF: %.1f ms; per share image: %.1f ms; image / PDF: %.2fx\n", per_pdf, per_image, per_image / per_pdf
    printf "largest share image: %.0f KB\n", big / 1000
}'
