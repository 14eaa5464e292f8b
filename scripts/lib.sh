#!/usr/bin/env bash
# Shared helpers for scripts/run and scripts/test: dependency installation and the build.
# Every step is idempotent, so both commands can call it on every run.
set -euo pipefail

SSJ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SSJ_ROOT

APT_PACKAGES=(
  build-essential cmake ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev postgresql
  libssl-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  chromium fonts-noto-cjk python3 curl wrk sqlite3
)

log() { printf '\033[1;34m[ssj]\033[0m %s\n' "$*" >&2; }

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are missing; a no-op (about 0.1 s) when all are present.
install_apt() {
  local missing=()
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  log "安装缺少的系统软件包: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -qq >/dev/null
  sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Runs `npm ci` only when package-lock.json changed since the last install.
install_npm() {
  local web="$SSJ_ROOT/web"
  local stamp="$web/node_modules/.ssj-lock-stamp"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$web/package-lock.json"; then return 0; fi
  log "安装前端依赖 (npm ci)"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$web/package-lock.json" "$stamp"
}

# Configures and builds the server in Release mode into build/ (executable build/ssj).
build_server() {
  local jobs
  jobs="$(nproc)"
  export CCACHE_DIR="${CCACHE_DIR:-$SSJ_ROOT/.ccache}"
  if [ ! -f "$SSJ_ROOT/build/CMakeCache.txt" ]; then
    log "配置 CMake (Release)"
    cmake -S "$SSJ_ROOT" -B "$SSJ_ROOT/build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
  fi
  log "编译服务端 (${jobs} 线程)"
  cmake --build "$SSJ_ROOT/build" -j "$jobs"
}

build_web() {
  log "构建前端 (vite build)"
  (cd "$SSJ_ROOT/web" && npm run --silent build >/dev/null)
}

# Starts a throwaway PostgreSQL 15 cluster in a temp dir on a free loopback port and exports
# SSJ_TEST_PG_URL. Call stop_pg (from a trap) to stop it and remove the directory.
PG_BIN=/usr/lib/postgresql/15/bin
start_pg() {
  PG_DIR="$(mktemp -d /tmp/ssj-pg.XXXXXX)"
  PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 \
    --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_DIR/log" >&2; return 1; }
  "${run_as[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ssj_test
  export SSJ_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/ssj_test"
  log "PostgreSQL 15 临时实例已启动: $SSJ_TEST_PG_URL"
}

stop_pg() {
  [ -n "${PG_DIR:-}" ] || return 0
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
