package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"
)

// httpSignatureSigner implements CyberSource's HTTP Signature scheme with a
// shared secret, including the meta-key variant (tms-api.md §5a).
type httpSignatureSigner struct {
	keyID  string
	secret []byte // base64-decoded shared secret: the HMAC key
	// merchantID goes in the v-c-merchant-id header; signingMerchantID goes
	// on the signing string's v-c-merchant-id line. They differ only for a
	// meta key, where the signature is made for the portfolio while the
	// request transacts for the merchant.
	merchantID        string
	signingMerchantID string
	metaKey           bool
}

func (s *httpSignatureSigner) authMethod() string {
	if s.metaKey {
		return AuthMethodMetaKey
	}
	return AuthMethodHTTPSignature
}

func (s *httpSignatureSigner) sign(req *http.Request, body []byte, now time.Time) error {
	// Computed once and reused for header and signing string: a second
	// time.Now could cross a second boundary and break the signature.
	date := now.UTC().Format(http.TimeFormat)
	host := requestHost(req)
	target := strings.ToLower(req.Method) + " " + req.URL.RequestURI()

	names := []string{"host", "date", "request-target"}
	values := []string{host, date, target}
	digest := ""
	if hasBody(req.Method) {
		digest = "SHA-256=" + bodyDigest(body)
		names = append(names, "digest")
		values = append(values, digest)
	}
	names = append(names, "v-c-merchant-id")
	values = append(values, s.signingMerchantID)

	signature := s.signatureOf(signingString(names, values))

	req.Header.Set("v-c-merchant-id", s.merchantID)
	req.Header.Set("Date", date)
	if digest != "" {
		req.Header.Set("Digest", digest)
	} else {
		req.Header.Del("Digest")
	}
	req.Header.Set("Signature", `keyid="`+s.keyID+`", algorithm="HmacSHA256", headers="`+strings.Join(names, " ")+`", signature="`+signature+`"`)
	return nil
}

// signingString joins "name: value" lines with "\n" and no trailing newline.
func signingString(names, values []string) string {
	var b strings.Builder
	for i, name := range names {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(name)
		b.WriteString(": ")
		b.WriteString(values[i])
	}
	return b.String()
}

func (s *httpSignatureSigner) signatureOf(signing string) string {
	mac := hmac.New(sha256.New, s.secret)
	mac.Write([]byte(signing)) // hash.Hash.Write never returns an error
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
