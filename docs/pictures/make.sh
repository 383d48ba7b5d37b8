#!/usr/bin/env bash
# Renders the README's pictures of each print from the repository's own leaflets:
# the page-sized PDF, the 2-up sheet and the poster (with a base_url, so the QR codes
# show). Needs poppler-utils (pdftoppm). Usage: bash docs/pictures/make.sh [tradui binary]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tradui=${1:-$root/target/release/tradui}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/content" "$root/locales" "$root/tradui.toml" "$work/"
sed -i 's|^# base_url = |base_url = |' "$work/tradui.toml"
(cd "$work" && "$tradui" build >/dev/null)
pdf() { pdftoppm -png -r 56 -f 1 -l 1 -singlefile "$work/public/$1" "$here/$2" 2>/dev/null; }
pdf es/walkout.pdf leaflet-es
pdf ar/walkout.half-letter-2up.pdf half-letter-2up-ar
pdf poster/walkout.pdf poster
echo "wrote $here/{leaflet-es,half-letter-2up-ar,poster}.png"
