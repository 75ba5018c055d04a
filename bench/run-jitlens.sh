#!/usr/bin/env bash
# Benchmark: cold `jitlens inspect samples/Sample.cs` with the tool as users install it (the native linux-x64 package,
# `dotnet tool install`), against `dotnet run` of the same code with DOTNET_JitDisasm.
# Usage: bash bench/run-jitlens.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tool.sh artifacts/tool
dotnet run --project bench/JitLens.Bench -c Release -- artifacts/tool/jitlens samples/Sample.cs "${1:-3}"
