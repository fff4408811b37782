#!/usr/bin/env bash
# The release build into dist/ (CD_DIST=... for another folder), used by test.sh, serve.sh and
# bench.sh: one `trunk build` per page, merged into dist/, then precompressed FILE.br and
# FILE.gz beside each compressible file so servers can send them as they are (README, Hosting).
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --no-browser   # cds to the repo root

DIST="${CD_DIST:-dist}"
STAGE="target/pages"   # one folder per page: Trunk empties its --dist on every build

# merge DIR LABEL: copies one page's build into $DIST. Pages may share files (sw.js, manifest,
# icons); two different files under one name would silently break a page, so refuse.
merge() {
  local out="$1" file
  step "merge $2 into $DIST/"
  while IFS= read -r -d '' file; do
    file="${file#"$out"/}"
    if [ -e "$DIST/$file" ] && ! cmp -s "$out/$file" "$DIST/$file"; then
      die "$2 writes $file, which an earlier page wrote with different content"
    fi
  done < <(find "$out" -type f -print0)
  cp -R "$out"/. "$DIST"/
}

# trunk_page HTML NAME: builds one page into $STAGE/NAME and merges it into $DIST. Trunk
# always writes the page as index.html; it gets its own name back before the merge.
trunk_page() {
  step "trunk build --release $1"
  trunk build "$1" --release --offline --dist "$STAGE/$2"
  if [ "$1" != index.html ]; then mv "$STAGE/$2/index.html" "$STAGE/$2/$1"; fi
  merge "$STAGE/$2" "$1"
}

# One page per kind of user, each with its own binary (ARCHITECTURE.md, "Bundles"); the desk
# first, as it also copies the files every page shares (sw.js, the manifest, the icons).
page_desk() { trunk_page index.html desk; }
page_field() { trunk_page check.html field; }
page_widget() { trunk_page widget.html widget; }
# The worker is not a page: its files get a module loader and are named in each page
# (window.__CREDITDESK_WORKER__), where the page finds them and the service worker's scan of
# the page caches them (its file names carry Trunk's content hash).
page_worker() {
  local out="$STAGE/worker" js wasm loader
  step "trunk build --release worker.html"
  trunk build worker.html --release --offline --dist "$out"
  rm "$out/index.html"
  js="$(cd "$out" && ls creditdesk-worker-*.js)"
  wasm="$(cd "$out" && ls creditdesk-worker-*_bg.wasm)"
  loader="${js%.js}-loader.js"
  printf "import init from './%s';\ninit({ module_or_path: new URL('./%s', import.meta.url) });\n" \
    "$js" "$wasm" >"$out/$loader"
  merge "$out" worker.html
  # Every page starts it: the desk for imports, exports and backups; the field check and the
  # widget for the check view they read (and the field check's orders).
  for html in index.html check.html widget.html; do
    grep -q '__CREDITDESK_WORKER__ = null' "$DIST/$html" || die "$html has no worker slot"
    sed -i "s|__CREDITDESK_WORKER__ = null|__CREDITDESK_WORKER__ = { loader: '$loader', js: '$js', wasm: '$wasm' }|" \
      "$DIST/$html"
  done
}
PAGES=(page_desk page_field page_widget page_worker)

step "clean $DIST/"
rm -rf "$DIST"
mkdir -p "$DIST"
for page in "${PAGES[@]}"; do "$page"; done

step "precompress $DIST/ (brotli 11, gzip -9)"
node scripts/compress.mjs "$DIST"

CD_STEP="done"
echo "==> release build in $DIST/"
