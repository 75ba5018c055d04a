#!/usr/bin/env bash
# Packs jitlens as its native tool package (linux-x64, Native AOT) and installs it with `dotnet tool install` into
# TOOL_PATH, as a user would. Usage: bash scripts/install-tool.sh TOOL_PATH
set -euo pipefail
cd "$(dirname "$0")/.."
tool_path=${1:?usage: install-tool.sh TOOL_PATH}
rm -rf artifacts/pkg "$tool_path"
# A RID-specific tool is two packages: the one users name, which points to the one for their platform.
# Its own build folder: the native build must not mix with the plain Release build's obj/.
for rid_args in "" "-r linux-x64"; do
  # shellcheck disable=SC2086
  dotnet pack src/JitLens.Cli -c Release -p:JitLensNativeAot=true $rid_args -o artifacts/pkg --artifacts-path artifacts/pack-build --verbosity quiet
done
# The NuGet cache keeps a package by id and version: drop an older build of this version so the fresh one installs.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/jitlens.tool" "${NUGET_PACKAGES:-$HOME/.nuget/packages}/jitlens.tool.linux-x64"
dotnet tool install --tool-path "$tool_path" --add-source artifacts/pkg JitLens.Tool
