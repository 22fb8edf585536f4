package simulator

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"
)

// authFailedBody is what the gateway answers on any authentication failure (tms-api.md §4). It never
// says why: the reason goes to the simulator's log only, as a real gateway would keep it to itself.
const authFailedBody = `{"response":{"rmsg":"Authentication Failed"}}`

// authenticate checks the request's credentials and returns the merchant it acts for. The error is
// the reason for the log, never for the response.
func (s *Simulator) authenticate(r *http.Request, body []byte) (merchantID string, err error) {
	if token, ok := bearerToken(r.Header.Get("Authorization")); ok {
		return s.verifyJWT(r, body, token)
	}
	if sig := r.Header.Get("Signature"); sig != "" {
		return s.verifyHTTPSignature(r, body, sig)
	}
	return "", errors.New("neither a signature header nor a bearer token")
}

func bearerToken(authorization string) (string, bool) {
	scheme, token, ok := strings.Cut(authorization, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// hasBody reports whether the method carries a body that must be covered by a digest
// (tms-api.md §5a, §5b: POST, PUT and PATCH).
func hasBody(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch
}

// bodySHA256 is base64(SHA-256(body)): a plain hash, not an HMAC (tms-api.md §5a).
func bodySHA256(body []byte) string {
	sum := sha256.Sum256(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// withinSkew reports whether t is close enough to now; a negative skew disables the check so fixed
// test vectors (tms-api.md §5a) can be replayed.
func (s *Simulator) withinSkew(t time.Time) bool {
	if s.clockSkew < 0 {
		return true
	}
	d := s.now().Sub(t)
	return d <= s.clockSkew && d >= -s.clockSkew
}
