#!/bin/bash
# Builds the Debian package from an already built build directory, unpacks it
# into an empty directory tree and checks that what it installs works there:
# both programs start (the workbench offscreen, opening a project), the desktop
# entry, metainfo, file type, icons and manuals are valid, and the manual
# covers every command of `neurolift-cli --help`.
# Usage: test-package.sh BUILD_DIR   (run by CTest as packaging_deb_installs)
set -euo pipefail

build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/neurolift-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
failures=0

step() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 is missing; run packaging/install-deps.sh" >&2; exit 1; }; }
need cpack; need dpkg-deb; need dpkg-shlibdeps; need file; need man

step "cpack -G DEB (from the programs already built in $build)"
# cpack on its own would first build the target "all" of the build directory,
# which inside ctest could rebuild (and race) everything. Instead the install
# rules put what is already built into a staging tree, exactly as cpack's own
# install step does, and cpack packs that tree with the project's CPack
# settings (DEB generator, dpkg-shlibdeps, metadata).
DESTDIR=$work/stage cmake --install "$build" --prefix /usr --strip >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; echo "FAIL: cmake --install" >&2; exit 1; }
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" \
  -D CPACK_INSTALL_CMAKE_PROJECTS= -D "CPACK_INSTALLED_DIRECTORIES=$work/stage;." \
  >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; exit 1; }
debs=("$work"/out/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  cat "$work/cpack.log" >&2
  echo "FAIL: cpack made no single .deb" >&2
  exit 1
fi
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

step "package metadata"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6widgets6 libqt6svg6 libsqlite3-0; do
  case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib" ;; esac
done
[ "$(dpkg-deb -f "$deb" Package)" = neurolift ] || fail "package name is not neurolift"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
[ "$(dpkg-deb -f "$deb" Section)" = science ] || fail "Section is not science"

step "unpack into an empty tree"
dpkg-deb -x "$deb" "$root"
(cd "$root" && find . -type f | sort)
for f in usr/bin/neurolift usr/bin/neurolift-cli \
         usr/share/applications/io.github.neurolift.NeuroLift.desktop \
         usr/share/metainfo/io.github.neurolift.NeuroLift.metainfo.xml \
         usr/share/mime/packages/io.github.neurolift.NeuroLift.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.neurolift.NeuroLift.svg \
         usr/share/man/man1/neurolift.1.gz usr/share/man/man1/neurolift-cli.1.gz; do
  [ -f "$root/$f" ] || fail "the package lacks /$f"
done
for size in 16 22 24 32 48 64 128 256; do
  png=$root/usr/share/icons/hicolor/${size}x${size}/apps/io.github.neurolift.NeuroLift.png
  file -b "$png" 2>/dev/null | grep -q "PNG image data, $size x $size," || fail "no ${size}x${size} PNG icon"
done

# The installed programs, with nothing from the build tree or the user's session.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cli=$root/usr/bin/neurolift-cli
gui=$root/usr/bin/neurolift
format='^neurolift(-cli)? [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,40}|unknown)\)$'

step "neurolift-cli --version"
out=$("$cli" --version) || fail "neurolift-cli --version exits with $?"
echo "$out"
[[ $out =~ $format && $out == neurolift-cli\ * ]] || fail "neurolift-cli --version prints '$out'"

step "neurolift --version (no display)"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$gui" --version) || fail "neurolift --version exits with $?"
echo "$out"
[[ $out =~ $format && $out == neurolift\ * ]] || fail "neurolift --version prints '$out'"

step "neurolift-cli import, then neurolift opens the project offscreen"
{
  echo "customer_id,age,visits,plan,bought"
  for i in $(seq 1 60); do echo "C$i,$((20 + i % 40)),$((i % 7)),$([ $((i % 2)) -eq 0 ] && echo basic || echo plus),$([ $((i % 3)) -eq 0 ] && echo yes || echo no)"; done
} >"$work/customers.csv"
"$cli" import "$work/customers.csv" --project "$work/demo.nlproj" --target bought >"$work/import.log" 2>&1 \
  || { cat "$work/import.log" >&2; fail "neurolift-cli import failed"; }
"$cli" info --project "$work/demo.nlproj" | head -5 || fail "neurolift-cli info failed"
QT_QPA_PLATFORM=offscreen timeout 60 "$gui" --screenshot "$work/shot.png" "$work/demo.nlproj" \
  || fail "neurolift --screenshot exits with $?"
file -b "$work/shot.png" 2>/dev/null | grep -q "PNG image data, 1280 x 800," || fail "no 1280x800 screenshot"
# The project shows: the window differs from an empty workbench's.
QT_QPA_PLATFORM=offscreen timeout 60 "$gui" --screenshot "$work/empty.png" || fail "neurolift --screenshot exits with $?"
if cmp -s "$work/shot.png" "$work/empty.png"; then fail "neurolift did not open the project it was given"; fi

step "the desktop entry"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/io.github.neurolift.NeuroLift.desktop" \
    || fail "desktop-file-validate"
  grep -qx 'Exec=neurolift %f' "$root/usr/share/applications/io.github.neurolift.NeuroLift.desktop" \
    || fail "the desktop entry does not pass the file to neurolift"
else
  echo "desktop-file-validate is not installed; skipped"
fi

step "the AppStream metainfo"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --explain "$root/usr/share/metainfo/io.github.neurolift.NeuroLift.metainfo.xml" \
    || fail "appstreamcli validate"
else
  echo "appstreamcli is not installed; skipped"
fi

step "the .nlproj file type"
if command -v update-mime-database >/dev/null; then
  mkdir -p "$work/mime/packages"
  cp "$root/usr/share/mime/packages/io.github.neurolift.NeuroLift.xml" "$work/mime/packages/"
  update-mime-database "$work/mime" >/dev/null || fail "update-mime-database"
  grep -q ':application/x-neurolift-project:\*\.nlproj$' "$work/mime/globs2" || fail "no *.nlproj glob"
  grep -q 'NLPJ' "$work/mime/magic" || fail "no NLPJ magic"
else
  echo "update-mime-database is not installed; skipped"
fi
# What the magic promises: a project carries "NLPJ" (its SQLite application id) at byte 68.
[ "$(head -c 15 "$work/demo.nlproj")" = "SQLite format 3" ] || fail "a project is not an SQLite file"
[ "$(dd if="$work/demo.nlproj" bs=1 skip=68 count=4 2>/dev/null)" = NLPJ ] || fail "a project lacks NLPJ at byte 68"

step "the manuals"
for page in neurolift neurolift-cli; do
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >"$work/$page.txt") \
    || fail "man -l $page.1.gz"
  [ -z "$warnings" ] || fail "man $page: $warnings"
  grep -q "^NAME" "$work/$page.txt" || fail "man $page does not render"
done
# Every command --help lists has a section ("   inspect FILE ...") in the manual.
commands=$("$cli" --help | sed -n '/^subcommands:/I,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || fail "found no commands in neurolift-cli --help"
for command in $commands; do
  grep -Eq "^   $command( |$)" "$work/neurolift-cli.txt" || fail "the manual lacks the command $command"
done
echo "commands in --help and the manual:" "$(echo "$commands" | tr '\n' ' ')"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "The package installs and works."
