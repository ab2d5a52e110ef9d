#!/usr/bin/env bash
# Installs what the real-editor tests need, outside the extension's own dependencies: Debian's
# Neovim, Emacs with Eglot and Vim with ALE (the other clients of test/lsp/neovim.test.ts,
# eglot.test.ts and ale.test.ts, in npm test), Chromium and build tools, and
# code-server + playwright-core in .editor-test/code-server/ (npm run test:editor). The route and
# its pitfalls: ../shared/EDITOR-TESTS.md. With --debian-only, only the Debian packages.
# Idempotent: a second run only checks and returns.
set -euo pipefail

# code-server 4.100.3 (VS Code 1.100.3) is the last release whose install accepts Node 20.
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
# code-server 4.100.3 pins @vscode/ripgrep 1.15.11 (lib/vscode/npm-shrinkwrap.json), whose
# lib/postinstall.js downloads ripgrep v13.0.0-10 from GitHub unless lib/download.js finds the
# asset in os.tmpdir()/vscode-ripgrep-cache-<package version>/.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10
DEBIAN_PACKAGES=(neovim emacs-nox elpa-eglot vim vim-ale chromium fonts-dejavu-core ripgrep build-essential pkg-config python3
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="${EDITOR_TEST_DEPS_DIR:-$repo_root/.editor-test/code-server}"
started=$SECONDS

log() { printf '[editor-deps] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
  local missing=() package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "Debian packages present"
    return
  fi
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

ripgrep_target() {
  case "$(uname -m)" in
    x86_64) echo x86_64-unknown-linux-musl ;;
    aarch64) echo aarch64-unknown-linux-musl ;;
    *) log "no ripgrep cache recipe for $(uname -m)"; return 1 ;;
  esac
}

# Puts Debian's rg where @vscode/ripgrep's install looks before it tries GitHub.
seed_ripgrep_cache() {
  local cache_dir="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
  local asset="$cache_dir/ripgrep-$RIPGREP_RELEASE-$(ripgrep_target).tar.gz"
  [ -s "$asset" ] && return
  mkdir -p "$cache_dir"
  local staging
  staging="$(mktemp -d)"
  cp /usr/bin/rg "$staging/rg"
  tar czf "$asset" -C "$staging" rg
  rm -rf "$staging"
  log "seeded $asset from /usr/bin/rg"
}

code_server_installed() {
  [ -x "$install_dir/node_modules/.bin/code-server" ] \
    && [ -f "$install_dir/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
    && [ -f "$install_dir/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] \
    && [ -f "$install_dir/node_modules/playwright-core/package.json" ] \
    && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$install_dir/node_modules/code-server/package.json"
}

install_code_server() {
  if code_server_installed; then
    log "code-server $CODE_SERVER_VERSION and playwright-core present in $install_dir"
    return
  fi
  seed_ripgrep_cache
  # npm would keep a half-built code-server as it is, without running its install again.
  rm -rf "$install_dir/node_modules"
  mkdir -p "$install_dir"
  # A package.json of its own keeps these out of the extension's dependencies and lock file.
  cat >"$install_dir/package.json" <<EOF
{
  "name": "iam-policy-tools-editor-test-deps",
  "private": true,
  "description": "code-server and playwright-core for npm run test:editor; written by scripts/install-editor-deps.sh",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  }
}
EOF
  log "installing code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_CORE_VERSION (native modules build from source; a few minutes)"
  # npm 11 skips dependency install scripts unless allowed. code-server's own postinstall runs
  # nested `npm install`s in lib/vscode and lib/vscode/extensions whose native modules (node-pty,
  # kerberos, @parcel/watcher, spdlog, ...) must build too. An allowScripts list in this
  # package.json does not reach those nested installs, and an allow-scripts list in config does
  # not either: npm hands it down as npm_config_allow_scripts, which the nested npm rejects as a
  # command-line flag (EALLOWSCRIPTS). So all scripts are allowed, in this folder only.
  # yes: node-pty's install runs `npx node-gyp`, which a "no" answer cancels.
  # nodedir: node-gyp builds against the installed Node headers instead of downloading them.
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  (
    cd "$install_dir"
    npm_config_dangerously_allow_all_scripts=true \
    npm_config_yes=true \
    npm_config_nodedir=/usr \
    npm_config_unsafe_perm=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false \
      npm install --no-package-lock --omit=dev --loglevel=error
  )
  code_server_installed || { log "code-server install is incomplete in $install_dir"; exit 1; }
}

install_debian_packages
[ "${1:-}" = --debian-only ] || install_code_server
log "ready in $((SECONDS - started)) s"
