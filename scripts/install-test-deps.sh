#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (idempotent: does nothing when all are present).
# chromium: Playwright drives it by path; postgresql: the second provider; fonts-noto-cjk: Korean text
# in screenshots; fonts-nanum: the TrueType Korean font embedded in PDF reports; poppler-utils: pdftotext to read generated reports back.
set -euo pipefail
packages=(chromium fonts-noto-cjk fonts-nanum postgresql poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
