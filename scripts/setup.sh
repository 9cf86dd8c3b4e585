#!/usr/bin/env bash
# Installs everything Sync Overview needs to build, serve and test, skipping what is already
# installed at the right version. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

step() { printf '\n== %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

# The two tools are built for use on this machine, not shipped: unoptimised, without the fat LTO
# and single codegen unit their release profiles ask for, and without TLS (Trunk runs offline;
# wasm-bindgen-test-runner talks to a local ChromeDriver). Measured on 2 cores: Trunk 11:00 ->
# 3:43 and wasm-bindgen 5:07 -> 1:08 to build, for about 5 s more per release build and 10 s
# more for the component tests. They build side by side, each filling the other's idle stretches.
tool_build=(env CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=off
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)
logs="$(mktemp -d)"
builds=()
step "Trunk $TRUNK_VERSION"
if have_version trunk "trunk $TRUNK_VERSION"; then
  echo "already installed"
else
  echo "building (log: $logs/trunk.log)"
  "${tool_build[@]}" cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features \
    >"$logs/trunk.log" 2>&1 &
  builds+=("$!:trunk")
fi

step "wasm-bindgen CLI $WASM_BINDGEN_VERSION"
# Not --locked: its lock file wants a crate release the registry here does not have.
if have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" \
  && have_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  echo "already installed"
else
  echo "building (log: $logs/wasm-bindgen.log)"
  "${tool_build[@]}" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --no-default-features \
    >"$logs/wasm-bindgen.log" 2>&1 &
  builds+=("$!:wasm-bindgen")
fi

step "Debian packages: Chromium and ChromeDriver, Firefox ESR, WebKitGTK's WebDriver on a virtual display, PostgreSQL"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# The smoke suite's other engines (tests/engines/): Firefox ESR, and WebKitGTK's MiniBrowser driven
# by WebKitWebDriver, which needs a display (MiniBrowser has no headless mode).
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
[ -x /usr/bin/xauth ] || missing+=(xauth)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then
  echo "already installed: $(/usr/bin/chromium --version 2>/dev/null); $(/usr/bin/firefox-esr --version 2>/dev/null)"
else
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y "${missing[@]}"
fi

step "npm packages (binaryen's wasm-opt, esbuild, playwright-core, puppeteer-core, selenium-webdriver, Testing Library, axe-core)"
stamp=node_modules/.setup-stamp
want="$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "already installed"
else
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  cat package.json package-lock.json | sha256sum | cut -d' ' -f1 >"$stamp"
fi
echo "wasm-opt: $(node_modules/.bin/wasm-opt --version)"

step "Python packages for the API contract test (schemathesis, in .venv)"
stamp=.venv/.setup-stamp
want="$(sha256sum requirements-test.txt | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "already installed"
else
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
  echo "$want" >"$stamp"
fi

step "the workspace's crates (every target's, once: the test run's two halves then build offline)"
# Two Cargo processes that both find a crate missing wait on one lock for the package cache; the
# test run once stalled there for minutes. Fetched here, up front, they never need it.
cargo fetch --locked

for build in "${builds[@]}"; do
  step "waiting for ${build#*:} to build"
  if ! wait "${build%%:*}"; then
    tail -n 40 "$logs/${build#*:}.log"
    echo "building ${build#*:} failed (whole log: $logs/${build#*:}.log)" >&2
    exit 1
  fi
  echo "built: $(tail -n 1 "$logs/${build#*:}.log")"
done
