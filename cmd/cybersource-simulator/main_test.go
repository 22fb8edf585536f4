package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testsupport"
)

func TestParseFlagsRefusals(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"-rate-429", "1.5"}, "between 0 and 1"},
		{[]string{"-rate-reset", "-0.1"}, "between 0 and 1"},
		{[]string{"-cert-out", "x.pem"}, "needs -tls"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-nosuchflag"}, "not defined"},
	}
	for _, tt := range tests {
		if _, err := parseFlags(tt.args, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%v: err %v, want %q", tt.args, err, tt.wantErr)
		}
	}
}

func TestHelpExplainsHowToPointTheProvider(t *testing.T) {
	var out bytes.Buffer
	_, err := parseFlags([]string{"-help"}, &out)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("err %v", err)
	}
	for _, want := range []string{"CYBERSOURCE_ENDPOINT", "SSL_CERT_FILE", simulator.DemoMerchantID, "-rate-502-after", "/__simulator/stats",
		"--cacert", "NODE_EXTRA_CA_CERTS", "CYBERSOURCE_P12_FILE", "shipping-addresses", "payment-instruments", "instrumentidentifiers"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("-help lacks %q", want)
		}
	}
}

func TestOptionsFromConfigAndFlags(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "sim.json")
	if err := os.WriteFile(config, []byte(`{"merchants":[{"id":"m1","keyId":"k1","sharedSecret":"c2VjcmV0","profileIds":["`+simulator.DemoProfileID+`"]}],"metaKeys":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := parseFlags([]string{"-config", config, "-key-id", "k2", "-fault-methods", "post, patch", "-seed", "7"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	opts, err := s.options(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(opts.Merchants) != 1 || opts.Merchants[0].ID != "m1" || opts.Merchants[0].KeyID != "k2" || opts.Merchants[0].SharedSecret != "c2VjcmV0" {
		t.Errorf("merchants %+v", opts.Merchants)
	}
	if opts.MetaKeys == nil || len(opts.MetaKeys) != 0 {
		t.Errorf("metaKeys [] must mean none, got %+v", opts.MetaKeys)
	}
	if strings.Join(opts.Faults.Methods, ",") != "POST,PATCH" || opts.Faults.Seed != 7 {
		t.Errorf("faults %+v", opts.Faults)
	}

	if err := os.WriteFile(config, []byte(`{"merchant":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = parseFlags([]string{"-config", config}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.options(nil); err == nil {
		t.Error("a config with a misspelt key was accepted")
	}
	s, err = parseFlags([]string{"-profile-id", "short"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.options(nil); err == nil {
		t.Error("a short -profile-id was accepted")
	}
}

func TestRunRefusesNonLoopback(t *testing.T) {
	err := run(context.Background(), []string{"-addr", "0.0.0.0:0"}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("err %v", err)
	}
}

// TestRunServesUntilCancelled starts the command as a script would: wait for -url-file, use the
// URL, stop it, and expect a clean exit that removes the URL file.
func TestRunServesUntilCancelled(t *testing.T) {
	dir := t.TempDir()
	urlFile := filepath.Join(dir, "url")
	certFile := filepath.Join(dir, "cert.pem")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr testsupport.SyncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-tls", "-cert-out", certFile, "-url-file", urlFile}, &stdout, &stderr)
	}()

	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if data, err := os.ReadFile(urlFile); err == nil {
			url = strings.TrimSpace(string(data))
		}
	}
	if !strings.HasPrefix(url, "https://127.0.0.1:") {
		t.Fatalf("url file: %q (stderr %s)", url, stderr.String())
	}
	pem, err := os.ReadFile(certFile)
	if err != nil {
		t.Fatal(err)
	}
	client := clientTrusting(t, pem)
	resp, err := client.Get(url + "/__simulator/stats")
	if err != nil {
		t.Fatal(err)
	}
	var stats simulator.Stats
	err = json.NewDecoder(resp.Body).Decode(&stats)
	_ = resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("stats: %d %v", resp.StatusCode, err)
	}
	// An unsigned /tms request is refused, and the log line says why.
	resp, err = client.Get(url + "/tms/v2/customers/ABC")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned request: %d", resp.StatusCode)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, want := range []string{"export CYBERSOURCE_ENDPOINT=" + url, "CYBERSOURCE_MERCHANT_ID=" + simulator.DemoMerchantID, "SSL_CERT_FILE=" + certFile} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	if !strings.Contains(stderr.String(), "status=401") || !strings.Contains(stderr.String(), "auth_failure=") {
		t.Errorf("no request log line for the 401:\n%s", stderr.String())
	}
	if _, err := os.Stat(urlFile); !os.IsNotExist(err) {
		t.Errorf("url file left behind: %v", err)
	}
}

// TestBannerCurlWorks runs the stats command the banner prints, as printed, with and without
// -cert-out: over TLS it must name a certificate file that curl can trust.
func TestBannerCurlWorks(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl is not installed")
	}
	for _, args := range [][]string{{"-tls", "-cert-out", filepath.Join(t.TempDir(), "sim.pem")}, {"-tls"}, {}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			var stdout, stderr testsupport.SyncBuffer
			done := make(chan error, 1)
			go func() { done <- run(ctx, append(args, "-quiet"), &stdout, &stderr) }()
			defer func() {
				cancel()
				if err := <-done; err != nil {
					t.Error(err)
				}
			}()
			var line string
			for deadline := time.Now().Add(10 * time.Second); line == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
				for _, l := range strings.Split(stdout.String(), "\n") {
					if _, command, ok := strings.Cut(l, "Counters and stored objects: "); ok {
						line = command
					}
				}
			}
			fields := strings.Fields(line)
			if len(fields) < 2 || fields[0] != "curl" {
				t.Fatalf("no curl command in the banner:\n%s%s", stdout.String(), stderr.String())
			}
			out, err := exec.Command(curl, append([]string{"--silent", "--show-error", "--fail"}, fields[1:]...)...).CombinedOutput()
			if err != nil || !strings.Contains(string(out), `"objectsStored"`) {
				t.Errorf("%s: %v\n%s", line, err, out)
			}
			if len(args) == 1 { // -tls alone: the command removes its temporary certificate on exit
				cancel()
				if err := <-done; err != nil {
					t.Error(err)
				}
				done <- nil
				if _, err := os.Stat(fields[2]); !os.IsNotExist(err) {
					t.Errorf("temporary certificate %s left behind: %v", fields[2], err)
				}
			}
		})
	}
}
