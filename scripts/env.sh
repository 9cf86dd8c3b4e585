# Sourced by the project's scripts: puts the project's pinned tools first on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROMIUM=/usr/bin/chromium
# The wasm builds' flags: those of .cargo/config.toml (which this variable replaces), and the
# crate registry's path taken out of the source paths that panic locations carry (crates.io's
# folder has the same name wherever Cargo is): 5 kB less to download before compression, and
# the same download whichever home directory it was built in.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components \
--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/index.crates.io-1949cf8c6b5b557f/="
