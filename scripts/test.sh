#!/usr/bin/env bash
# The whole test suite: type check, lint, unit, route, database (PGlite and PostgreSQL) and browser tests.
# Installs what the browser tests need and starts PostgreSQL when it is not running, so it passes on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh

# Type check, lint and format side by side (each uses about one core), each one's output shown in turn; any failure
# stops here, before the tests.
checks=$(mktemp -d)
trap 'rm -rf "$checks"' EXIT
npx --no-install tsc --noEmit >"$checks/type-check" 2>&1 &
type_check=$!
npx --no-install eslint . --max-warnings 0 >"$checks/lint" 2>&1 &
lint=$!
npx --no-install prettier --check . --log-level warn >"$checks/format" 2>&1 &
format=$!
failed=0
for step in "type-check $type_check" "lint $lint" "format $format"; do
  read -r name pid <<<"$step"
  if wait "$pid"; then echo "== ${name^}: passed"; else echo "== ${name^}: FAILED"; failed=1; fi
  cat "$checks/$name"
done
[ "$failed" -eq 0 ] || exit 1

echo "== Tests (Vitest: unit, routes, PGlite, PostgreSQL, browser with axe)"
mkdir -p test-results
status=0
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?

if [ "$status" -ne 0 ]; then
  echo "Vitest exited with status $status: see the failures or unhandled errors above."
fi
# One plain closing line that any CI reads: "N passed, N failed".
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $status
