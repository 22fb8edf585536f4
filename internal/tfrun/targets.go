package tfrun

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// Target is one provider main package and the registry address terraform
// knows it by. The benchmark builds two (the provider and the floor provider
// fixture) and overrides both in a single CLI configuration.
type Target struct {
	// Package is the main package, relative to the module root ("." for the
	// provider itself).
	Package string
	// Address is the provider's source address, e.g.
	// "registry.terraform.io/cybersource-tf/cybersource".
	Address string
}

// MainTarget is the provider this repository ships.
var MainTarget = Target{Package: ".", Address: ProviderAddress}

// BinaryName is the file name terraform looks for in a dev_overrides
// directory: "terraform-provider-" followed by the address's type name.
func (t Target) BinaryName() string {
	return "terraform-provider-" + path.Base(t.Address)
}

// BuildOptions are what every build of one run shares.
type BuildOptions struct {
	// LDFlags are passed to `go build -ldflags`; the benchmark uses them to
	// set link-time knobs such as the provider's runtime defaults.
	LDFlags string
}

// BuildTargets compiles every target into dir and writes one dev_overrides
// CLI configuration that maps each address to dir. The returned providers
// are in the order of targets; they share Dir and CLIConfigFile and differ
// in Binary, which is what RSS and CPU sampling match on.
func BuildTargets(ctx context.Context, dir string, opts BuildOptions, targets ...Target) ([]*Provider, error) {
	if len(targets) == 0 {
		return nil, fmt.Errorf("building providers: no targets")
	}
	root, err := ModuleRoot(ctx)
	if err != nil {
		return nil, err
	}
	addresses := make([]string, len(targets))
	binaries := make([]string, len(targets))
	for i, target := range targets {
		binaries[i], err = buildTarget(ctx, root, dir, target, opts)
		if err != nil {
			return nil, err
		}
		addresses[i] = target.Address
	}
	config, err := writeCLIConfig(dir, dir, addresses...)
	if err != nil {
		return nil, err
	}
	providers := make([]*Provider, len(targets))
	for i := range targets {
		providers[i] = &Provider{Dir: dir, Binary: binaries[i], CLIConfigFile: config}
	}
	return providers, nil
}

func buildTarget(ctx context.Context, root, dir string, target Target, opts BuildOptions) (string, error) {
	binary := filepath.Join(dir, target.BinaryName())
	args := []string{"build", "-o", binary}
	if opts.LDFlags != "" {
		args = append(args, "-ldflags", opts.LDFlags)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, target.Package)...)
	cmd.Dir = root
	output, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("building %s in %s: %w\n%s", target.Package, root, err, output)
	}
	return binary, nil
}

// cliConfig is the terraform CLI configuration that points each registry
// address at a local directory. The trailing `direct {}` keeps every other
// provider on normal installation, which these configurations never use.
func cliConfig(providerDir string, addresses ...string) string {
	var overrides strings.Builder
	for _, address := range addresses {
		fmt.Fprintf(&overrides, "    %q = %q\n", address, providerDir)
	}
	return fmt.Sprintf(`provider_installation {
  dev_overrides {
%s  }
  direct {}
}
`, overrides.String())
}

func writeCLIConfig(configDir, providerDir string, addresses ...string) (string, error) {
	path := filepath.Join(configDir, "dev_overrides.tfrc")
	if err := os.WriteFile(path, []byte(cliConfig(providerDir, addresses...)), 0o600); err != nil {
		return "", fmt.Errorf("writing CLI configuration: %w", err)
	}
	return path, nil
}
