#!/usr/bin/env bash
# Linear cost: every command on one leaflet of 100, 1,000 and 10,000 units (translated
# into es and ar, 20% of the translations stale), and the time per unit at each size.
#   bash bench/scale.sh
# Needs hyperfine and python3. The time per unit is (t(N) - t(1)) / (N - 1): a
# one-unit leaflet gives each command's fixed cost (start-up, fonts), which is not a
# cost per unit. Cost is linear when that number stays flat (within 2x) as N grows.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin tradui --example gen_corpus
bin="$(cd "$target/release" && pwd)/tradui"
gen="$target/release/examples/gen_corpus"
work="${TMPDIR:-/tmp}/tradui-scale"
rm -rf "$work" && mkdir -p "$work"
sizes=(1 100 1000 10000)
for n in "${sizes[@]}"; do
    "$gen" --out "$work/u$n" --leaflets 1 --units "$n" --langs es,ar --stale 20 >/dev/null
done

# command name | arguments | runs
commands=(
    "check|check --format json|5"
    "status|status|5"
    "sync --check|sync --check|5"
    "sync|sync|5"
    "build --no-pdf|build --no-pdf --out OUT|5"
    "build (HTML + PDF)|build --out OUT|3"
)
for entry in "${commands[@]}"; do
    IFS='|' read -r name args runs <<<"$entry"
    for n in "${sizes[@]}"; do
        project="$work/u$n"
        run_args="${args//OUT/$work/out$n}"
        prepare="rm -rf $work/out$n"
        if [ "$name" = "sync" ]; then
            # Every run starts from the same files (sync changes them).
            project="$work/s$n"
            prepare="rm -rf $project && cp -r $work/u$n $project"
        fi
        hyperfine --style none --runs "$runs" --warmup 1 -N -i --prepare "$prepare" \
            --export-json "$work/$(printf %s "$name" | tr -c 'a-z' '_')-$n.json" \
            "$bin --project $project $run_args" >/dev/null
    done
done

python3 - "$work" "${sizes[@]}" <<'PY'
import json, sys, glob, os
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
names = ["check", "status", "sync --check", "sync", "build --no-pdf", "build (HTML + PDF)"]
def mean(name, n):
    key = "".join(c if "a" <= c <= "z" else "_" for c in name)
    with open(os.path.join(work, f"{key}-{n}.json")) as f:
        return json.load(f)["results"][0]["mean"]
print("| command | " + " | ".join(f"{n:,} unit(s)" for n in sizes) + " | per unit at " + ", ".join(f"{n:,}" for n in sizes[1:]) + " | max/min |")
print("|---" * (len(sizes) + 3) + "|")
for name in names:
    t = {n: mean(name, n) for n in sizes}
    per = [(t[n] - t[sizes[0]]) / (n - sizes[0]) * 1e6 for n in sizes[1:]]
    spread = max(per) / min(per) if min(per) > 0 else float("inf")
    cells = " | ".join(f"{t[n] * 1000:,.0f} ms" for n in sizes)
    print(f"| `{name}` | {cells} | " + ", ".join(f"{p:,.0f} µs" for p in per) + f" | {spread:.1f}x |")
PY
