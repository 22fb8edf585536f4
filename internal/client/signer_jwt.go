package client

import (
	"crypto/rsa"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// jwtLifetime is fixed by CyberSource: exp = iat + 120 s (tms-api.md §5b).
const jwtLifetime = 120 * time.Second

// jwtSigner implements the "v2" JWT scheme with a P12 key (tms-api.md §5b).
type jwtSigner struct {
	key        *rsa.PrivateKey
	kid        string // subject serialNumber attribute of the P12 certificate
	issuer     string // merchant id, or the portfolio id with a meta key
	merchantID string
	newJTI     func() string // replaceable in tests; uuid v4 otherwise
}

func newJWTSigner(key *rsa.PrivateKey, kid, issuer, merchantID string) *jwtSigner {
	return &jwtSigner{key: key, kid: kid, issuer: issuer, merchantID: merchantID, newJTI: uuid.NewString}
}

func (s *jwtSigner) authMethod() string { return AuthMethodJWT }

func (s *jwtSigner) sign(req *http.Request, body []byte, now time.Time) error {
	claims := jwt.MapClaims{
		"iat":             now.Unix(),
		"exp":             now.Add(jwtLifetime).Unix(),
		"iss":             s.issuer,
		"jti":             s.newJTI(),
		"request-host":    requestHost(req),
		"request-method":  strings.ToLower(req.Method),
		"v-c-jwt-version": "2",
		"v-c-merchant-id": s.merchantID,
		// The path with its query string, when there is one, as the official Node SDK (0.0.79
		// and later) and Python SDK sign it (tms-api.md §5b).
		"request-resource-path": req.URL.RequestURI(),
	}
	if hasBody(req.Method) {
		claims["digest"] = bodyDigest(body)
		claims["digestAlgorithm"] = "SHA-256"
	}
	token := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	token.Header["kid"] = s.kid
	signed, err := token.SignedString(s.key)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+signed)
	// The merchant header is not part of the JWT scheme but costs nothing and
	// lets gateways and the simulator route the request before verifying.
	req.Header.Set("v-c-merchant-id", s.merchantID)
	return nil
}
