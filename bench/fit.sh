#!/usr/bin/env bash
# What fitting a leaflet to its page costs (issue 18: the per-PDF time may grow at most
# 1.5x): the same corpus of one-page leaflets built with `fit = "none"` (the flow of
# before, one layout) and `fit = "page"` (the size search: a few measures, then the
# layout), each the fastest of 3 builds from scratch; and WeasyPrint on one page of it,
# in the same run, when it is installed (the PDF must stay >= 15x faster).
#   bash bench/fit.sh            # release build
#   PROFILE=dev bash bench/fit.sh  # the dev build (dependencies optimised)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
if [ "${PROFILE:-release}" = release ]; then
    cargo build --release --quiet --bin tradui --example gen_corpus
    dir="$target/release"
else
    cargo build --quiet --bin tradui --example gen_corpus
    dir="$target/debug"
fi
bin="$dir/tradui"
work="${TMPDIR:-/tmp}/tradui-bench-fit"
rm -rf "$work" && mkdir -p "$work"
leaflets=40
"$dir/examples/gen_corpus" --out "$work/p" --leaflets "$leaflets" --units 14 --langs es,ht,ar,fr >/dev/null
docs=$((leaflets * 5))

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
sed -i 's/^source = /fit = "none"\nsource = /' "$work/p/tradui.toml"
flow=$(fastest)
sed -i 's/^fit = "none"/fit = "page"/' "$work/p/tradui.toml"
fit=$(fastest)
awk -v h="$html" -v a="$flow" -v b="$fit" -v n="$docs" 'BEGIN {
    pa = (a - h) / n * 1000; pb = (b - h) / n * 1000
    printf "%d one-page PDFs; build --no-pdf %.2f s, fit = \"none\" %.2f s, fit = \"page\" %.2f s\n", n, h, a, b
    printf "per PDF: fit = \"none\" %.1f ms, fit = \"page\" %.1f ms: %.2fx\n", pa, pb, pb / pa
}'
py="${TRADUI_VENV:-/var/tmp/tradui-venv}/bin/python"
if "$py" -c "import weasyprint" 2>/dev/null; then
    "$py" - "$work/out/es/leaflet-0001.html" <<'PY'
import sys, time, weasyprint
weasyprint.HTML(filename=sys.argv[1]).write_pdf()
t = time.perf_counter()
for _ in range(10):
    weasyprint.HTML(filename=sys.argv[1]).write_pdf()
print(f"weasyprint in-process, the same page: {(time.perf_counter() - t) / 10 * 1000:.0f} ms per PDF (mean of 10)")
PY
else
    echo "weasyprint not installed ($py -m pip install weasyprint): skipped"
fi
