#!/usr/bin/env bash
# tools/sdkcheck/run.sh — runs check.js against a simulator binary, over TLS, once with HTTP
# Signature and once with JWT (a throwaway P12 file from jwt-credentials.js). The simulator picks a
# free loopback port, writes its URL and certificate, and is stopped however the script ends.
#
# Usage: tools/sdkcheck/run.sh path/to/cybersource-simulator   (make sdk-check does it all)
# Environment: KEEP_SDKCHECK_DIR=1 keeps the temporary directory (simulator log, credentials).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
simulator=${1:?usage: run.sh path/to/cybersource-simulator}
[[ -d $here/node_modules/cybersource-rest-client ]] || {
	echo "run.sh: no node_modules in $here; run 'npm ci' there first (make sdk-check does)" >&2
	exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/sdkcheck.XXXXXX")
simulator_pid=""
cleanup() {
	local status=$?
	trap - EXIT INT TERM
	if [[ -n $simulator_pid ]] && kill -0 "$simulator_pid" 2>/dev/null; then
		kill -TERM "$simulator_pid" 2>/dev/null || true
		wait "$simulator_pid" 2>/dev/null || true
	fi
	if ((status == 0)) && [[ -z ${KEEP_SDKCHECK_DIR:-} ]]; then
		rm -rf "$work"
	else
		echo "==> files kept in $work (simulator log: $work/simulator.log)" >&2
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

node "$here/jwt-credentials.js" "$work"
"$simulator" -tls -cert-out "$work/cert.pem" -url-file "$work/url" -config "$work/simulator.json" \
	>"$work/simulator.log" 2>&1 &
simulator_pid=$!
for _ in $(seq 1 300); do
	[[ -s $work/url ]] && break
	kill -0 "$simulator_pid" 2>/dev/null || {
		cat "$work/simulator.log" >&2
		echo "run.sh: the simulator exited before it was ready" >&2
		exit 1
	}
	sleep 0.1
done
[[ -s $work/url ]] || {
	echo "run.sh: the simulator wrote no URL within 30s" >&2
	exit 1
}

export SIMULATOR_URL NODE_EXTRA_CA_CERTS="$work/cert.pem" SDKCHECK_P12_DIR="$work"
SIMULATOR_URL=$(tr -d '[:space:]' <"$work/url")
for auth in http_signature jwt; do
	echo "==> $auth"
	SDKCHECK_AUTH=$auth node "$here/check.js"
done
