package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"
)

// These cases fail before anything is built or started, so they are fast.
func TestRunRejectsBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-n", "0"}, "n must be at least 1"},
		{[]string{"-p", "0"}, "parallelism must be at least 1"},
		{[]string{"-latency", "-1s"}, "latency must not be negative"},
		{[]string{"-n", "many"}, "invalid value"},
		{[]string{"-repeat", "0"}, "repeat must be at least 1"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(tt.args, &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
		}
		if stdout.Len() != 0 {
			t.Errorf("run(%q) printed a report: %q", tt.args, stdout.String())
		}
	}
}

func TestRunHelpListsFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-h"}, &stdout, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("run(-h) = %v, want flag.ErrHelp", err)
	}
	for _, name := range []string{"-n", "-p", "-latency", "-repeat", "-profile", "-provider-ldflags", "-json", "-keep"} {
		if !strings.Contains(stderr.String(), name) {
			t.Errorf("usage lacks %s:\n%s", name, stderr.String())
		}
	}
}
