#!/bin/sh
# Installs the Debian 12 packages NeuroLift needs to build, test and run.
# Runs apt-get directly as root, through sudo otherwise.
# The last lines are for the package test (packaging/test-package.sh): dpkg-dev
# for dpkg-shlibdeps (the .deb's Depends) and dpkg-deb, file to check the
# icons and screenshot, and the validators of the desktop entry, the AppStream
# metainfo, the file type and the manuals. fonts-noto-cjk, what Debian's
# Chinese desktop installs, lets the layout test (tst_layout) measure Chinese
# text in real glyphs instead of empty boxes.
set -eu
packages="
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libgl-dev
  qt6-svg-dev qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  libqcustomplot-dev
  libeigen3-dev libopenblas-openmp-dev
  libsqlite3-dev
  nlohmann-json3-dev
  libcli11-dev
  libxlsxwriter-dev
  python3 python3-openpyxl
  fonts-noto-cjk
  clang libclang-rt-14-dev libomp-dev
  time
  dpkg-dev file
  desktop-file-utils appstream shared-mime-info
  man-db groff-base
"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
echo "NeuroLift build dependencies are installed."
