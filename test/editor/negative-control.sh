#!/usr/bin/env bash
# Proves the editor tests can fail: a copy of the .vsix whose language server throws at start
# must fail the diagnostics scenario. Exits 0 when it does, 1 when the broken build passes.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
vsix="$(realpath "${1:-$repo_root/dist/iam-policy-tools.vsix}")"
work="$repo_root/.editor-test/negative-control"
rm -rf "$work" && mkdir -p "$work"
broken="$work/broken-server.vsix"

python3 - "$vsix" "$broken" <<'PY'
import sys, zipfile
source, target = sys.argv[1:]
with zipfile.ZipFile(source) as given, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as out:
    names = given.namelist()
    if 'extension/dist/server.js' not in names:
        sys.exit('no extension/dist/server.js in ' + source)
    for item in given.infolist():
        data = given.read(item.filename)
        if item.filename == 'extension/dist/server.js':
            data = b'throw new Error("negative control: this language server fails to start");\n'
        out.writestr(item, data)
PY

cd "$repo_root"
if EDITOR_TESTS_ONLY="seed policy" EDITOR_TESTS_RESULTS="$work/results" \
    node --import tsx --test-reporter=spec test/editor/run-code-server.ts "$broken" >"$work/run.log" 2>&1; then
  echo "[editor] negative control FAILED: a .vsix whose server cannot start passed the diagnostics scenario (log: $work/run.log)"
  exit 1
fi
if ! grep -q "✖ seed policy shows its errors" "$work/run.log"; then
  echo "[editor] negative control FAILED: the run broke before the scenario could (log: $work/run.log)"
  exit 1
fi
echo "[editor] negative control passed: with a server that fails to start, the diagnostics scenario fails"
