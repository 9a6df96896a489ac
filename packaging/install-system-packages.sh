#!/bin/sh
# Installs the system packages teenvio-desktop needs on Debian or Ubuntu.
#   sh packaging/install-system-packages.sh          # to run the app
#   sh packaging/install-system-packages.sh --test   # to run the test suite as well
# Works as root (a fresh container has no sudo) and as a normal user with sudo.
set -eu

runtime="python3-venv libegl1 libgl1 libxkbcommon0 libnss3 libfontconfig1 libxcb-cursor0
 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0
 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libdbus-1-3 fonts-dejavu-core"
# gnome-keyring and dbus: a real Secret Service for the keyring tests; desktop-file-utils and
# appstream validate the desktop entry and metainfo; xvfb and xauth for screenshots;
# spamassassin for the spam score tests (optional for users: the app says how to add it).
test_only="gnome-keyring dbus dbus-daemon desktop-file-utils appstream xvfb xauth spamassassin"

packages=$runtime
case "${1:-}" in
    --test) packages="$runtime $test_only" ;;
    "") ;;
    *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac

if ! command -v apt-get >/dev/null 2>&1; then
    echo "No apt-get here. Install the equivalents of: $packages" >&2
    echo "(Qt 6's xcb platform libraries, EGL/GL, NSS and fontconfig; python3 with venv.)" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "Installing system packages needs root: run this as root or install sudo." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# A fresh image has no package lists yet.
$as_root apt-get update -qq
# shellcheck disable=SC2086  # the package lists are meant to split into words
$as_root apt-get install -y -qq --no-install-recommends $packages
