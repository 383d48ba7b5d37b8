#!/usr/bin/env bash
# Linear cost: every command on one leaflet of 100, 1,000 and 10,000 units (translated
# into es and ar, STALE% of the translations stale, default 0), and the time per unit at
# each size.
#   bash bench/scale.sh            # or: STALE=20 bash bench/scale.sh
# Needs hyperfine and python3. Times are the fastest of several runs (the machine is
# shared; the minimum is the least disturbed). The time per unit is (t(N) - t(1)) /
# (N - 1): a one-unit leaflet gives each command's fixed cost (start-up, fonts), which
# is not a cost per unit. Cost is linear when that number stays flat (within 2x).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin tradui --example gen_corpus
bin="$(cd "$target/release" && pwd)/tradui"
gen="$target/release/examples/gen_corpus"
work="$(mktemp -d "${TMPDIR:-/tmp}/tradui-scale.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sizes=(1 100 1000 10000)
for n in "${sizes[@]}"; do
    "$gen" --out "$work/u$n" --leaflets 1 --units "$n" --langs es,ar --stale "${STALE:-0}" >/dev/null
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
            prepare="sh -c 'rm -rf $project && cp -r $work/u$n $project'"
        fi
        # Small sizes run more often: their few milliseconds are easily disturbed.
        count=$(( n >= 10000 ? runs : runs * 4 ))
        hyperfine --style none --runs "$count" --warmup 1 -N -i --prepare "$prepare" \
            --export-json "$work/$(printf %s "$name" | tr -c 'a-z' '_')-$n.json" \
            "$bin --project $project $run_args" >/dev/null
    done
done

python3 - "$work" "${sizes[@]}" <<'PY'
import json, sys, os
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
names = ["check", "status", "sync --check", "sync", "build --no-pdf", "build (HTML + PDF)"]
def result(name, n):
    key = "".join(c if "a" <= c <= "z" else "_" for c in name)
    with open(os.path.join(work, f"{key}-{n}.json")) as f:
        r = json.load(f)["results"][0]
    return r["min"], r["user"] + r["system"]
def per_unit(t):
    return [(t[n] - t[sizes[0]]) / (n - sizes[0]) * 1e6 for n in sizes[1:]]
def spread(per):
    return max(per) / min(per) if min(per) > 0 else float("inf")
print("| command | " + " | ".join(f"{n:,} unit(s)" for n in sizes) + " | wall per unit | CPU per unit | CPU max/min |")
print("|---" * (len(sizes) + 4) + "|")
for name in names:
    wall = {n: result(name, n)[0] for n in sizes}
    cpu = {n: result(name, n)[1] for n in sizes}
    cells = " | ".join(f"{wall[n] * 1000:,.0f} ms" for n in sizes)
    w, c = per_unit(wall), per_unit(cpu)
    print(f"| `{name}` | {cells} | " + " / ".join(f"{p:,.0f}" for p in w) + " µs | " + " / ".join(f"{p:,.0f}" for p in c) + f" µs | {spread(c):.1f}x |")
print()
print("wall: fastest run; CPU: user + system, mean of the runs; per unit: (t(N) - t(1)) / (N - 1) at N = " + ", ".join(f"{n:,}" for n in sizes[1:]))
PY
