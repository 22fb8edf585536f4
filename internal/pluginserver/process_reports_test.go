package pluginserver

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

func TestProcessReportsWriteNothingWhenUnset(t *testing.T) {
	finish := StartProcessReports(func(string) string { return "" })
	if err := finish(); err != nil {
		t.Fatal(err)
	}
}

func TestProcessReportsWriteStatsAndProfiles(t *testing.T) {
	statsDir, profileDir := t.TempDir(), t.TempDir()
	env := map[string]string{StatsDirVariable: statsDir, ProfileDirVariable: profileDir}

	finish := StartProcessReports(func(name string) string { return env[name] })
	if err := finish(); err != nil {
		t.Fatal(err)
	}

	pid := strconv.Itoa(os.Getpid())
	for _, name := range []string{pid + ".cpu.pprof", pid + ".allocs.pprof"} {
		if info, err := os.Stat(filepath.Join(profileDir, name)); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	data, err := os.ReadFile(filepath.Join(statsDir, pid+".stats.json"))
	if err != nil {
		t.Fatal(err)
	}
	var stats ProcessStats
	if err := json.Unmarshal(data, &stats); err != nil {
		t.Fatal(err)
	}
	if stats.AllocBytes == 0 || stats.GOMAXPROCS == 0 || stats.GCPercent == 0 {
		t.Errorf("runtime figures missing: %+v", stats)
	}
	if runtime.GOOS == "linux" && (stats.CPUSeconds() <= 0 || stats.MaxRSSBytes < 1<<20) {
		t.Errorf("kernel figures missing: %+v", stats)
	}
}
