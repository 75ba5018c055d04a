#!/usr/bin/env bash
# Publishes the dask-operator executable that goes into the operator image: the ONE place its publish settings live
# (the Dockerfile, scripts/build-image.sh, the end-to-end tests and the footprint benchmark all call this script).
# Usage: bash scripts/publish-operator.sh OUTPUT_DIR [ARCH]   (ARCH: linux-x64|amd64 or linux-arm64|arm64; default: this machine's)
#
# Native AOT: one native executable, no JIT and no IL, trimmed to what the operator uses; the image needs only
# runtime-deps (glibc, OpenSSL, certificates). The projects build with the trim and AOT analyzers on (IsAotCompatible)
# and warnings as errors, so what is published here is the code the JIT-run tests exercise. Memory: workstation GC,
# not concurrent (no background GC thread and its heap), conserving memory — the operator's heap is small and its
# pauses do not matter. Type data is kept as it is laid out in the file (no dehydration) and the executable is not
# position-independent: then the ~16 MiB of type data needs neither rehydrating into memory nor relocating at start,
# so only the pages the operator reads are resident (idle RSS 40 -> 23 MiB, measured with bench footprint). The cost:
# the executable's own image is not address-randomised (shared libraries, heap and stacks still are).
# It writes nothing next to itself, so a read-only root file system works.
# Linking needs a C toolchain (gcc; scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: publish-operator.sh OUTPUT_DIR [RUNTIME_ID]}
arch=${2:-$(uname -m)}
case "$arch" in
  linux-x64|x86_64|amd64) rid=linux-x64 ;;
  linux-arm64|aarch64|arm64) rid=linux-arm64 ;;
  *) echo "publish-operator.sh: unsupported architecture '$arch' (linux-x64 or linux-arm64)." >&2; exit 1 ;;
esac
linker=()
if ! command -v clang >/dev/null 2>&1; then linker=(-p:CppCompilerAndLinker=gcc); fi
# Its own build folder: a runtime-specific build must not mix with the plain Release build the tests use.
dotnet publish src/DaskOperator -c Release -r "$rid" \
  -p:PublishAot=true -p:InvariantGlobalization=true -p:UseSystemResourceKeys=true \
  -p:ConcurrentGarbageCollection=false -p:ServerGarbageCollection=false \
  -p:IlcDehydrate=false -p:PositionIndependentExecutable=false \
  -p:StripSymbols=true -p:CopyOutputSymbolsToPublishDirectory=false -p:DebugType=none -p:GenerateDocumentationFile=false \
  "${linker[@]}" \
  --artifacts-path artifacts/operator-build -o "$out" --verbosity quiet
echo "$out/dask-operator"
