#!/usr/bin/env bash
# scripts/demo.sh — the provider end to end, on a machine with nothing but Go and Terraform.
#
# Builds the provider and the simulator into a temporary directory, starts the simulator on a
# free loopback port, points Terraform at the fresh provider through a dev_overrides CLI
# configuration written in that directory (the user's own ~/.terraformrc is never read or
# touched), then applies examples/demo, checks that a second plan is empty, and destroys.
# The simulator is stopped however the script ends (success, failure, Ctrl-C).
#
# The demo's cards are CyberSource's public test card numbers, passed to Terraform as the
# TF_VAR_test_card_numbers variable (an ephemeral input that only reaches the write-only
# card_number_wo argument): no card number is written in the .tf files, the plan or the state.
#
# Environment:
#   KEEP_DEMO_DIR=1   keep the temporary directory (state, logs) even on success
#   TF_DEMO_DIR=path  use this configuration instead of examples/demo
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
demo_config=${TF_DEMO_DIR:-$repo_root/examples/demo}

stage() { printf '\n==> %s\n' "$*"; }
die() {
	printf '\n==> FAILED: %s\n' "$*" >&2
	exit 1
}

command -v go >/dev/null 2>&1 || die "Go is not on PATH; install it from https://go.dev/dl/ (the version in go.mod or newer)."
command -v terraform >/dev/null 2>&1 || die "Terraform is not on PATH; install Terraform 1.11 or newer from https://developer.hashicorp.com/terraform/install."
# The card tokens take their number through a write-only argument, which Terraform supports from
# 1.11 on; older versions would fail at plan time with a less helpful message.
terraform_version=$(terraform version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p')
[[ -n $terraform_version ]] || die "could not read the Terraform version from 'terraform version -json'"
if [[ $(printf '%s\n' 1.11.0 "${terraform_version%%-*}" | sort -V | head -n 1) != 1.11.0 ]]; then
	die "the demo needs Terraform 1.11 or newer (write-only arguments); found $terraform_version"
fi
[[ -d $demo_config ]] || die "no demo configuration at $demo_config"

work=$(mktemp -d "${TMPDIR:-/tmp}/cybersource-demo.XXXXXX")
simulator_pid=""
started=$SECONDS

# summarise_requests prints what the simulator served, from its one-line-per-request log: the
# provider should make one API call per resource operation (tms-api.md §1). Counts are listed in
# a fixed order (POST, GET, PATCH, DELETE, then by status) so that the line reads the same on
# every machine.
summarise_requests() {
	[[ -f $work/simulator.log ]] || return 0
	local counts
	counts=$(awk '/msg=request/ {
			method = ""; status = ""
			for (i = 1; i <= NF; i++) {
				if ($i ~ /^method=/) method = substr($i, 8)
				if ($i ~ /^status=/) status = substr($i, 8)
			}
			n[method " " status]++
		}
		END {
			rank["POST"] = 1; rank["GET"] = 2; rank["PATCH"] = 3; rank["DELETE"] = 4
			for (k in n) {
				split(k, part, " ")
				printf "%d %s %s %d\n", (part[1] in rank ? rank[part[1]] : 5), part[2], part[1], n[k]
			}
		}' "$work/simulator.log" | sort -k1,1n -k2,2n)
	[[ -n $counts ]] || return 0
	awk '{ total += $4; line = line (NR == 1 ? "" : ", ") $3 " " $2 " x" $4 }
		END { printf "\n==> The simulator answered %d requests: %s\n", total, line }' <<<"$counts"
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP PIPE
	if [[ -n $simulator_pid ]] && kill -0 "$simulator_pid" 2>/dev/null; then
		stage "Stopping the simulator (pid $simulator_pid)"
		kill -TERM "$simulator_pid" 2>/dev/null || true
		wait "$simulator_pid" 2>/dev/null || true
	fi
	if ((status == 0)); then
		summarise_requests
		stage "Demo finished in $((SECONDS - started))s: apply, empty second plan and destroy all succeeded"
	else
		printf '\n==> Demo FAILED (exit %d) after %ds\n' "$status" "$((SECONDS - started))" >&2
	fi
	if ((status == 0)) && [[ -z ${KEEP_DEMO_DIR:-} ]]; then
		rm -rf "$work"
	else
		printf '==> Files kept in %s (simulator log: %s/simulator.log)\n' "$work" "$work" >&2
	fi
	exit "$status"
}
trap cleanup EXIT
# Ctrl-C, kill, a closed terminal or a closed pipe (`make demo | head`) end the script through the
# EXIT trap, which stops the simulator; without these traps bash would die without running it.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

stage "Building the provider and the simulator into $work/bin"
mkdir -p "$work/bin"
(
	cd "$repo_root"
	go build -o "$work/bin/terraform-provider-cybersource" .
	go build -o "$work/bin/cybersource-simulator" ./cmd/cybersource-simulator
)

stage "Starting the simulator on a free loopback port"
# The simulator picks the port (127.0.0.1:0) and writes its base URL to a file once it listens,
# so there is no port to guess and no race with other programs.
"$work/bin/cybersource-simulator" -addr 127.0.0.1:0 -url-file "$work/simulator.url" >"$work/simulator.log" 2>&1 &
simulator_pid=$!
for _ in $(seq 1 300); do
	if [[ -s $work/simulator.url ]] && grep -Eq '^https?://' "$work/simulator.url"; then
		break
	fi
	kill -0 "$simulator_pid" 2>/dev/null || {
		cat "$work/simulator.log" >&2
		die "the simulator exited before it was ready"
	}
	sleep 0.1
done
[[ -s $work/simulator.url ]] || die "the simulator did not write its URL within 30s (log: $work/simulator.log)"
simulator_url=$(head -n 1 "$work/simulator.url" | tr -d '[:space:]')
echo "    simulator listening at $simulator_url (pid $simulator_pid, log $work/simulator.log)"

stage "Writing a dev_overrides CLI configuration in $work (your own Terraform configuration is not used)"
cat >"$work/terraform.rc" <<RC
# Written by scripts/demo.sh: use the provider just built instead of a registry download.
provider_installation {
  dev_overrides {
    "registry.terraform.io/cybersource-tf/cybersource" = "$work/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraform.rc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
unset TF_WORKSPACE TF_DATA_DIR

# Credentials travel as environment variables, never in the .tf files. These are the
# simulator's built-in demo values (fake; accepted only by the simulator). Anything CYBERSOURCE_*
# already in the environment (a real P12 file, a profile) is cleared so the demo cannot mix
# real settings with the simulator's.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^CYBERSOURCE_' || true)
export CYBERSOURCE_ENDPOINT="$simulator_url"
export CYBERSOURCE_MERCHANT_ID="tfdemo_merchant"
export CYBERSOURCE_KEY_ID="278c728c-9a17-4d22-b0d8-8a070f07af52"
export CYBERSOURCE_SHARED_SECRET="dGZkZW1vLXNpbXVsYXRvci1zaGFyZWQtc2VjcmV0ISE="

# Card numbers travel the same way: CyberSource's public test numbers (never real cards), one per
# brand, as the value of the configuration's ephemeral test_card_numbers variable.
export TF_VAR_test_card_numbers='{ visa = "4111111111111111", mastercard = "5555555555554444", amex = "378282246310005" }'

mkdir -p "$work/config"
cp -R "$demo_config"/. "$work/config/"
tf() { terraform -chdir="$work/config" "$@"; }
color=()
[[ -t 1 ]] || color=(-no-color)

stage "terraform apply (no terraform init is needed with dev_overrides)"
tf apply -input=false -auto-approve "${color[@]}"

stage "terraform output"
tf output "${color[@]}"

stage "terraform plan -detailed-exitcode: a second plan must show no changes"
set +e
tf plan -input=false -detailed-exitcode "${color[@]}"
plan_status=$?
set -e
case $plan_status in
0) echo "    no changes: the state matches the API exactly" ;;
2) die "the second plan wants changes (a perpetual diff); see the plan above" ;;
*) die "terraform plan failed (exit $plan_status)" ;;
esac

stage "terraform destroy"
tf destroy -input=false -auto-approve "${color[@]}"
