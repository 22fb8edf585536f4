package tfrun

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// RSSSampler watches /proc for provider processes started from one binary and
// records the largest VmHWM (the kernel's own peak-RSS high-water mark) seen.
//
// Because VmHWM is already a peak, sampling only has to catch each process
// before it exits; a short interval (tens of milliseconds) bounds what can be
// missed to the memory a process grows in its last interval. Linux only: on
// other systems it reports zero.
type RSSSampler struct {
	binary   string
	interval time.Duration

	mu    sync.Mutex
	peaks map[int]uint64        // pid -> largest VmHWM in bytes
	cpu   map[int]time.Duration // pid -> CPU time (user+system) at the last sample

	stop chan struct{}
	done chan struct{}
}

// StartRSSSampler begins sampling the processes whose argv[0] is binary.
func StartRSSSampler(binary string, interval time.Duration) *RSSSampler {
	s := &RSSSampler{
		binary:   binary,
		interval: interval,
		peaks:    map[int]uint64{},
		cpu:      map[int]time.Duration{},
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go s.loop()
	return s
}

func (s *RSSSampler) loop() {
	defer close(s.done)
	ticker := time.NewTicker(s.interval)
	defer ticker.Stop()
	for {
		s.sample()
		select {
		case <-s.stop:
			return
		case <-ticker.C:
		}
	}
}

// Sample is what an RSSSampler observed.
type Sample struct {
	// PeakRSS is the largest VmHWM, in bytes, over all matching processes.
	PeakRSS uint64
	// Processes counts the distinct matching processes seen.
	Processes int
	// CPU is the processes' user+system CPU time as of their last sample; it
	// can miss up to one interval of each process's final work.
	CPU time.Duration
}

// Stop ends sampling and returns what was observed.
func (s *RSSSampler) Stop() Sample {
	close(s.stop)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	var out Sample
	for _, peak := range s.peaks {
		out.PeakRSS = max(out.PeakRSS, peak)
	}
	for _, cpu := range s.cpu {
		out.CPU += cpu
	}
	out.Processes = len(s.peaks)
	return out
}

// commName is what /proc/PID/comm shows for the binary: the kernel truncates
// it to 15 bytes. Checking it first avoids reading every process's cmdline.
func commName(binary string) string {
	base := filepath.Base(binary)
	if len(base) > 15 {
		base = base[:15]
	}
	return base
}

func (s *RSSSampler) sample() {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	comm := commName(s.binary)
	for _, entry := range entries {
		pid, err := strconv.Atoi(entry.Name())
		if err != nil {
			continue
		}
		procDir := filepath.Join("/proc", entry.Name())
		// Processes come and go between ReadDir and these reads; any read
		// error just means the process is gone or not ours.
		name, err := os.ReadFile(filepath.Join(procDir, "comm"))
		if err != nil || strings.TrimSpace(string(name)) != comm {
			continue
		}
		cmdline, err := os.ReadFile(filepath.Join(procDir, "cmdline"))
		if err != nil {
			continue
		}
		argv0, _, _ := bytes.Cut(cmdline, []byte{0})
		if string(argv0) != s.binary {
			continue
		}
		hwm, ok := readVmHWM(filepath.Join(procDir, "status"))
		if !ok {
			continue
		}
		cpu, cpuOK := readCPUTime(filepath.Join(procDir, "stat"))
		s.mu.Lock()
		s.peaks[pid] = max(s.peaks[pid], hwm)
		if cpuOK {
			s.cpu[pid] = max(s.cpu[pid], cpu)
		}
		s.mu.Unlock()
	}
}

// readVmHWM parses the "VmHWM:   12345 kB" line of /proc/PID/status.
func readVmHWM(statusPath string) (uint64, bool) {
	f, err := os.Open(statusPath)
	if err != nil {
		return 0, false
	}
	defer func() { _ = f.Close() }()
	return parseVmHWM(bufio.NewScanner(f))
}

func parseVmHWM(scanner *bufio.Scanner) (uint64, bool) {
	for scanner.Scan() {
		line := scanner.Text()
		rest, found := strings.CutPrefix(line, "VmHWM:")
		if !found {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, false
		}
		kib, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil {
			return 0, false
		}
		return kib * 1024, true
	}
	return 0, false
}

// clockTicksPerSecond is Linux's USER_HZ, the unit of /proc/PID/stat's CPU
// times; it is 100 on every architecture Go supports on Linux.
const clockTicksPerSecond = 100

// readCPUTime returns utime+stime from /proc/PID/stat.
func readCPUTime(statPath string) (time.Duration, bool) {
	data, err := os.ReadFile(statPath)
	if err != nil {
		return 0, false
	}
	return parseCPUTime(string(data))
}

// parseCPUTime reads fields 14 (utime) and 15 (stime) of a /proc/PID/stat
// line. The command name (field 2) may contain spaces and parentheses, so
// fields are counted from the last ')'.
func parseCPUTime(stat string) (time.Duration, bool) {
	end := strings.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, false
	}
	fields := strings.Fields(stat[end+1:])
	// fields[0] is field 3 (state), so utime (14) and stime (15) are 11 and 12.
	if len(fields) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseUint(fields[11], 10, 64)
	stime, err2 := strconv.ParseUint(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * time.Second / clockTicksPerSecond, true
}
