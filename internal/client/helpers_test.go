package client

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// Fake credentials used across the tests (tms-api.md §5a test vector secret).
const (
	testMerchantID = "testmerchant"
	testKeyID      = "08c94330-f618-42a3-b09d-e1e43be5efda"
	testSecret     = "ZXhhbXBsZS1zaGFyZWQtc2VjcmV0LTMyLWJ5dGVzISE="
	testProfileID  = "F75AF380-9D1B-4117-83CD-FF2C0430ECE3"
	testCustomerID = "F2F3ADA770102B51E053A2598D0A9078"
)

// recordedRequest is what a fake server saw.
type recordedRequest struct {
	Method  string
	RawPath string // escaped path as received
	Query   url.Values
	// Target is the escaped path with the query, as signed (tms-api.md §5a request-target, §5b
	// request-resource-path).
	Target string
	Host   string
	Header http.Header
	Body   []byte
}

// recorder collects requests from a handler goroutine.
type recorder struct {
	mu       sync.Mutex
	requests []recordedRequest
}

func (r *recorder) record(req *http.Request) recordedRequest {
	body, _ := io.ReadAll(req.Body)
	rr := recordedRequest{
		Method:  req.Method,
		RawPath: req.URL.EscapedPath(),
		Query:   req.URL.Query(),
		Target:  req.URL.RequestURI(),
		Host:    req.Host,
		Header:  req.Header.Clone(),
		Body:    body,
	}
	r.mu.Lock()
	r.requests = append(r.requests, rr)
	r.mu.Unlock()
	return rr
}

func (r *recorder) all() []recordedRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recordedRequest(nil), r.requests...)
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.requests)
}

// captureLogger is a Logger that keeps every exchange.
type captureLogger struct {
	mu        sync.Mutex
	exchanges []Exchange
	onLog     func(Exchange)
}

func (l *captureLogger) LogExchange(_ context.Context, e Exchange) {
	l.mu.Lock()
	l.exchanges = append(l.exchanges, e)
	hook := l.onLog
	l.mu.Unlock()
	if hook != nil {
		hook(e)
	}
}

func (l *captureLogger) all() []Exchange {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Exchange(nil), l.exchanges...)
}

// testConfig returns an HTTP Signature config for baseURL with retry waits
// small enough that the whole package's tests stay fast.
func testConfig(baseURL string) Config {
	return Config{
		MerchantID:    testMerchantID,
		KeyID:         testKeyID,
		SharedSecret:  testSecret,
		BaseURL:       baseURL,
		MaxRetries:    3,
		RetryWaitMin:  time.Millisecond,
		RetryWaitMax:  4 * time.Millisecond,
		MaxRetryAfter: 5 * time.Millisecond,
		Version:       "test",
	}
}

func newTestClient(t *testing.T, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// startServer runs handler on a loopback httptest server.
func startServer(t *testing.T, handler http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv
}

var signatureParam = regexp.MustCompile(`(\w+)="([^"]*)"`)

// parseSignatureHeader splits keyid="…", algorithm="…", headers="…",
// signature="…" into a map.
func parseSignatureHeader(h string) map[string]string {
	out := map[string]string{}
	for _, m := range signatureParam.FindAllStringSubmatch(h, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// verifyHTTPSignature re-derives the signature the way a server would,
// independently of httpSignatureSigner, and reports what is wrong, if
// anything. signingMerchant is the id expected on the signing string's
// v-c-merchant-id line.
func verifyHTTPSignature(rr recordedRequest, secretB64, signingMerchant string) string {
	params := parseSignatureHeader(rr.Header.Get("Signature"))
	secret, err := base64.StdEncoding.DecodeString(secretB64)
	if err != nil {
		return "bad secret"
	}
	var lines []string
	for _, name := range strings.Fields(params["headers"]) {
		var value string
		switch name {
		case "host":
			value = rr.Host
		case "date":
			value = rr.Header.Get("Date")
		case "request-target":
			value = strings.ToLower(rr.Method) + " " + rr.Target
		case "digest":
			sum := sha256.Sum256(rr.Body)
			value = "SHA-256=" + base64.StdEncoding.EncodeToString(sum[:])
			if rr.Header.Get("Digest") != value {
				return "digest header " + rr.Header.Get("Digest") + " does not match body digest " + value
			}
		case "v-c-merchant-id":
			value = signingMerchant
		default:
			return "unexpected signed header " + name
		}
		lines = append(lines, name+": "+value)
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(strings.Join(lines, "\n")))
	if want := base64.StdEncoding.EncodeToString(mac.Sum(nil)); params["signature"] != want {
		return "signature " + params["signature"] + " != recomputed " + want
	}
	return ""
}

// steppingClock returns a clock that advances one second per call, so
// consecutive signatures must carry different dates.
func steppingClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	now := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
}

func ptr[T any](v T) *T { return &v }

// testOtherProfileID is a second profile of the test merchant, for per-call overrides.
const testOtherProfileID = "0B6B3A3D-5C1E-4F7A-9D2B-8E4C6A1F3B5D"

// simulatorServer is the project's TMS simulator, serving the test merchant (the tms-api.md §5a
// test-vector secret) behind a recorder, so tests can check both what the API did and the exact
// requests the client sent.
type simulatorServer struct {
	URL      string
	Sim      *simulator.Simulator
	requests recorder
}

func startSimulator(t *testing.T, jwtCertificates ...simulator.JWTCertificate) *simulatorServer {
	t.Helper()
	sim := simulator.New(simulator.Options{
		Merchants: []simulator.Merchant{{
			ID: testMerchantID, KeyID: testKeyID, SharedSecret: testSecret,
			ProfileIDs: []string{testProfileID, testOtherProfileID},
		}},
		MetaKeys:        []simulator.MetaKey{},
		JWTCertificates: jwtCertificates,
		// The tests step the client's clock from a fixed date.
		ClockSkew: -1,
	})
	s := &simulatorServer{Sim: sim}
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		rr := s.requests.record(r)
		r.Body = io.NopCloser(bytes.NewReader(rr.Body))
		sim.ServeHTTP(w, r)
	})
	s.URL = srv.URL
	return s
}

// receiptOf keeps the Receipt of a call's Result, for tests that only look at status codes.
func receiptOf[T any](res *Result[T], err error) (*Receipt, error) {
	if res == nil {
		return nil, err
	}
	return &res.Receipt, err
}

// asError is errors.As for tests that read better with a boolean.
func asError[E error](err error, target *E) bool { return errors.As(err, target) }
