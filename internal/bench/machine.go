package bench

import (
	"context"
	"os"
	"strconv"
	"strings"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// terraformVersion is the version of the terraform on PATH; the benchmark still runs without it,
// so failures just leave the field empty.
func terraformVersion(ctx context.Context) string {
	v, err := tfrun.TerraformVersion(ctx)
	if err != nil {
		return ""
	}
	return v.String()
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
