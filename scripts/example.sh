#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root): set up, build, run an example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
./build/gol examples/hello.gol
