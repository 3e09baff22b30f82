#!/usr/bin/env bash
# Accessibility and layout of the built site, proven in a real browser:
# axe-core (every page at 1280 px; a sample also at 360 px and without
# JavaScript), the Nu Html Checker, reflow at 320-1440 px, the <h1> in the
# first phone screen, chart text >= 12 px, no selection promised without
# JavaScript, school wording, filter counts, skip link, visible focus,
# missing sub-resources and, on the pages of choosing, words that stay
# whole (words.mjs). check.mjs's header lists each check; print.mjs's
# what is checked on paper (A4 PDFs: blocks that never split, 16 pt large
# print).
#
#   bash browser-tests/run.sh            build the example site and check it
#   bash browser-tests/run.sh SITE_DIR   check an already built site folder
#
# Needs Node 20+, Java 17+ and Chromium at /usr/bin/chromium (or
# $CHROMIUM_PATH); on Debian: apt-get install -y chromium. Installs nothing
# itself but its own node_modules (npm ci --ignore-scripts).
# First the self-test proves the checker catches each kind of failure on
# browser-tests/fixtures/, then the site is checked. The last line reads
# "N passed, N failed" (pages); the exit code is non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

missing=()
command -v node >/dev/null || missing+=("node (Node.js 20 or newer)")
command -v npm >/dev/null || missing+=("npm")
command -v java >/dev/null || missing+=("java (17 or newer, for the Nu Html Checker)")
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=("chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install -y chromium)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'browser-tests: missing %s\n' "${missing[@]}" >&2
  exit 2
fi

# Our own pinned packages. --ignore-scripts: vnu-jar's postinstall would try
# to download a JRE, and we never download a browser (Debian's is used).
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
fi

echo "== browser-tests: self-test on browser-tests/fixtures/"
if ! node "$here/selftest.mjs"; then
  echo "browser-tests: the self-test failed, so the checker cannot be trusted; the site was not checked" >&2
  exit 1
fi

if [ $# -gt 0 ]; then
  site="$1"
else
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  site="$tmp/site"
  echo "== browser-tests: building the example site into $site"
  # The release build: `cargo test --release` has just compiled it.
  (cd "$root" && cargo run --release --quiet -- build --today 2026-11-27 --output "$site")
fi

if [ $# -eq 0 ]; then
  # The profile form (admin/): loads in Chromium, an edit saved through it
  # passes `check` (builds its own copy of the example; about 20 s).
  echo "== browser-tests: the profile form (cms.mjs)"
  node "$here/cms.mjs"

  # The nynorsk fixture's long, multilingual content pages in every variant
  # (wide table, footnotes, Arabic and Sami sections, 100-question FAQ):
  # about a minute. All its pages take over four, so only these.
  nn="$tmp/nynorsk"
  mkdir -p "$nn/root"
  cp -r "$root/tests/fixtures/nynorsk-site/." "$nn/root/"
  for shared in templates i18n static; do cp -r "$root/$shared" "$nn/root/"; done
  echo "== browser-tests: building and checking the nynorsk fixture's content pages"
  (cd "$root" && cargo run --release --quiet -- build --root "$nn/root" --today 2026-11-27 --output "$nn/site")
  # Also the pages of choosing (home, and the service, provider, comparison
  # and brochure pages of home help and schools) in every variant: nynorsk
  # words break differently, so the words check runs on them too (issue 22).
  node "$here/check.mjs" --only '/(klage|pa-andre-sprak|pa-bokmal|sporsmal-og-svar)/$|^/((stor-skrift/)?(lettlest/)?)?$|/tenester/(praktisk-bistand|skule)/([^/]+/)?$' "$nn/site"
fi

echo "== browser-tests: checking $site"
node "$here/check.mjs" "$site"

# The shortlist that follows the reader (issue 22): bar, limit, provider
# pages, sorting, no storage, no script; about 10 s.
echo "== browser-tests: the shortlist (shortlist.mjs)"
node "$here/shortlist.mjs" "$site"
# On paper (print.mjs): the brochure of the service with the most
# providers in all four variants, its service page and the large-print
# comparison of three, printed to A4 PDFs and read back (about 15 s).
echo "== browser-tests: printing (print.mjs)"
node "$here/print.mjs" "$site"
