package bench

import (
	"context"
	"os/exec"
	"strings"
	"testing"
)

func TestGenerateConfigDeclaresNCustomers(t *testing.T) {
	config := GenerateConfig(137, 1)
	for _, want := range []string{
		`source = "cybersource-tf/cybersource"`,
		`resource "cybersource_tms_customer" "bench" {`,
		"count = 137",
		`comment               = "generation 1"`,
	} {
		if !strings.Contains(config, want) {
			t.Errorf("config lacks %q:\n%s", want, config)
		}
	}
	for _, secretish := range []string{"shared_secret", "key_id", "endpoint"} {
		if strings.Contains(config, secretish) {
			t.Errorf("config sets %s; credentials must come from the environment", secretish)
		}
	}
}

// changedLines returns the lines of b that differ from the same line of a;
// it fails the test when the two differ in length.
func changedLines(t *testing.T, a, b string) []string {
	t.Helper()
	first, second := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(first) != len(second) {
		t.Fatalf("generations differ in length: %d vs %d lines", len(first), len(second))
	}
	var changed []string
	for i := range first {
		if first[i] != second[i] {
			changed = append(changed, strings.TrimSpace(second[i]))
		}
	}
	return changed
}

// TestGenerateConfigUpdateChangesOneAttribute guards the update phase's
// premise: exactly one line, the comment, differs between generations.
func TestGenerateConfigUpdateChangesOneAttribute(t *testing.T) {
	changed := changedLines(t, GenerateConfig(5, 1), GenerateConfig(5, 2))
	if len(changed) != 1 || !strings.HasPrefix(changed[0], "comment") {
		t.Errorf("changed lines = %q, want only the comment", changed)
	}
}

// TestGenerateConfigIsCanonicalHCL uses `terraform fmt` as the parser: it
// rejects invalid syntax and, with -check, any non-canonical formatting.
func TestGenerateConfigIsCanonicalHCL(t *testing.T) {
	terraform, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform not on PATH")
	}
	for name, config := range map[string]string{"provider": GenerateConfig(3, 2), "floor provider": GenerateFloorConfig(3, 2)} {
		cmd := exec.CommandContext(context.Background(), terraform, "fmt", "-check", "-")
		cmd.Stdin = strings.NewReader(config)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("terraform fmt -check rejected the %s config: %v\n%s", name, err, out)
		}
	}
}

func TestGenerateFloorConfigChangesOnlyTheName(t *testing.T) {
	config := GenerateFloorConfig(7, 1)
	for _, want := range []string{
		`source = "cybersource-tf/cybersourcefloor"`,
		`resource "cybersourcefloor_customer" "bench" {`,
		"count = 7",
	} {
		if !strings.Contains(config, want) {
			t.Errorf("floor config lacks %q:\n%s", want, config)
		}
	}
	changed := changedLines(t, config, GenerateFloorConfig(7, 2))
	if len(changed) != 1 || !strings.HasPrefix(changed[0], "name") {
		t.Errorf("changed lines = %q, want only the name", changed)
	}
}
