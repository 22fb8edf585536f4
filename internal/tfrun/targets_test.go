package tfrun

import (
	"strings"
	"testing"
)

func TestTargetBinaryNameFollowsTheAddressType(t *testing.T) {
	if got := MainTarget.BinaryName(); got != ProviderBinaryName {
		t.Errorf("MainTarget.BinaryName() = %q, want %q", got, ProviderBinaryName)
	}
	floor := Target{Address: "registry.terraform.io/cybersource-tf/cybersourcefloor"}
	if got := floor.BinaryName(); got != "terraform-provider-cybersourcefloor" {
		t.Errorf("BinaryName() = %q", got)
	}
}

// One CLI configuration must override every address the run uses: terraform
// reads only one TF_CLI_CONFIG_FILE.
func TestCLIConfigOverridesEveryAddress(t *testing.T) {
	config := cliConfig("/opt/p",
		"registry.terraform.io/cybersource-tf/cybersource",
		"registry.terraform.io/cybersource-tf/cybersourcefloor")
	for _, want := range []string{
		`"registry.terraform.io/cybersource-tf/cybersource" = "/opt/p"`,
		`"registry.terraform.io/cybersource-tf/cybersourcefloor" = "/opt/p"`,
	} {
		if strings.Count(config, want) != 1 {
			t.Errorf("CLI config should contain %q once:\n%s", want, config)
		}
	}
	if strings.Count(config, "dev_overrides {") != 1 {
		t.Errorf("want exactly one dev_overrides block:\n%s", config)
	}
}
