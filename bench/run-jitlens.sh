#!/usr/bin/env bash
# Benchmark: cold `jitlens inspect samples/Sample.cs` (ReadyToRun publish, as the tool ships) against
# `dotnet run` of the same code with DOTNET_JitDisasm. Usage: bash bench/run-jitlens.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/JitLens.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/jitlens --verbosity quiet
dotnet run --project bench/JitLens.Bench -c Release -- artifacts/jitlens/JitLens.Cli.dll samples/Sample.cs "${1:-3}"
