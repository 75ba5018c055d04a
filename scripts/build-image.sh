#!/usr/bin/env bash
# Builds the operator image (Dockerfile at the repository root) with docker or podman, whichever is installed, and
# tags it as charts/dask-operator installs it by default: <values.yaml image.repository>:<Chart.yaml appVersion>.
# Usage: bash scripts/build-image.sh [IMAGE]      e.g. IMAGE=registry.example.org/dask-operator:dev
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(sed -n 's/^  repository: *//p' charts/dask-operator/values.yaml | head -n1)
version=$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' charts/dask-operator/Chart.yaml)
image=${1:-$repository:$version}
engine=""
for candidate in docker podman; do
  # The command alone is not enough: a docker CLI without a running engine cannot build.
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" info >/dev/null 2>&1; then engine=$candidate; break; fi
done
if [ -z "$engine" ]; then
  found=$( (command -v docker podman || true) | xargs -r -n1 basename | paste -sd' ' -)
  if [ -n "$found" ]; then
    echo "build-image.sh: $found is installed but no container engine answers ('$found info' fails), so the image $image cannot be built here; start the engine (the executable alone: bash scripts/publish-operator.sh DIR)." >&2
  else
    echo "build-image.sh: neither docker nor podman is installed, so the image $image cannot be built here; install one of them (the executable alone: bash scripts/publish-operator.sh DIR)." >&2
  fi
  exit 1
fi
"$engine" build -t "$image" -f Dockerfile .
echo "$image"
