#!/usr/bin/env bash
# What fitting a leaflet to its page costs (issue 18: the per-PDF time may grow at most
# 1.5x): the same corpus of one-page leaflets built with `fit = "none"` (the flow of
# before, one layout) and `fit = "page"` (the size search: one measure, then the
# layout), each the fastest of 3 builds from scratch; and WeasyPrint on one page of it,
# in the same run, when it is installed (the PDF must stay >= 15x faster).
#   bash bench/fit.sh            # release build
#   PROFILE=dev bash bench/fit.sh  # the dev build (dependencies optimised)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${TMPDIR:-/tmp}/tradui-bench-fit"
# shellcheck source=bench/one-page.sh
. bench/one-page.sh

html=$(fastest --no-pdf)
# The posters (one per leaflet, from all its languages) are measured apart, below.
sed -i 's/^source = /posters = false\nfit = "none"\nsource = /' "$work/p/tradui.toml"
flow=$(fastest)
sed -i 's/^fit = "none"/fit = "page"/' "$work/p/tradui.toml"
fit=$(fastest)
awk -v h="$html" -v a="$flow" -v b="$fit" -v n="$docs" 'BEGIN {
    pa = (a - h) / n * 1000; pb = (b - h) / n * 1000
    printf "%d one-page PDFs; build --no-pdf %.2f s, fit = \"none\" %.2f s, fit = \"page\" %.2f s\n", n, h, a, b
    printf "per PDF: fit = \"none\" %.1f ms, fit = \"page\" %.1f ms: %.2fx\n", pa, pb, pb / pa
}'
# What the other prints add: a 2-up sheet per PDF, a poster per leaflet.
sed -i 's/^posters = false/prints = ["half-letter-2up"]\nposters = false/' "$work/p/tradui.toml"
twoup=$(fastest)
sed -i '/^prints = /d; s/^posters = false/posters = true/' "$work/p/tradui.toml"
posters=$(fastest)
awk -v b="$fit" -v t="$twoup" -v q="$posters" -v n="$docs" -v l="$leaflets" 'BEGIN {
    printf "a 2-up sheet: %.1f ms each (%d); a poster of 5 languages: %.1f ms each (%d)\n", (t - b) / n * 1000, n, (q - b) / l * 1000, l
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
