#!/usr/bin/env bash
# Configures and builds gol. Usage: scripts/build.sh [release|asan|tsan]  (default: release)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
    release) dir=build; flags=() ;;
    asan) dir=build-asan; flags=(-DGOL_SANITIZE=asan -DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
    tsan) dir=build-tsan; flags=(-DGOL_SANITIZE=tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
    *) echo "usage: $0 [release|asan|tsan]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${flags[@]}" > /dev/null
cmake --build "$dir" -j "${GOL_JOBS:-2}"
