#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (release, --sanitize fuzzer --sanitize address,
# in .build-fuzz) and fuzzes each for SECONDS (default 60), one after the other.
#
#   fuzz/run.sh [SECONDS] [TARGET...]   random search from fuzz/corpus/<target>; new inputs
#                                       are kept in .build-fuzz/corpus/<target>, the first
#                                       crash stops the run and is kept in fuzz/crashes/
#   fuzz/run.sh --ci                    CI: replay fuzz/corpus and fuzz/regressions, then a
#                                       fixed number of executions with a fixed -seed
#
# Prints executions per second per target. Exit status 1 on the first crash, leak or
# time-out (the reproducer's path is printed; rerun it with
# FUZZ_TARGET=<target> .build-fuzz/release/GalleyFuzz FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

ci=0
seconds=60
if [ "${1:-}" = "--ci" ]; then ci=1; shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds=$1; shift
fi
targets=("$@")
((${#targets[@]})) || targets=(FuzzFrontMatter FuzzMarkdown FuzzRender FuzzFix FuzzConfig)

# The fuzz package reaches galley's through a link named galley (see fuzz/Package.swift).
mkdir -p .build-fuzz fuzz/crashes
ln -sfn "$root" .build-fuzz/galley
# The build's whole log is kept; a failed build shows its errors and last lines, not one.
buildlog="$root/.build-fuzz/build.log"
if ! (cd fuzz && swift build --scratch-path ../.build-fuzz -c release --sanitize fuzzer --sanitize address \
    -Xswiftc -sanitize=fuzzer,address --product GalleyFuzz > "$buildlog" 2>&1); then
    echo "fuzz/run.sh: the fuzz build failed (whole log: $buildlog):" >&2
    grep -E "error:" "$buildlog" | head -n 20 >&2
    echo "..." >&2
    tail -n 40 "$buildlog" >&2
    exit 1
fi
grep -v "Cannot export local symbol" "$buildlog" | tail -n 1
fuzzer="$root/.build-fuzz/release/GalleyFuzz"
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"

# Common options: no input may take 10 s or 2 GB; inputs up to 64 KB.
common=(-dict="$root/fuzz/galley.dict" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1)

status=0
printf '%-16s %10s %10s %8s  %s\n' target executions "exec/s" seconds result
for t in "${targets[@]}"; do
    log="$root/.build-fuzz/$t.log"
    start=$(date +%s)
    set +e
    if ((ci)); then
        # Every checked-in input once (corpus and regressions), then 5,000 fixed-seed runs.
        # New inputs go to a scratch folder (libFuzzer writes to its first corpus folder),
        # never into the checked-in corpus.
        inputs=("$root/fuzz/corpus/$t")
        [ -d "$root/fuzz/regressions/$t" ] && inputs+=("$root/fuzz/regressions/$t")
        scratch="$root/.build-fuzz/ci-corpus/$t"
        rm -rf "$scratch" && mkdir -p "$scratch"
        FUZZ_TARGET=$t "$fuzzer" "${common[@]}" -runs=0 "${inputs[@]}" >"$log" 2>&1 \
            && FUZZ_TARGET=$t "$fuzzer" "${common[@]}" -seed=1 -runs="${FUZZ_CI_RUNS:-5000}" \
                -artifact_prefix="$root/fuzz/crashes/$t-" "$scratch" "$root/fuzz/corpus/$t" >>"$log" 2>&1
        rc=$?
    else
        work="$root/.build-fuzz/corpus/$t"
        mkdir -p "$work"
        FUZZ_TARGET=$t "$fuzzer" "${common[@]}" -max_total_time="$seconds" -artifact_prefix="$root/fuzz/crashes/$t-" \
            "$work" "$root/fuzz/corpus/$t" >"$log" 2>&1
        rc=$?
    fi
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $NF} END {print s + 0}')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
    result=ok
    if [ "$rc" -ne 0 ]; then
        result="FAILED (see $log)"
        artifact=$(grep -o "Test unit written to .*" "$log" | tail -n 1 | sed 's/Test unit written to //')
        [ -n "$artifact" ] && result="FAILED: $artifact"
        status=1
    fi
    printf '%-16s %10s %10s %8s  %s\n' "$t" "${runs:-0}" "${rate:-0}" $(($(date +%s) - start)) "$result"
    if ((status)); then
        grep -m 5 -E "ERROR|Fatal error|precondition|deadly signal" "$log" >&2 || true
        exit 1
    fi
done
exit $status
