#!/usr/bin/env bash
# CI: build the Linux bundle, check its contents and size budget (700 MB unpacked), run its
# self-test (the window offscreen, then `cairn chat`), print its size and the build time.
#   packaging/ci_bundle.sh            (from anywhere; PYTHON overrides the interpreter)
# Exit status is non-zero when the build, a check or the self-test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
start=$(date +%s)
"$PYTHON" packaging/build.py --bundle-only "$@"
end=$(date +%s)
"$PYTHON" - <<'PY'
import json
s = json.load(open("dist/build-summary.json"))
print(f"bundle size: {s['bundle_mb']} MB unpacked (sum of file sizes, 1 MB = 10^6 bytes)")
print(f"pyinstaller: {s['pyinstaller_s']} s, self-test: {s.get('self_test_s')} s, chat: {s.get('chat_s')} s")
PY
echo "build + checks time: $((end - start)) s"
