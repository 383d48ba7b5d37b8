# Sourced by bench/fit.sh and bench/share.sh: builds tradui (release, or the dev build
# with PROFILE=dev), writes a corpus of 40 one-page leaflets x 5 languages into
# $work/p, and defines `fastest`, the fastest of three builds from scratch.
target="${CARGO_TARGET_DIR:-target}"
if [ "${PROFILE:-release}" = release ]; then
    cargo build --release --quiet --bin tradui --example gen_corpus
    dir="$target/release"
else
    cargo build --quiet --bin tradui --example gen_corpus
    dir="$target/debug"
fi
bin="$dir/tradui"
rm -rf "$work" && mkdir -p "$work"
leaflets=40
"$dir/examples/gen_corpus" --out "$work/p" --leaflets "$leaflets" --units 14 --langs es,ht,ar,fr >/dev/null
docs=$((leaflets * 5))

# The fastest of three builds of $work/p from scratch (extra arguments go to build), in seconds.
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
