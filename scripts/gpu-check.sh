#!/usr/bin/env bash
# GPU check, for a person with an NVIDIA GPU machine (CUDA toolkit: ptxas, nvdisasm, libNVVM; Debian's python3-numba):
#   bash scripts/gpu-check.sh
# Builds jitlens, then checks, printing one PASS/FAIL/SKIP line per check:
#   - ILGPU sample kernels (samples/gpu/Kernels.cs) for sm_75, sm_80 and sm_90: the PTX per line, ptxas accepting it,
#     SASS per line and the SASS CFG; RowSums' loop body line owns the loop's add, Scale's line its multiply, Clamp's
#     branch line its compare;
#   - a Numba @cuda.jit kernel (lineinfo): PTX and SASS per line and the SASS CFG, with the same two checks.
# What a machine lacks is skipped with the reason. Exit code 1 when a check failed, else 0.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failed=1; }
skip() { echo "SKIP $*"; }

cuda_bin=${CUDA_HOME:-/usr/local/cuda}/bin
tool() { command -v "$1" || { [ -x "$cuda_bin/$1" ] && echo "$cuda_bin/$1"; }; }
ptxas=$(tool ptxas || true)
nvdisasm=$(tool nvdisasm || true)
[ -n "$ptxas" ] && export PATH="$(dirname "$ptxas"):$PATH"
gpu=$(command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader 2>/dev/null | head -1)

if ! dotnet build src/JitLens.Cli -c Release --verbosity quiet >/tmp/gpu-check-build.log 2>&1; then
  fail "build: dotnet build src/JitLens.Cli failed (see /tmp/gpu-check-build.log)"
  exit 1
fi
jitlens=(dotnet src/JitLens.Cli/bin/Release/net10.0/JitLens.Cli.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: GPU ${gpu:-none}; ptxas ${ptxas:-missing}; nvdisasm ${nvdisasm:-missing}"

# check.py JSON UNIT VIEW LINE_TEXT PATTERN...: does the unit's line containing LINE_TEXT own, in VIEW, an instruction
# matching one of the regular expressions? Prints the reason when not.
cat >"$work/check.py" <<'PY'
import json, re, sys
path, unit, view, text, *patterns = sys.argv[1:]
report = json.load(open(path))
units = [u for u in report.get("methods", []) + report.get("kernels", []) if unit in u["name"]]
if not units:
    sys.exit(f"no unit named like {unit!r}")
for u in units:
    for line in u["lines"]:
        if text in line["source"]:
            code = line.get(view, [])
            if any(re.search(p, c) for p in patterns for c in code):
                sys.exit(0)
            sys.exit(f"line {line['line']} ({text!r}) has in {view}: {code[:8]}")
sys.exit(f"no line containing {text!r} in {unit!r}")
PY
# has_cfg.py JSON UNIT: the unit has a control-flow graph with blocks.
cat >"$work/has_cfg.py" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
units = [u for u in report.get("methods", []) + report.get("kernels", []) if sys.argv[2] in u["name"]]
sys.exit(0 if units and all(u.get("cfg", {}).get("blocks") for u in units) else f"no CFG blocks for {sys.argv[2]!r}")
PY
check() { # name json unit view text patterns...
  local name=$1; shift
  if reason=$(python3 "$work/check.py" "$@" 2>&1); then pass "$name"; else fail "$name: $reason"; fi
}

for arch in sm_75 sm_80 sm_90; do
  out="$work/ilgpu-$arch.json"
  if ! "${jitlens[@]}" inspect samples/gpu/Kernels.cs --kernel '*Scale' --view ptx,sass,cfg --arch "$arch" --format json >"$out" 2>"$work/err"; then
    fail "ILGPU $arch: jitlens inspect failed: $(tail -1 "$work/err")"
    continue
  fi
  check "ILGPU $arch PTX: RowSums' loop body line owns the loop's add" "$out" RowSums ptx "sum += matrix" '^(add|mad)\.'
  check "ILGPU $arch PTX: Scale's line owns the multiply" "$out" Scale ptx "data[i] *= factor" '^mul\.'
  check "ILGPU $arch PTX: Clamp's branch line owns the compare" "$out" Clamp ptx "if (data[i] > limit)" '^setp\.'
  if [ -z "$ptxas" ] || [ -z "$nvdisasm" ]; then
    skip "ILGPU $arch SASS: ptxas or nvdisasm is not on PATH or in \$CUDA_HOME/bin"
    continue
  fi
  if "$ptxas" --version >/dev/null 2>&1 && grep -q '"sass"' "$out"; then pass "ILGPU $arch: ptxas assembled the PTX"; else fail "ILGPU $arch: no SASS came back from ptxas/nvdisasm"; fi
  check "ILGPU $arch SASS: RowSums' loop body line owns the loop's add" "$out" RowSums sass "sum += matrix" 'IADD|IMAD'
  check "ILGPU $arch SASS: Scale's line owns the multiply" "$out" Scale sass "data[i] *= factor" 'FMUL'
  check "ILGPU $arch SASS: Clamp's branch line owns the compare" "$out" Clamp sass "if (data[i] > limit)" 'ISETP'
  if reason=$(python3 "$work/has_cfg.py" "$out" RowSums 2>&1); then pass "ILGPU $arch: the SASS CFG of RowSums"; else fail "ILGPU $arch CFG: $reason"; fi
done

cat >"$work/numba_kernel.py" <<'PY'
import numpy as np
from numba import cuda


@cuda.jit(lineinfo=True)
def scaled_rows(out, values, factor, width):
    row = cuda.grid(1)
    if row < out.shape[0]:
        acc = 0.0
        for j in range(width):
            acc += values[row, j] * factor
        out[row] = acc


values = np.ones((64, 8), dtype=np.float32)
out = np.zeros(64, dtype=np.float32)
scaled_rows[2, 32](out, values, np.float32(3.0), 8)
assert out[0] == 24.0
PY
if ! /usr/bin/python3 -c "from numba.cuda.cudadrv import nvvm; nvvm.NVVM()" >/dev/null 2>&1; then
  skip "Numba @cuda.jit: Numba cannot load the CUDA toolkit's libNVVM here (set CUDA_HOME or install the toolkit)"
elif [ -z "$gpu" ]; then
  skip "Numba @cuda.jit SASS: no GPU (nvidia-smi found none); PTX only is checked"
  out="$work/numba-ptx.json"
  "${jitlens[@]}" inspect "$work/numba_kernel.py" --view ptx --format json --signature 'scaled_rows:void(float32[:], float32[:, :], float32, int64)' >"$out" 2>"$work/err" || true
  check "Numba PTX: the loop body line owns the multiply" "$out" scaled_rows ptx "acc += values[row, j] * factor" '^(mul|fma)\.'
else
  out="$work/numba.json"
  if ! "${jitlens[@]}" inspect "$work/numba_kernel.py" --view ptx,sass,cfg --format json >"$out" 2>"$work/err"; then
    fail "Numba: jitlens inspect failed: $(tail -1 "$work/err")"
  else
    check "Numba PTX: the loop body line owns the multiply" "$out" scaled_rows ptx "acc += values[row, j] * factor" '^(mul|fma)\.'
    check "Numba PTX: the branch line owns the compare" "$out" scaled_rows ptx "if row < out.shape[0]" '^setp\.'
    if [ -z "$nvdisasm" ]; then
      skip "Numba SASS: nvdisasm is not on PATH or in \$CUDA_HOME/bin"
    else
      check "Numba SASS: the loop body line owns the multiply" "$out" scaled_rows sass "acc += values[row, j] * factor" 'FMUL|FFMA'
      check "Numba SASS: the branch line owns the compare" "$out" scaled_rows sass "if row < out.shape[0]" 'ISETP'
      if reason=$(python3 "$work/has_cfg.py" "$out" scaled_rows 2>&1); then pass "Numba: the SASS CFG of scaled_rows"; else fail "Numba CFG: $reason"; fi
    fi
  fi
fi
exit $failed
