#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root): set up, build, and run every test —
# the Release build (unit tests, golden programs, the Go oracle), then the ASan+UBSan build.
# GOL_SKIP_ASAN=1 skips the sanitizer pass (for a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
(cd build && ctest --output-on-failure -j 2)
if [ "${GOL_SKIP_ASAN:-0}" != 1 ]; then
    bash scripts/build.sh asan
    (cd build-asan && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j 2 -E go_oracle)
fi
