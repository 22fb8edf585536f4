package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

const usageText = `cybersource-simulator serves a stateful, offline stand-in for the CyberSource Token
Management Service on a loopback address only, with real HTTP Signature and JWT checks:
  /tms/v2/customers[/{id}]                                   POST, GET, PATCH, DELETE
  /tms/v2/customers/{id}/shipping-addresses[/{id}]           list, POST, GET, PATCH, DELETE
  /tms/v2/customers/{id}/payment-instruments[/{id}]          list, POST, GET, PATCH, DELETE
  /tms/v1/instrumentidentifiers[/{id}]                       POST, GET, PATCH, DELETE
  /tms/v1/instrumentidentifiers/{id}/paymentinstruments      list
Credentials default to the fake demo merchants.

Usage:
  cybersource-simulator [flags]

Point the provider at it (the command prints these lines once it listens):
  export CYBERSOURCE_ENDPOINT=http://127.0.0.1:PORT
  export CYBERSOURCE_MERCHANT_ID=%s
  export CYBERSOURCE_KEY_ID=%s
  export CYBERSOURCE_SHARED_SECRET=%s
  export CYBERSOURCE_PROFILE_ID=%s
Also accepted by default: merchant %s (key %s, secret %s) and the meta key
%s (secret %s) of portfolio %s, which may act for both merchants.
With -tls, also trust its certificate: -cert-out sim.pem, then export SSL_CERT_FILE=sim.pem
(Node.js: NODE_EXTRA_CA_CERTS=sim.pem).
Counters and stored objects: curl $CYBERSOURCE_ENDPOINT/__simulator/stats
(with -tls: curl --cacert sim.pem ...).

Config file (-config), every section optional (omitted = demo defaults, [] = none):
  {"merchants":[{"id":"m1","keyId":"...","sharedSecret":"<base64>","profileIds":["<36 chars>"]}],
   "metaKeys":[{"keyId":"...","sharedSecret":"<base64>","portfolioId":"p1","merchantIds":["m1"]}],
   "jwtCertificates":[{"merchantId":"m2","certificateFile":"m2-cert.pem"}]}
A JWT certificate lets its merchant (or, for a portfolio id, the portfolio's merchants) sign with
the P12 file that holds it: export CYBERSOURCE_MERCHANT_ID, CYBERSOURCE_P12_FILE and
CYBERSOURCE_P12_PASSWORD instead of the key id and shared secret.

Flags:
`

func main() {
	os.Exit(exitCode())
}

// exitCode runs the command and maps its outcome to a process exit code; it is separate from main
// so the signal handler is released before os.Exit.
func exitCode() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	default:
		_, _ = fmt.Fprintln(os.Stderr, "cybersource-simulator:", err)
		return 2
	}
}

// settings are the parsed flags.
type settings struct {
	addr, certOut, urlFile, configFile string
	tls, quiet                         bool
	merchant                           simulator.Merchant
	profileID                          string
	clockSkew                          time.Duration
	faults                             simulator.Faults
	faultMethods                       string
	setFlags                           map[string]bool
}

func parseFlags(args []string, stderr io.Writer) (*settings, error) {
	s := &settings{}
	fs := flag.NewFlagSet("cybersource-simulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		_, _ = fmt.Fprintf(fs.Output(), usageText,
			simulator.DemoMerchantID, simulator.DemoKeyID, simulator.DemoSharedSecret, simulator.DemoProfileID,
			simulator.OtherMerchantID, simulator.OtherKeyID, simulator.OtherSharedSecret,
			simulator.DemoMetaKeyID, simulator.DemoMetaKeySecret, simulator.DemoPortfolioID)
		fs.PrintDefaults()
	}
	fs.StringVar(&s.addr, "addr", "127.0.0.1:0", "listen `address`; loopback only (port 0 picks a free port)")
	fs.BoolVar(&s.tls, "tls", false, "serve HTTPS with a fresh self-signed certificate for 127.0.0.1 and localhost")
	fs.StringVar(&s.certOut, "cert-out", "", "with -tls, write the certificate PEM to this `file` (for SSL_CERT_FILE, NODE_EXTRA_CA_CERTS, curl --cacert)")
	fs.StringVar(&s.urlFile, "url-file", "", "write the base URL to this `file` once listening (removed on exit)")
	fs.StringVar(&s.configFile, "config", "", "JSON `file` of merchants, meta keys and JWT certificates (see above)")
	fs.StringVar(&s.merchant.ID, "merchant", simulator.DemoMerchantID, "merchant id of the first merchant")
	fs.StringVar(&s.merchant.KeyID, "key-id", simulator.DemoKeyID, "HTTP Signature key id of the first merchant")
	fs.StringVar(&s.merchant.SharedSecret, "shared-secret", simulator.DemoSharedSecret, "base64 shared secret of the first merchant")
	fs.StringVar(&s.profileID, "profile-id", simulator.DemoProfileID, "profile id (36 characters) the first merchant may send")
	fs.DurationVar(&s.clockSkew, "clock-skew", 5*time.Minute, "allowed distance between a request's date and the clock; negative disables date/expiry checks")
	fs.DurationVar(&s.faults.Latency, "latency", 0, "fixed latency added to each request")
	fs.DurationVar(&s.faults.Jitter, "jitter", 0, "random extra latency, uniform in [0, jitter)")
	fs.Int64Var(&s.faults.Seed, "seed", 1, "seed of the fault RNG (same seed, same faults)")
	fs.Float64Var(&s.faults.Rate429, "rate-429", 0, "share of requests answered 429 with Retry-After (0..1)")
	fs.Float64Var(&s.faults.Rate503, "rate-503", 0, "share answered 503 before processing (0..1)")
	fs.Float64Var(&s.faults.Rate502After, "rate-502-after", 0, "share processed and then answered 502 (0..1)")
	fs.Float64Var(&s.faults.RateReset, "rate-reset", 0, "share whose connection is reset before processing (0..1)")
	fs.StringVar(&s.faultMethods, "fault-methods", "", "comma-separated `methods` the faults apply to (default all)")
	fs.DurationVar(&s.faults.RetryAfter, "retry-after", time.Second, "Retry-After sent with 429 and 503 (rounded up to seconds)")
	fs.BoolVar(&s.quiet, "quiet", false, "do not log one line per request")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	s.setFlags = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { s.setFlags[f.Name] = true })
	for name, rate := range map[string]float64{"rate-429": s.faults.Rate429, "rate-503": s.faults.Rate503, "rate-502-after": s.faults.Rate502After, "rate-reset": s.faults.RateReset} {
		if rate < 0 || rate > 1 {
			return nil, fmt.Errorf("-%s must be between 0 and 1", name)
		}
	}
	for _, m := range strings.Split(s.faultMethods, ",") {
		if m = strings.TrimSpace(m); m != "" {
			s.faults.Methods = append(s.faults.Methods, strings.ToUpper(m))
		}
	}
	if s.certOut != "" && !s.tls {
		return nil, errors.New("-cert-out needs -tls")
	}
	return s, nil
}

// options builds simulator.Options: the config file (if any) over the demo defaults, then the
// merchant flags that were given explicitly over the first merchant.
func (s *settings) options(logger *slog.Logger) (simulator.Options, error) {
	opts := simulator.Options{ClockSkew: s.clockSkew, Faults: s.faults, Logger: logger}
	if s.configFile != "" {
		if err := loadConfig(s.configFile, &opts); err != nil {
			return opts, err
		}
	}
	// The simulator's own defaults, made explicit so that the banner lists them too.
	if opts.Merchants == nil {
		opts.Merchants = simulator.DemoMerchants()
	}
	if opts.MetaKeys == nil {
		opts.MetaKeys = simulator.DemoMetaKeys()
	}
	if len(opts.Merchants) == 0 {
		return opts, nil
	}
	first := &opts.Merchants[0]
	if s.setFlags["merchant"] {
		first.ID = s.merchant.ID
	}
	if s.setFlags["key-id"] {
		first.KeyID = s.merchant.KeyID
	}
	if s.setFlags["shared-secret"] {
		first.SharedSecret = s.merchant.SharedSecret
	}
	if s.setFlags["profile-id"] {
		if len(s.profileID) != 36 {
			return opts, errors.New("-profile-id must be 36 characters (tms-api.md §2)")
		}
		first.ProfileIDs = []string{s.profileID}
	}
	return opts, nil
}

// run is main without process globals, so tests can drive it; it returns when ctx ends.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	var logger *slog.Logger
	if !s.quiet {
		logger = slog.New(slog.NewTextHandler(stderr, nil))
	}
	opts, err := s.options(logger)
	if err != nil {
		return err
	}
	srv, err := simulator.StartAt(s.addr, opts, s.tls)
	if err != nil {
		return err
	}
	if err := s.writeFiles(srv); err != nil {
		return errors.Join(err, srv.Close())
	}
	b := banner{url: srv.URL, opts: opts, certFile: s.certOut, certChosen: s.setFlags["cert-out"]}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return errors.Join(err, srv.Close())
	}

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	if s.urlFile != "" {
		err = errors.Join(err, os.Remove(s.urlFile))
	}
	if s.tls && !s.setFlags["cert-out"] { // the temporary certificate file is the command's own
		err = errors.Join(err, os.Remove(s.certOut))
	}
	return err
}

// writeFiles writes the certificate first and the URL last, each atomically: a script waiting for
// the URL file can then rely on the certificate being in place.
func (s *settings) writeFiles(srv *simulator.Server) error {
	if s.tls && s.certOut == "" {
		s.certOut = filepath.Join(os.TempDir(), fmt.Sprintf("cybersource-simulator-%d.pem", os.Getpid()))
	}
	if s.certOut != "" {
		if err := writeFileAtomic(s.certOut, srv.CertPEM); err != nil {
			return err
		}
	}
	if s.urlFile != "" {
		return writeFileAtomic(s.urlFile, []byte(srv.URL+"\n"))
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
