package simulator

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// jwtParser only accepts RS256 (tms-api.md §5b). Time claims are checked by verifyJWT itself so
// that they follow the simulator's clock and its ClockSkew switch.
var jwtParser = jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithoutClaimsValidation())

// verifyJWT checks a tms-api.md §5b bearer token: signature by the certificate named by kid, then
// the claims that bind it to this exact request, and returns the merchant it acts for.
func (s *Simulator) verifyJWT(r *http.Request, body []byte, token string) (string, error) {
	var key *jwtKey
	claims := jwt.MapClaims{}
	_, err := jwtParser.ParseWithClaims(token, claims, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		key = s.creds.jwtKeys[kid]
		if key == nil {
			return nil, fmt.Errorf("unknown kid %q", kid)
		}
		return key.cert.PublicKey, nil
	})
	if err != nil {
		return "", fmt.Errorf("jwt: %w", err)
	}
	if err := s.checkJWTTimes(claims); err != nil {
		return "", err
	}
	if iss := claimString(claims, "iss"); iss != key.issuer {
		return "", fmt.Errorf("jwt iss %q is not the certificate's merchant %q", iss, key.issuer)
	}
	merchantID := claimString(claims, "v-c-merchant-id")
	if !key.actsFor[merchantID] {
		return "", fmt.Errorf("jwt may not act for merchant %q", merchantID)
	}
	if h := r.Header.Get("v-c-merchant-id"); h != "" && h != merchantID {
		return "", fmt.Errorf("v-c-merchant-id header %q differs from the jwt claim %q", h, merchantID)
	}
	if got := claimString(claims, "request-host"); got != r.Host {
		return "", fmt.Errorf("jwt request-host %q is not the request's host %q", got, r.Host)
	}
	if got := claimString(claims, "request-resource-path"); got != r.URL.RequestURI() {
		return "", fmt.Errorf("jwt request-resource-path %q is not %q", got, r.URL.RequestURI())
	}
	if got := claimString(claims, "request-method"); !strings.EqualFold(got, r.Method) {
		return "", fmt.Errorf("jwt request-method %q is not %s", got, r.Method)
	}
	if hasBody(r.Method) {
		if err := checkJWTDigest(claims, body); err != nil {
			return "", err
		}
	}
	return merchantID, nil
}

// checkJWTTimes requires iat and exp; the SDKs set exp = iat + 120 (tms-api.md §5b).
func (s *Simulator) checkJWTTimes(claims jwt.MapClaims) error {
	iat, err := claims.GetIssuedAt()
	if err != nil || iat == nil {
		return errors.New("jwt has no valid iat")
	}
	exp, err := claims.GetExpirationTime()
	if err != nil || exp == nil {
		return errors.New("jwt has no valid exp")
	}
	if s.clockSkew < 0 {
		return nil
	}
	if !s.withinSkew(iat.Time) {
		return fmt.Errorf("jwt iat %s is outside the allowed clock skew of %s", iat.UTC(), s.clockSkew)
	}
	if s.now().After(exp.Time) {
		return fmt.Errorf("jwt expired at %s", exp.UTC())
	}
	return nil
}

// checkJWTDigest accepts both spellings of the algorithm claim: digestAlgorithm (most SDKs) and
// digest-algorithm (the Node SDK), per tms-api.md §5b.
func checkJWTDigest(claims jwt.MapClaims, body []byte) error {
	algorithm := claimString(claims, "digestAlgorithm")
	if algorithm == "" {
		algorithm = claimString(claims, "digest-algorithm")
	}
	if algorithm != "SHA-256" {
		return fmt.Errorf("jwt digest algorithm %q is not SHA-256", algorithm)
	}
	if got, want := claimString(claims, "digest"), bodySHA256(body); got != want {
		return fmt.Errorf("jwt digest %q does not match the body (want %q)", got, want)
	}
	return nil
}

func claimString(claims jwt.MapClaims, name string) string {
	v, _ := claims[name].(string)
	return v
}
