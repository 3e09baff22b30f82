#!/usr/bin/env bash
# Downloads a released brukervalg for this machine, verifies its SHA-256
# checksum and unpacks it, so a content repository's check starts in
# seconds instead of compiling the tool (action.yml runs this).
#
#   fetch-brukervalg.sh VERSION DEST        installs DEST/brukervalg[.exe]
#   fetch-brukervalg.sh --target            prints the release name for this machine
#
# BRUKERVALG_RELEASES is where the releases are (default: the GitHub
# releases of BRUKERVALG_REPOSITORY, default brukervalg/brukervalg); each
# release v<VERSION>/ holds brukervalg-<target>.tar.gz and SHA256SUMS.
# BRUKERVALG_SHA256, when set, is the expected checksum of the archive and
# is used instead of SHA256SUMS: pinning it in the workflow means a release
# replaced after the fact is refused, not installed.
# tests/fetch_script.rs runs this against a file:// folder.
set -euo pipefail

target() {
  local os arch
  os=$(uname -s)
  arch=$(uname -m)
  case "$arch" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) echo "fetch-brukervalg: no release for the processor $arch" >&2; return 1 ;;
  esac
  case "$os" in
    Linux) echo "$arch-unknown-linux-musl" ;;
    Darwin) echo "$arch-apple-darwin" ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) echo "x86_64-pc-windows-msvc" ;;
    *) echo "fetch-brukervalg: no release for the system $os" >&2; return 1 ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

if [ "${1:-}" = "--target" ]; then
  target
  exit
fi
if [ $# -ne 2 ]; then
  echo "usage: fetch-brukervalg.sh VERSION DEST | --target" >&2
  exit 2
fi
version=${1#v}
dest=$2
case "$version" in
  *[!0-9A-Za-z.+-]* | "") echo "fetch-brukervalg: '$1' is not a version" >&2; exit 2 ;;
esac

releases=${BRUKERVALG_RELEASES:-https://github.com/${BRUKERVALG_REPOSITORY:-brukervalg/brukervalg}/releases/download}
name="brukervalg-$(target).tar.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --proto limits redirects and the address itself to https (and file for tests).
fetch() { curl --fail --silent --show-error --location --proto '=https,file' --retry 3 -o "$2" "$1"; }
fetch "$releases/v$version/$name" "$work/$name"

if [ -n "${BRUKERVALG_SHA256:-}" ]; then
  expected=$BRUKERVALG_SHA256
else
  fetch "$releases/v$version/SHA256SUMS" "$work/SHA256SUMS"
  expected=$(awk -v n="$name" '$2 == n || $2 == "*" n { print $1 }' "$work/SHA256SUMS")
fi
actual=$(sha256 "$work/$name")
if [ -z "$expected" ] || [ "$actual" != "$expected" ]; then
  echo "fetch-brukervalg: checksum of $name does not match (expected '${expected:-none}', got $actual); not installed" >&2
  exit 1
fi

mkdir -p "$dest"
tar -xzf "$work/$name" -C "$work"
for binary in brukervalg brukervalg.exe; do
  if [ -f "$work/$binary" ]; then
    install -m 755 "$work/$binary" "$dest/$binary"
    echo "$dest/$binary"
    exit 0
  fi
done
echo "fetch-brukervalg: $name holds no brukervalg binary" >&2
exit 1
