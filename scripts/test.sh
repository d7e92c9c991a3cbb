#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root): set up, build, and run every test —
# the Release build (unit tests, golden programs, examples, the Go oracle, GC stress and
# verification, runtime stress, fuzz smoke), then under ASan+UBSan the runtime's and the VM's unit
# tests, every golden program and the GC verification runs, then the runtime's unit tests under
# ThreadSanitizer.
#   GOL_SKIP_ASAN=1   skip the ASan pass (a quick local run)
#   GOL_ASAN_FULL=1   run the whole suite, golden programs included, under ASan+UBSan (slow)
#   GOL_SKIP_TSAN=1   skip the TSan pass
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
(cd build && ctest --output-on-failure -j 2)
if [ "${GOL_SKIP_ASAN:-0}" != 1 ]; then
    cmake -S . -B build-asan -G Ninja -DGOL_SANITIZE=asan -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
    if [ "${GOL_ASAN_FULL:-0}" = 1 ]; then
        cmake --build build-asan -j "${GOL_JOBS:-2}"
        (cd build-asan && ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 GOL_TIMEOUT_SCALE=4 \
            ctest --output-on-failure -j 2 -E go_oracle)
    else
        # The golden programs (1-2 min) and the GC programs under gcstress+gcverify (about 3 min)
        # run under ASan too: a freed object reached, a race on a buffer or UB in the VM shows up
        # here. Huge-allocation programs need malloc to fail rather than ASan to abort.
        cmake --build build-asan -j "${GOL_JOBS:-2}" --target test_runtime test_vm gol_cli
        (cd build-asan && ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 GOL_TIMEOUT_SCALE=4 \
            ctest --output-on-failure -R '^(unit_(runtime|vm)|golden_programs|golden_programs_gcverify(_stw)?)$')
    fi
fi
# TSan: only the runtime's unit tests (scheduler, run queues, channels, select, timers, sync and the
# stress graph at GOMAXPROCS 1, 2, 8). Building test_runtime alone keeps it to a few minutes (the
# runtime library and the tests: about 4 min to build and 1.5-2 min to run on a loaded 2-core VM, passing in 3 of 3 runs);
# the whole gol binary under TSan would take several times that. TSan exits non-zero on any report.
if [ "${GOL_SKIP_TSAN:-0}" != 1 ]; then
    cmake -S . -B build-tsan -G Ninja -DGOL_SANITIZE=tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
    cmake --build build-tsan -j "${GOL_JOBS:-2}" --target test_runtime
    (cd build-tsan && ctest --output-on-failure -R 'unit_runtime')
fi
