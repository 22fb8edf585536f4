package tfrun

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"

	"github.com/hashicorp/go-version"
)

// TerraformVersion returns the version of the terraform on PATH, from `terraform version -json`.
func TerraformVersion(ctx context.Context) (*version.Version, error) {
	out, err := exec.CommandContext(ctx, "terraform", "version", "-json").Output()
	if err != nil {
		return nil, fmt.Errorf("terraform version: %w", err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return nil, fmt.Errorf("terraform version -json: %w", err)
	}
	return version.NewVersion(v.Version)
}
