#!/usr/bin/env bash
# The property and SIGKILL tests of `swift test`, at a large size: generated and mutated
# posts (PropertyTests) and kills during fix (FaultInjectionTests), on the debug build
# the tests use. Usage: bench/properties.sh [POSTS] [KILLS] [KILL_POSTS]
#   defaults: 3000 posts per property, 50 kills over 1500 posts.
set -euo pipefail
cd "$(dirname "$0")/.."
export GALLEY_PROPERTY_POSTS="${1:-3000}" GALLEY_KILLS="${2:-50}" GALLEY_KILL_POSTS="${3:-1500}"
export SWIFT_BACKTRACE=enable=no
time swift test --filter 'PropertyTests|FaultInjectionTests/killedDuringFix' 2>&1 \
    | grep -E '✔|✘|SIGKILL test|error' | grep -v '^✔ Test run'
