package bench

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// terraformVersion reads `terraform version -json`; the benchmark still runs
// without it, so failures just leave the field empty.
func terraformVersion(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "terraform", "version", "-json").Output()
	if err != nil {
		return ""
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if json.Unmarshal(out, &v) != nil {
		return ""
	}
	return v.Version
}

// busyLoad is the 1-minute load average above which a run's timings are
// flagged as taken on a busy machine.
const busyLoad = 1.0

// loadAverage reads the 1-minute load average from /proc/loadavg; zero where
// it is unavailable.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		return 0
	}
	value, err := strconv.ParseFloat(fields[0], 64)
	if err != nil {
		return 0
	}
	return value
}
