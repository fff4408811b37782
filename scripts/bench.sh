#!/usr/bin/env bash
# Benchmark command: prints figures, fails nothing on slow numbers (only when a tool breaks).
# Native core, the core in wasm in Chromium, writing L to IndexedDB, cold open to the first
# customer-list render, the release .wasm/.js sizes (raw, gzip, brotli) and Lighthouse's mobile
# audit of the first pages as served precompressed.
#   scripts/bench.sh                      # all parts, after the release build
#   scripts/bench.sh sizes lighthouse     # only some: core, browser, sizes, lighthouse
set -euo pipefail
CD_PARTS="${*:-core browser sizes lighthouse}"
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser   # cds to the repo root

step "parts: $CD_PARTS"
for part in $CD_PARTS; do
  case "$part" in
    core | browser | sizes | lighthouse) ;;
    *) die "unknown part '$part' (core, browser, sizes, lighthouse)" ;;
  esac
done
want() { [[ " $CD_PARTS " == *" $1 "* ]]; }

# Pages Lighthouse audits, as paths under the server's root: one per bundle. Lighthouse starts
# from an empty profile, so each shows its first screen without data (the widget: its notice
# that this device has no portfolio).
LH_PAGES=(/ /check.html "/widget.html?customer=C000001&lang=en")
LH_PORT="${CD_LH_PORT:-4180}"   # clear of the e2e ports (4173-4176)

step "release build (scripts/build.sh)"
scripts/build.sh

if want core; then
  step "native core benchmark (portfolio L)"
  cargo run --quiet --release -p creditdesk-core --example bench
fi

if want browser; then
  step "browser benchmark (portfolio L, Chromium)"
  npx playwright test -c playwright.bench.config.mjs --reporter=list
fi

# Each bundle's budget for its .wasm + .js, gzip -9, in KB (issue 8): the page, its binary.
BUNDLES=("index.html creditdesk-app 450" "check.html creditdesk-field 300" "widget.html creditdesk-widget 200")

if want sizes; then
  step "release .wasm/.js sizes (the .gz/.br that build.sh wrote)"
  bytes() { if [ -f "$1" ]; then wc -c < "$1"; else echo "-"; fi; }  # "-": not written, not smaller
  while IFS= read -r -d '' file; do
    printf '%s: %s bytes raw, %s gzip -9, %s brotli 11\n' \
      "$file" "$(bytes "$file")" "$(bytes "$file.gz")" "$(bytes "$file.br")"
  done < <(find dist -type f \( -name '*.wasm' -o -name '*.js' \) -print0 | sort -z)
  step "per bundle: what its page downloads (.wasm + .js), against its budget"
  for bundle in "${BUNDLES[@]}"; do
    read -r html bin budget <<<"$bundle"
    raw=0; gz=0; br=0
    for file in dist/"$bin"-*_bg.wasm dist/"$bin"-*.js; do
      [ -f "$file" ] || die "no $file: is $bin built by scripts/build.sh?"
      raw=$((raw + $(wc -c < "$file"))); gz=$((gz + $(wc -c < "$file.gz"))); br=$((br + $(wc -c < "$file.br")))
    done
    verdict="within"; [ "$gz" -le $((budget * 1000)) ] || verdict="OVER"
    printf '%-12s %-18s raw %5d KB, gzip %4d KB, brotli %4d KB; budget %d KB gzip: %s\n' \
      "$html" "$bin" $((raw / 1000)) $((gz / 1000)) $((br / 1000)) "$budget" "$verdict"
  done
fi

if want lighthouse; then
  step "lighthouse server (tests/serve.mjs on 127.0.0.1:$LH_PORT)"
  port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$LH_PORT") 2>/dev/null; }
  port_open && die "port $LH_PORT is already in use (set CD_LH_PORT=... to use another)"
  node tests/serve.mjs dist "$LH_PORT" > /dev/null &
  server=$!
  # Stop the server however the script ends, then let setup's handler report a failure: it
  # reads $?, which `(exit rc) ||` restores (under set -e a bare failing command would end the trap).
  trap 'cd_rc=$?; kill "$server" 2>/dev/null || true; (exit "$cd_rc") || cd_on_exit' EXIT
  for _ in $(seq 100); do  # up to 10 s
    port_open && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  port_open || die "tests/serve.mjs did not start on port $LH_PORT"

  mkdir -p target/lighthouse
  for page in "${LH_PAGES[@]}"; do
    step "lighthouse $page (mobile profile, simulated throttling)"
    report="target/lighthouse/$(tr -c 'A-Za-z0-9\n' _ <<<"${page#/}" | sed 's/^$/index/').json"
    # Chromium calls Google at start (sign-in account list, component updates, network time)
    # even with chrome-launcher's --disable-background-networking; the resolver rule fails every
    # host but loopback before any DNS query, so nothing leaves the machine.
    # --no-enable-error-reporting: Lighthouse would otherwise offer to send crash reports.
    CHROME_PATH=/usr/bin/chromium npx --no-install lighthouse "http://127.0.0.1:$LH_PORT$page" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$report" --no-enable-error-reporting --quiet
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const score = (c) => (r.categories[c].score === null ? "n/a" : Math.round(r.categories[c].score * 100));
      const cats = ["performance", "accessibility", "best-practices", "seo"].map((c) => `${c} ${score(c)}`);
      const lcp = r.audits["largest-contentful-paint"].displayValue, tti = r.audits.interactive.displayValue;
      console.log(`${process.argv[2]}: ${cats.join(", ")}; LCP ${lcp}, TTI ${tti}`);
      if (r.runtimeError) console.log(`  lighthouse: ${r.runtimeError.code}: ${r.runtimeError.message}`);
    ' "$report" "$page"
  done
  echo "(full reports: target/lighthouse/*.json)"
fi

CD_STEP="done"
