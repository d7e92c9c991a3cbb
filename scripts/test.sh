#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root): set up, build, and run every test —
# the Release build (unit tests, golden programs, examples, the Go oracle), then the runtime's and
# the VM's unit tests under ASan+UBSan.
#   GOL_SKIP_ASAN=1   skip the sanitizer pass (a quick local run)
#   GOL_ASAN_FULL=1   run the whole suite, golden programs included, under ASan+UBSan (slow)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
(cd build && ctest --output-on-failure -j 2)
if [ "${GOL_SKIP_ASAN:-0}" != 1 ]; then
    cmake -S . -B build-asan -G Ninja -DGOL_SANITIZE=asan -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
    if [ "${GOL_ASAN_FULL:-0}" = 1 ]; then
        cmake --build build-asan -j "${GOL_JOBS:-2}"
        (cd build-asan && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j 2 -E go_oracle)
    else
        cmake --build build-asan -j "${GOL_JOBS:-2}" --target test_runtime test_vm
        (cd build-asan && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -R 'unit_(runtime|vm)')
    fi
fi
