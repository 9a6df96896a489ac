#!/usr/bin/env bash
# CI step: build the PyInstaller bundle and run its self-test offscreen.
#
#   packaging/ci_bundle_check.sh
#
# Passes (exit 0) when the bundle builds, `--version` matches pyproject.toml, every shared
# library of QtWebEngine resolves inside the bundle, and `<bundle>/teenvio-desktop
# --self-test` under QT_QPA_PLATFORM=offscreen exits 0 with every step ok. When PyInstaller
# cannot be installed it says so loudly and exits 0 (the packaging tools are optional on a
# developer machine); every other problem fails the step.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-.venv/bin/python}"
bundle=dist/teenvio-desktop
exe="$bundle/teenvio-desktop"

banner() { printf '\n==== bundle check: %s ====\n' "$*"; }

banner "PyInstaller"
if ! "$python" -c "import PyInstaller" 2>/dev/null \
    && ! "$python" -m pip install -q "pyinstaller>=6.10,<7"; then
    banner "SKIPPED: PyInstaller could not be installed, so the bundle was NOT built or tested"
    exit 0
fi
"$python" -m PyInstaller --version

banner "build"
started=$(date +%s)
PYTHON="$python" packaging/build.sh
build_s=$(( $(date +%s) - started ))

banner "version"
expected="$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
started_ns=$(date +%s%N)
version_line="$("$exe" --version)"
version_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
echo "$version_line (${version_ms} ms)"
if [ "$version_line" != "teenvio-desktop $expected" ]; then
    echo "FAIL: the bundle reports '$version_line', pyproject.toml says $expected" >&2
    exit 1
fi

banner "QtWebEngine libraries"
qt_dir="$bundle/_internal/PySide6/Qt"
missing=0
for binary in "$qt_dir/libexec/QtWebEngineProcess" "$qt_dir"/lib/libQt6WebEngine*.so.*; do
    if [ ! -e "$binary" ]; then
        echo "FAIL: missing $binary" >&2
        missing=1
        continue
    fi
    # Resolve against the bundle first, as the frozen app does.
    unresolved="$(LD_LIBRARY_PATH="$qt_dir/lib:$bundle/_internal" ldd "$binary" | grep 'not found' || true)"
    if [ -n "$unresolved" ]; then
        echo "FAIL: $binary has unresolved libraries:" >&2
        echo "$unresolved" >&2
        missing=1
    fi
done
for resource in resources/qtwebengine_resources.pak resources/icudtl.dat \
    translations/qtwebengine_locales/en-US.pak; do
    if [ ! -e "$qt_dir/$resource" ]; then
        echo "FAIL: missing $qt_dir/$resource" >&2
        missing=1
    fi
done
[ "$missing" = 0 ] || exit 1
echo "QtWebEngineProcess, libraries, resources and locales are in the bundle"

banner "self-test"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
run_self_test() {
    QT_QPA_PLATFORM=offscreen timeout 600 "$exe" --self-test >"$report"
}
# The self-test stores secrets through the OS keyring: give it a Secret Service like the test
# suite's (gnome-keyring in its own D-Bus session, a fresh "login" collection unlocked from
# stdin, in a throwaway HOME), when the tools are there.
started_ns=$(date +%s%N)
set +e
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    keyring_home="$(mktemp -d)"
    mkdir -m 700 "$keyring_home/run"
    export -f run_self_test
    export exe report
    HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" \
        XDG_CONFIG_HOME="$keyring_home/config" XDG_RUNTIME_DIR="$keyring_home/run" \
        dbus-run-session -- bash -c \
        'printf %s ci-bundle-check | gnome-keyring-daemon --unlock --components=secrets >/dev/null
         run_self_test' </dev/null
    rc=$?
    rm -rf "$keyring_home"
else
    echo "note: no gnome-keyring-daemon/dbus-run-session; the self-test runs without a keyring"
    run_self_test
    rc=$?
fi
set -e
wall_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
cat "$report"
if ! "$python" - "$report" "$rc" <<'EOF'; then
import json
import sys

path, rc = sys.argv[1], int(sys.argv[2])
lines = [line for line in open(path, encoding="utf-8").read().splitlines() if line.startswith("{")]
if not lines:
    sys.exit(f"FAIL: the self-test printed no JSON (exit code {rc})")
report = json.loads(lines[-1])
failed = [step for step in report.get("steps", []) if not step.get("ok")]
for step in failed:
    print(f"FAIL: step {step.get('name')}: {step.get('error')}", file=sys.stderr)
    if step.get("traceback"):
        print(step["traceback"], file=sys.stderr)
if rc != 0 or failed or not report.get("ok") or not report.get("steps"):
    sys.exit(f"FAIL: self-test exit code {rc}, {len(failed)} failed step(s)")
names = ", ".join(step["name"] for step in report["steps"])
timings = {k: v for k, v in report.items() if k.endswith("_ms")}
print(f"self-test ok: {len(report['steps'])} steps ({names}); {timings}")
EOF
    exit 1
fi

banner "OK"
echo "bundle: $(du -sh "$bundle" | cut -f1), built in ${build_s} s; --version ${version_ms} ms;" \
    "self-test ${wall_ms} ms wall"
