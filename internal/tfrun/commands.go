package tfrun

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// commonFlags keep runs non-interactive and their output free of colour
// codes, so tests can match terraform's diagnostics with plain regexps.
var commonFlags = []string{"-input=false", "-no-color"}

func withFlags(command string, flags []string, extra []string) []string {
	args := append([]string{command}, flags...)
	return append(args, extra...)
}

// Apply runs `terraform apply -auto-approve` with extra flags such as
// "-parallelism=10".
func (r *Runner) Apply(ctx context.Context, extra ...string) (*Result, error) {
	return r.Run(ctx, withFlags("apply", append([]string{"-auto-approve"}, commonFlags...), extra)...)
}

// Destroy runs `terraform destroy -auto-approve`.
func (r *Runner) Destroy(ctx context.Context, extra ...string) (*Result, error) {
	return r.Run(ctx, withFlags("destroy", append([]string{"-auto-approve"}, commonFlags...), extra)...)
}

// Plan runs `terraform plan`.
func (r *Runner) Plan(ctx context.Context, extra ...string) (*Result, error) {
	return r.Run(ctx, withFlags("plan", commonFlags, extra)...)
}

// PlanHasChanges runs `terraform plan -detailed-exitcode` and reports whether
// the plan proposes changes (exit code 2). Exit code 1 is an error.
func (r *Runner) PlanHasChanges(ctx context.Context, extra ...string) (bool, *Result, error) {
	result, err := r.Run(ctx, withFlags("plan", append([]string{"-detailed-exitcode"}, commonFlags...), extra)...)
	var exitErr *ExitError
	if errors.As(err, &exitErr) && result.ExitCode == 2 {
		return true, result, nil
	}
	return false, result, err
}

// Import runs `terraform import ADDRESS ID`.
func (r *Runner) Import(ctx context.Context, address, id string, extra ...string) (*Result, error) {
	args := withFlags("import", commonFlags, extra)
	return r.Run(ctx, append(args, address, id)...)
}

// State is the part of `terraform show -json` the tests and the benchmark
// read: the root module's resources.
type State struct {
	Resources []StateResource
}

// StateResource is one resource instance in state.
type StateResource struct {
	Address string         `json:"address"`
	Type    string         `json:"type"`
	Name    string         `json:"name"`
	Values  map[string]any `json:"values"`
}

// StringValue returns a top-level string attribute, or "" when it is null or
// not a string.
func (s StateResource) StringValue(attribute string) string {
	value, _ := s.Values[attribute].(string)
	return value
}

// OfType returns the resources of one type.
func (s *State) OfType(resourceType string) []StateResource {
	var matching []StateResource
	for _, resource := range s.Resources {
		if resource.Type == resourceType {
			matching = append(matching, resource)
		}
	}
	return matching
}

type showOutput struct {
	Values *struct {
		RootModule struct {
			Resources []StateResource `json:"resources"`
		} `json:"root_module"`
	} `json:"values"`
}

// Show reads the current state with `terraform show -json`. An empty state
// (nothing applied yet, or everything destroyed) yields no resources.
func (r *Runner) Show(ctx context.Context) (*State, error) {
	result, err := r.Run(ctx, "show", "-json", "-no-color")
	if err != nil {
		return nil, err
	}
	var parsed showOutput
	if err := json.Unmarshal([]byte(result.Stdout), &parsed); err != nil {
		return nil, fmt.Errorf("decoding terraform show -json: %w", err)
	}
	state := &State{}
	if parsed.Values != nil {
		state.Resources = parsed.Values.RootModule.Resources
	}
	return state, nil
}

// OutputValue is one root module output from `terraform output -json`.
type OutputValue struct {
	Sensitive bool            `json:"sensitive"`
	Value     json.RawMessage `json:"value"`
}

// Outputs reads the root module outputs with `terraform output -json`.
func (r *Runner) Outputs(ctx context.Context) (map[string]OutputValue, error) {
	result, err := r.Run(ctx, "output", "-json", "-no-color")
	if err != nil {
		return nil, err
	}
	outputs := map[string]OutputValue{}
	if err := json.Unmarshal([]byte(result.Stdout), &outputs); err != nil {
		return nil, fmt.Errorf("decoding terraform output -json: %w", err)
	}
	return outputs, nil
}
