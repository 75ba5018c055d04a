#!/usr/bin/env bash
# Sets the machine up, then shows JitLens on the bundled sample.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet run --project src/JitLens.Cli -c Release -- inspect samples/Sample.cs "$@"
