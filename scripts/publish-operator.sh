#!/usr/bin/env bash
# Publishes the dask-operator executable that goes into the operator image: the ONE place its publish settings live
# (the Dockerfile, scripts/build-image.sh and the end-to-end tests all call this script).
# Usage: bash scripts/publish-operator.sh OUTPUT_DIR [ARCH]   (ARCH: linux-x64|amd64 or linux-arm64|arm64; default: this machine's)
#
# Self-contained single file: the image needs no .NET runtime, only runtime-deps (glibc, OpenSSL, certificates).
# Not trimmed and not Native AOT yet: KubernetesClient's and the CRD generator's reflection warn under the trimmer,
# and the build treats warnings as errors. Assemblies stay uncompressed in the bundle: the runtime maps them from the
# file instead of unpacking them into memory (bench/DaskOperator.Bench footprint: 93 MiB idle and 136 MiB with 200
# clusters, against 110 and 171 MiB compressed); either way the process writes nothing next to itself, so a read-only
# root file system works.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: publish-operator.sh OUTPUT_DIR [RUNTIME_ID]}
arch=${2:-$(uname -m)}
case "$arch" in
  linux-x64|x86_64|amd64) rid=linux-x64 ;;
  linux-arm64|aarch64|arm64) rid=linux-arm64 ;;
  *) echo "publish-operator.sh: unsupported architecture '$arch' (linux-x64 or linux-arm64)." >&2; exit 1 ;;
esac
# Its own build folder: a runtime-specific build must not mix with the plain Release build the tests use.
dotnet publish src/DaskOperator -c Release -r "$rid" --self-contained \
  -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=false -p:InvariantGlobalization=true \
  -p:DebugType=none -p:GenerateDocumentationFile=false \
  --artifacts-path artifacts/operator-build -o "$out" --verbosity quiet
echo "$out/dask-operator"
