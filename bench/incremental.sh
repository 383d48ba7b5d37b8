#!/usr/bin/env bash
# Incremental builds, `tradui serve` and parallel scaling on the 200-leaflet x 5-language
# project (1,000 HTML pages + 1,000 PDFs), beside `tradui check` and WeasyPrint.
#   bash bench/incremental.sh
# Needs: hyperfine, python3 (with venv); WeasyPrint is installed in a venv under the
# work folder (pip install weasyprint) unless WEASYPRINT_PYTHON points at a python that has it.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin tradui --example gen_corpus
bin="$(realpath "$target/release/tradui")"
gen="$target/release/examples/gen_corpus"
work="${TMPDIR:-/tmp}/tradui-bench-incremental"
rm -rf "$work" && mkdir -p "$work"
proj="$work/p"
"$gen" --out "$proj" --leaflets 200 --units 14 --langs es,ht,ar,fr
cd "$proj"
# As a committee's project is: every file as `sync` writes it, with its reference catalog
# (locales/en/) and provenance sidecars (locales/.provenance/).
"$bin" sync >/dev/null
medians() { python3 - "$1" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    median, low = r["median"] * 1000, r["min"] * 1000
    print(f"  {r['command']}: median {median:.1f} ms, min {low:.1f} ms")
PY
}

echo "== full build (HTML + PDF), 2 threads, then RAYON_NUM_THREADS=1"
hyperfine --runs 5 -N --prepare "rm -rf $proj/public $proj/.tradui-cache" \
    --command-name "full build, 2 threads" "$bin build" \
    --command-name "full build, RAYON_NUM_THREADS=1" "env RAYON_NUM_THREADS=1 $bin build" \
    --export-json "$work/full.json"
medians "$work/full.json"
rm -rf public .tradui-cache
/usr/bin/time -f "full build: %e s wall, %M KiB peak RSS" "$bin" build | tail -1

echo "== nothing changed (HTML + PDF) beside check"
hyperfine --warmup 3 --runs 30 -N -i \
    --command-name "tradui check" "$bin check" \
    --command-name "tradui build, nothing changed" "$bin build" \
    --export-json "$work/nochange.json"
medians "$work/nochange.json"

# Each run makes one edit (toggled, so every run has something to rebuild).
cat > "$work/para.sh" <<'SH'
perl -0pi -e 's/\[read (more|on)\]/"[read ".($1 eq "more" ? "on" : "more")."]"/e' content/leaflet-0007.md
SH
cat > "$work/trans.sh" <<'SH'
perl -0pi -e 's/\ntitle = ([^\n]*?)( otra)?\n/"\ntitle = $1".($2 ? "" : " otra")."\n"/e' locales/es/leaflet-0007.ftl
SH
cat > "$work/var.sh" <<'SH'
perl -pi -e 's/^place = "Gate 7"$/place = "Gate 7B"/ or s/^place = "Gate 7B"$/place = "Gate 7"/' content/leaflet-0007.md
SH
echo "== one change, then build (HTML + PDF)"
hyperfine --warmup 3 --runs 30 -N -i \
    --prepare "bash $work/para.sh" --command-name "one source paragraph changed" "$bin build" \
    --prepare "bash $work/trans.sh" --command-name "one translation changed" "$bin build" \
    --prepare "bash $work/var.sh" --command-name "one variable changed" "$bin build" \
    --export-json "$work/onechange.json"
medians "$work/onechange.json"
"$bin" build | tail -1

echo "== serve: file saved -> reload event received"
python3 - "$bin" "$proj" <<'PY'
import socket, statistics, subprocess, sys, time, re, os
bin, proj = sys.argv[1], sys.argv[2]
srv = subprocess.Popen([bin, "serve", "--port", "0"], cwd=proj, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    port = None
    for line in srv.stdout:
        m = re.match(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1)); break
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /__tradui/events HTTP/1.1\r\nHost: x\r\n\r\n")
    f = s.makefile("rb")
    def event():
        while True:
            line = f.readline()
            if line.startswith(b"data: "):
                return line
    while f.readline() != b"\r\n":
        pass
    event()  # the state at connection
    path = os.path.join(proj, "locales/es/leaflet-0011.ftl")
    times = []
    for i in range(20):
        text = open(path, encoding="utf-8").read()
        text = text.replace("\ntitle = ", "\ntitle = x", 1) if i % 2 == 0 else text.replace("\ntitle = x", "\ntitle = ", 1)
        time.sleep(0.3)
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        while b"leaflet-0011" not in event():
            pass
        times.append((time.perf_counter() - t0) * 1000)
    print(f"save -> reload event, one translation (HTML + PDF): median {statistics.median(times):.0f} ms, "
          f"min {min(times):.0f} ms, max {max(times):.0f} ms ({len(times)} saves)")
finally:
    srv.send_signal(2)
    srv.wait(timeout=10)
PY

echo "== per PDF: tradui (full build / 1000) beside WeasyPrint in-process write_pdf(), same run"
py="${WEASYPRINT_PYTHON:-}"
if [ -z "$py" ]; then
    python3 -m venv "$work/venv" && "$work/venv/bin/pip" install --quiet weasyprint && py="$work/venv/bin/python"
fi
hyperfine --runs 3 -N --prepare "rm -rf $proj/public $proj/.tradui-cache" --export-json "$work/full-again.json" "$bin build" >/dev/null
"$py" - "$proj/public/es/leaflet-0001.html" "$work/full-again.json" <<'PY'
import json, sys, time, weasyprint
page, runs = sys.argv[1], sys.argv[2]
# 1000 PDFs (and 1000 pages) in one build: the median of three full builds, this run.
tradui_ms = json.load(open(runs))["results"][0]["median"] * 1000 / 1000
weasyprint.HTML(filename=page).write_pdf()
t = time.perf_counter()
for _ in range(20):
    weasyprint.HTML(filename=page).write_pdf()
weasy_ms = (time.perf_counter() - t) / 20 * 1000
print(f"tradui: {tradui_ms:.2f} ms per PDF (median wall time of 3 full builds / 1000, HTML included)")
print(f"WeasyPrint {weasyprint.__version__} write_pdf(), same page: {weasy_ms:.1f} ms per PDF (mean of 20)")
print(f"ratio: tradui is {weasy_ms / tradui_ms:.1f}x faster per PDF")
PY
