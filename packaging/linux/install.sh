#!/usr/bin/env bash
# Install the teenvio-desktop bundle on Linux with its desktop integration.
#
#   install.sh [--prefix DIR] [--bundle DIR] [--uninstall]
#
# --prefix  where to install (default: ~/.local, or $PREFIX). Use /usr/local as root for
#           every user.
# --bundle  the one-folder bundle (default: the folder this script is in when it is the
#           copy inside a bundle, else dist/teenvio-desktop of the source tree).
#
# Installs:
#   PREFIX/lib/teenvio-desktop/                         the bundle
#   PREFIX/bin/teenvio-desktop                          a link to its executable
#   PREFIX/share/applications/com.teenvio.TeenvioDesktop.desktop
#   PREFIX/share/metainfo/com.teenvio.TeenvioDesktop.metainfo.xml
#   PREFIX/share/icons/hicolor/*/apps/com.teenvio.TeenvioDesktop.{png,svg}
set -euo pipefail

APP_ID=com.teenvio.TeenvioDesktop
NAME=teenvio-desktop

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
if [ -x "$here/$NAME" ] && [ -d "$here/share" ]; then
    bundle="$here"
else
    bundle="$here/../../dist/$NAME"
fi
action=install

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        --bundle) bundle="${2:?--bundle needs a folder}"; shift 2 ;;
        --bundle=*) bundle="${1#*=}"; shift ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
lib_dir="$prefix/lib/$NAME"
bin_link="$prefix/bin/$NAME"
apps_dir="$prefix/share/applications"
metainfo_dir="$prefix/share/metainfo"
icons_dir="$prefix/share/icons/hicolor"

refresh_caches() {
    # Desktop environments pick the new entry and icons up faster with fresh caches;
    # neither tool is required.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps_dir" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons_dir/index.theme" ]; then
        gtk-update-icon-cache -q -t "$icons_dir" 2>/dev/null || true
    fi
}

if [ "$action" = uninstall ]; then
    rm -rf "$lib_dir"
    rm -f "$bin_link" "$apps_dir/$APP_ID.desktop" "$metainfo_dir/$APP_ID.metainfo.xml"
    rm -f "$icons_dir"/*/apps/"$APP_ID".png "$icons_dir"/scalable/apps/"$APP_ID".svg
    refresh_caches
    echo "Removed $NAME from $prefix"
    exit 0
fi

if [ ! -x "$bundle/$NAME" ] || [ ! -d "$bundle/share" ]; then
    echo "install.sh: no bundle at $bundle (build it first: packaging/build.sh)" >&2
    exit 1
fi
bundle="$(cd "$bundle" && pwd)"

# Copy next to the old install, then swap, so a failed copy leaves the old one working.
mkdir -p "$prefix/lib" "$prefix/bin" "$apps_dir" "$metainfo_dir" "$icons_dir"
rm -rf "$lib_dir.new"
cp -a "$bundle/." "$lib_dir.new/"
rm -rf "$lib_dir"
mv "$lib_dir.new" "$lib_dir"
ln -sfn "$lib_dir/$NAME" "$bin_link"

# The menu entry runs the installed executable even when PREFIX/bin is not on PATH.
exec_path="$bin_link"
case "$exec_path" in
    *[[:space:]\"\'\\\$\`]*) exec_path="\"$(printf '%s' "$exec_path" | sed 's/[\\"`$]/\\\\&/g')\"" ;;
esac
escaped_exec="$(printf '%s' "$exec_path" | sed 's/[&|\\]/\\&/g')"
sed "s|^Exec=$NAME|Exec=$escaped_exec|" "$bundle/share/applications/$APP_ID.desktop" \
    >"$apps_dir/$APP_ID.desktop"
chmod 644 "$apps_dir/$APP_ID.desktop"
install -m 644 "$bundle/share/metainfo/$APP_ID.metainfo.xml" "$metainfo_dir/"
for icon in "$bundle"/share/icons/hicolor/*/apps/"$APP_ID".*; do
    size_dir="$(basename "$(dirname "$(dirname "$icon")")")"
    install -D -m 644 "$icon" "$icons_dir/$size_dir/apps/$(basename "$icon")"
done
refresh_caches

echo "Installed $NAME into $prefix"
echo "  run: $bin_link   (menu entry: Teenvio Desktop)"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "  note: $prefix/bin is not on your PATH" ;;
esac
