#!/usr/bin/env bash
# Every test tier, as CI runs it: lint, types, unit, integration on PGlite and on the PostgreSQL
# server, production build, e2e in Chromium. Installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."

export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export NEXT_TELEMETRY_DISABLED=1
declare -a TIMINGS=()
REPORTS="$(mktemp -d)"
trap 'rm -rf "$REPORTS"' EXIT

step() {
  local name="$1"; shift
  echo; echo "==> $name"
  local started=$SECONDS
  "$@"
  TIMINGS+=("$(printf '%-28s %4ss' "$name" $((SECONDS - started)))")
}

ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
}

ensure_postgres() {
  if node -e "const c=new (require('pg').Client)({connectionString:process.env.TEST_DATABASE_URL,connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).catch(()=>process.exit(1))"; then
    return
  fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && [ "$(id -u)" -eq 0 ]; then
    echo "Starting the local PostgreSQL server…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    sleep 2
  fi
  node -e "const c=new (require('pg').Client)({connectionString:process.env.TEST_DATABASE_URL,connectionTimeoutMillis:5000});c.connect().then(()=>c.end()).catch(e=>{console.error('PostgreSQL at '+process.env.TEST_DATABASE_URL+' is unreachable ('+e.message+'): start it or set TEST_DATABASE_URL.');process.exit(1)})"
}

step "install dependencies" npm install --no-audit --no-fund
ensure_chromium
ensure_postgres
step "lint" npx eslint .
step "typecheck" npx tsc --noEmit
run_vitest() {
  local report="$1" engine="$2"; shift 2
  TEST_ENGINE="$engine" npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/$report" "$@"
}
step "unit" run_vitest unit.json pglite --project unit
step "integration (PGlite)" run_vitest pglite.json pglite --project integration
step "integration (PostgreSQL)" run_vitest postgres.json postgres --project integration
step "build" npx next build
step "e2e (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e.json" npx playwright test --reporter=list,json

echo; echo "==> time per tier"
printf '  %s\n' "${TIMINGS[@]}"
echo
node scripts/test-summary.mjs "$REPORTS"/unit.json "$REPORTS"/pglite.json "$REPORTS"/postgres.json "$REPORTS"/e2e.json
