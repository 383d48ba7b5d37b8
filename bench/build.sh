#!/usr/bin/env bash
# Benchmark of `tradui build` (HTML and PDF) on generated corpora, beside pandoc
# (Markdown -> HTML) and WeasyPrint / Chromium (HTML -> PDF) on the same pages.
#   bash bench/build.sh
# Needs: hyperfine, pandoc, /usr/bin/time (apt-get install hyperfine pandoc time);
# optional: weasyprint (pip install weasyprint), chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin tradui --example gen_corpus
bin="$target/release/tradui"
gen="$target/release/examples/gen_corpus"
work="${TMPDIR:-/tmp}/tradui-bench"
rm -rf "$work" && mkdir -p "$work"

echo "== HTML: 200 leaflets x ~51 units x 5 languages (en + 4) = 1000 pages"
"$gen" --out "$work/html" --leaflets 200 --units 50 --langs es,ht,ar,fr
hyperfine --warmup 1 --runs 10 -N --prepare "rm -rf $work/out-html" \
    --command-name "tradui build --no-pdf (1000 pages, from scratch)" "$bin --project $work/html build --no-pdf --out $work/out-html"
"$bin" --project "$work/html" build --no-pdf --out "$work/out-html" >/dev/null
hyperfine --warmup 1 --runs 10 -N \
    --command-name "tradui build --no-pdf (nothing changed)" "$bin --project $work/html build --no-pdf --out $work/out-html"
hyperfine --warmup 2 --runs 20 -N \
    --command-name "pandoc -s, one page" "pandoc -s -f markdown -t html $work/html/content/leaflet-0001.md -o $work/pandoc.html"

echo "== PDF: 200 one-page leaflets (~14 units) x 5 languages = 1000 PDFs"
"$gen" --out "$work/pdf" --leaflets 200 --units 14 --langs es,ht,ar,fr
for run in 1 2 3; do
    rm -rf "$work/out-pdf"
    /usr/bin/time -f "run $run: %e s wall, %M KiB peak RSS" "$bin" --project "$work/pdf" build --out "$work/out-pdf" >/dev/null
done
echo "pages per PDF: $(pdfinfo "$work/out-pdf/ar/leaflet-0001.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')"

page="$work/out-pdf/es/leaflet-0001.html"
if command -v weasyprint >/dev/null; then
    hyperfine --warmup 1 --runs 10 -N --command-name "weasyprint CLI, one page" "weasyprint $page $work/weasy.pdf"
    python3 - "$page" <<'PY'
import sys, time, weasyprint
html = weasyprint.HTML(filename=sys.argv[1])
html.write_pdf()
t = time.perf_counter()
for _ in range(20):
    weasyprint.HTML(filename=sys.argv[1]).write_pdf()
print(f"weasyprint in-process, one page: {(time.perf_counter() - t) / 20 * 1000:.0f} ms per PDF (mean of 20)")
PY
else
    echo "weasyprint not installed (pip install weasyprint): skipped"
fi
if command -v chromium >/dev/null; then
    profile="$work/chromium-profile"
    hyperfine --warmup 1 --runs 5 -N --command-name "chromium --print-to-pdf, one page" \
        "chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile --print-to-pdf=$work/chromium.pdf file://$page"
fi
