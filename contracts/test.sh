#!/usr/bin/env bash
# Runs the whole contract test suite offline with forge (unit, fuzz, invariant tests and the gas
# report). Needs only Node 20 + npm: the npm packages bring solc, OpenZeppelin, forge and anvil.
# Extra arguments go to `forge test` (e.g. ./test.sh --match-contract CreditTokenTest).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/@foundry-rs/forge-linux-amd64/bin/forge ] && [ ! -e node_modules/.bin/forge ]; then
  echo "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
FORGE=node_modules/.bin/forge

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
"$FORGE" test --offline --gas-report -vv "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

summary=$(grep -E "^Ran [0-9]+ test suites?" "$log" | tail -1 || true)
if [ "$status" -eq 0 ]; then
  echo "CONTRACT TESTS PASSED: ${summary:-no summary}"
else
  echo "CONTRACT TESTS FAILED (exit $status): ${summary:-no summary}"
fi
exit "$status"
