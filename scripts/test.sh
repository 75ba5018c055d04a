#!/usr/bin/env bash
# Runs every test: sets the machine up, builds, then runs each test project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export JITLENS_TOOLS_DIR="$PWD/.tools"
export PATH="$PWD/.tools/bin:$PATH"
dotnet build ParallelTools.sln -c Release --no-restore --verbosity quiet
# The tool as users install it (native package + `dotnet tool install`); JitLens.Cli.Tests/Install checks it.
bash scripts/install-tool.sh artifacts/tool
export JITLENS_TOOL="$PWD/artifacts/tool/jitlens"
# The operator executable exactly as the image ships it; the operator's end-to-end tests run it.
bash scripts/publish-operator.sh artifacts/operator >/dev/null
export DASK_OPERATOR_EXECUTABLE="$PWD/artifacts/operator/dask-operator"
rm -rf artifacts/test-results && mkdir -p artifacts/test-results
status=0
dotnet test ParallelTools.sln -c Release --no-build --verbosity quiet \
  --logger "console;verbosity=normal" --logger trx --results-directory artifacts/test-results "$@" || status=$?
# Test projects run side by side, so a failure can scroll far up the log; repeat the failures at its end.
/usr/bin/python3 scripts/failed-tests.py artifacts/test-results
exit "$status"
