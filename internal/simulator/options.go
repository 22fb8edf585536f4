package simulator

import (
	"crypto/x509"
	"log/slog"
	"time"
)

// defaultClockSkew is how far a request's date may be from the simulator's clock. CyberSource does
// not publish its tolerance; five minutes is the usual gateway choice (inferred).
const defaultClockSkew = 5 * time.Minute

// Options configures a Simulator. The zero value serves the demo merchants and meta key.
type Options struct {
	// Merchants may authenticate with HTTP Signature. nil means DemoMerchants(); pass an empty,
	// non-nil slice for none.
	Merchants []Merchant
	// MetaKeys are portfolio keys (tms-api.md §5a). nil means DemoMetaKeys(); pass an empty, non-nil
	// slice for none.
	MetaKeys []MetaKey
	// JWTCertificates enable JWT authentication (tms-api.md §5b); a JWT's kid selects the
	// certificate whose Subject.SerialNumber equals it.
	JWTCertificates []JWTCertificate
	// ClockSkew bounds the distance between a request's date (or a JWT's iat) and Now.
	// 0 means 5 minutes; negative disables the date, iat and exp checks (for fixed test vectors).
	ClockSkew time.Duration
	// Now is the simulator's clock; nil means time.Now.
	Now func() time.Time
	// Faults are injected into /tms requests only.
	Faults Faults
	// Logger receives one line per request; nil discards.
	Logger *slog.Logger
}

// Merchant is a merchant with an HTTP Signature key. ProfileIDs are the profile-id header values
// the merchant may send (tms-api.md §2); empty means [DemoProfileID].
type Merchant struct {
	ID           string
	KeyID        string
	SharedSecret string // base64, as CyberSource's Business Center shows it
	ProfileIDs   []string
}

// MetaKey is a portfolio's key: it may act for any of MerchantIDs (tms-api.md §5a).
type MetaKey struct {
	KeyID        string
	SharedSecret string // base64
	PortfolioID  string
	MerchantIDs  []string
}

// JWTCertificate lets MerchantID authenticate with JWTs signed by the certificate's key. When
// MerchantID names a meta key's portfolio, the JWT may act for that portfolio's merchants.
type JWTCertificate struct {
	MerchantID  string
	Certificate *x509.Certificate
}

// Faults describes injected failures. Every decision comes from one RNG seeded with Seed, so a
// sequential run is reproducible.
type Faults struct {
	Seed int64
	// Latency is added before every affected request, plus a uniform random share of Jitter.
	Latency, Jitter time.Duration
	// Rates are probabilities in [0, 1], checked in the order reset, 429, 503, 502-after.
	Rate429      float64 // 429 with Retry-After, nothing processed
	Rate503      float64 // 503 before processing, nothing processed
	Rate502After float64 // the request is processed, then the answer is replaced by a gateway 502
	RateReset    float64 // the connection is reset before anything is processed
	// RetryAfter is sent with 429 and 503, rounded up to whole seconds. 0 means 1s; negative sends "0".
	RetryAfter time.Duration
	// Methods limits every fault (latency included) to these HTTP methods; empty means all methods.
	Methods []string
	// ResetMethods, when set, replaces Methods for connection resets.
	ResetMethods []string
}

func (o Options) clockSkew() time.Duration {
	if o.ClockSkew == 0 {
		return defaultClockSkew
	}
	return o.ClockSkew
}
