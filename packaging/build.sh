#!/usr/bin/env bash
# Build the one-folder bundle dist/teenvio-desktop/ with PyInstaller (Linux and macOS).
#
#   packaging/build.sh
#
# Uses $PYTHON when set, else the project's .venv (created with the app installed when it
# is missing), installs PyInstaller into it and runs packaging/teenvio-desktop.spec.
# On macOS the same command also produces "dist/Teenvio Desktop.app".
# Exit codes: 0 built, 1 build failed, 3 PyInstaller could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYINSTALLER_SPEC="pyinstaller>=6.10,<7"

if [ -n "${PYTHON:-}" ]; then
    python="$PYTHON"
else
    if [ ! -x .venv/bin/python ]; then
        echo "+ python3 -m venv .venv && .venv/bin/pip install ."
        python3 -m venv .venv
        .venv/bin/pip install -q .
    fi
    python=.venv/bin/python
fi

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    echo "+ pip install '$PYINSTALLER_SPEC'"
    if ! "$python" -m pip install -q "$PYINSTALLER_SPEC"; then
        echo "build.sh: could not install PyInstaller ($PYINSTALLER_SPEC)" >&2
        exit 3
    fi
fi

# The app itself must be importable with its metadata (the bundle reads its version from it).
if ! "$python" -c "import importlib.metadata as m; m.version('teenvio-desktop')" 2>/dev/null; then
    echo "+ pip install ."
    "$python" -m pip install -q .
fi

echo "+ pyinstaller packaging/teenvio-desktop.spec"
started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/teenvio-desktop.spec
elapsed=$(( $(date +%s) - started ))
echo "Built dist/teenvio-desktop/ in ${elapsed} s ($(du -sh dist/teenvio-desktop | cut -f1))"
