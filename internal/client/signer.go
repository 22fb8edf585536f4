package client

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"time"
)

// Authentication method names returned by Client.AuthMethod.
const (
	AuthMethodHTTPSignature = "http_signature"
	AuthMethodMetaKey       = "meta_key"
	AuthMethodJWT           = "jwt"
)

// requestSigner adds authentication headers to a request. It is called for
// every attempt, never once per call, because both the HTTP Signature date
// and the JWT iat/jti must be fresh (tms-api.md §5).
type requestSigner interface {
	authMethod() string
	sign(req *http.Request, body []byte, now time.Time) error
}

// hasBody reports whether the method carries a body and therefore a digest
// (tms-api.md §5a: POST, PUT and PATCH).
func hasBody(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch
}

// bodyDigest is base64(SHA-256(body)) of the exact bytes on the wire; the
// HTTP Signature header prefixes it with "SHA-256=", the JWT claim does not.
func bodyDigest(body []byte) string {
	sum := sha256.Sum256(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// requestHost is the host name as sent: Go sends req.Host when set, and a
// Host header set by hand is ignored (tms-api.md §5a).
func requestHost(req *http.Request) string {
	if req.Host != "" {
		return req.Host
	}
	return req.URL.Host
}
