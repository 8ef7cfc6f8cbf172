#!/usr/bin/env bash
# Prints the scanner's CommonMark 0.31.2 conformance figures: for the 652 spec examples,
# how many agree with the reference on blocks, on inline protected ranges and on the
# literal / consumed / escaped verdict of every `*` and `_` (Tests/Data/commonmark); and
# how many the renderer renders byte for byte as the spec's HTML.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test --filter "CommonMarkSpecTests|CommonMarkRenderingTests/figure" 2>&1 | grep -E "CommonMark 0.31.2 spec:|Test run with"
