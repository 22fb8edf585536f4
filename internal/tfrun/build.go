package tfrun

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ProviderBinaryName is the file name terraform looks for in a dev_overrides
// directory: "terraform-provider-" followed by the provider's type name.
const ProviderBinaryName = "terraform-provider-cybersource"

// ProviderAddress is the registry address the dev_overrides entry maps.
const ProviderAddress = "registry.terraform.io/cybersource-tf/cybersource"

// ModuleRoot returns the directory holding the provider's go.mod. It asks the
// go tool first (it honours GOFLAGS and workspaces) and falls back to walking
// up from the working directory, so tests work from any package directory.
func ModuleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err == nil {
		gomod := strings.TrimSpace(string(out))
		if gomod != "" && gomod != os.DevNull {
			return filepath.Dir(gomod), nil
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding module root: %w", err)
	}
	for {
		if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("finding module root: no go.mod above the working directory")
		}
		dir = parent
	}
}

// BuildProvider compiles the provider (the main package at the module root)
// into dir and returns the binary's path. The go build cache makes repeated
// builds cheap, so callers build once per process rather than sharing
// binaries between runs that might be stale.
func BuildProvider(ctx context.Context, dir string) (string, error) {
	root, err := ModuleRoot(ctx)
	if err != nil {
		return "", err
	}
	return buildTarget(ctx, root, dir, MainTarget, BuildOptions{})
}

// WriteCLIConfig writes the dev_overrides CLI configuration for the provider
// into configDir and returns its path, for TF_CLI_CONFIG_FILE. It never
// touches the user's own ~/.terraformrc.
func WriteCLIConfig(configDir, providerDir string) (string, error) {
	return writeCLIConfig(configDir, providerDir, ProviderAddress)
}
