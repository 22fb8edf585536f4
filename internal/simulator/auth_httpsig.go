package simulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// verifyHTTPSignature checks a tms-api.md §5a signature by recomputing the signing string from the
// signer's own headers= list, so any header order the signer chose is honoured, and returns the
// merchant named by v-c-merchant-id.
func (s *Simulator) verifyHTTPSignature(r *http.Request, body []byte, header string) (string, error) {
	params, err := parseSignatureHeader(header)
	if err != nil {
		return "", err
	}
	if !strings.EqualFold(params.algorithm, "HmacSHA256") {
		return "", fmt.Errorf("unsupported signature algorithm %q", params.algorithm)
	}
	key := s.creds.signingKeys[params.keyID]
	if key == nil {
		return "", fmt.Errorf("unknown key id %q", params.keyID)
	}
	if key.secretErr != nil {
		return "", fmt.Errorf("key %q has a shared secret that is not base64: %w", params.keyID, key.secretErr)
	}
	merchantID := r.Header.Get("v-c-merchant-id")
	if merchantID == "" {
		return "", errors.New("no v-c-merchant-id header")
	}
	if !key.actsFor[merchantID] {
		return "", fmt.Errorf("key %q may not act for merchant %q", params.keyID, merchantID)
	}
	if err := checkSignedHeaderList(r.Method, params.headers); err != nil {
		return "", err
	}
	date, err := http.ParseTime(r.Header.Get("Date"))
	if err != nil {
		return "", fmt.Errorf("date header %q is not an HTTP-date", r.Header.Get("Date"))
	}
	if !s.withinSkew(date) {
		return "", fmt.Errorf("date %q is outside the allowed clock skew of %s", r.Header.Get("Date"), s.clockSkew)
	}
	if digest := r.Header.Get("Digest"); hasBody(r.Method) || digest != "" {
		if want := "SHA-256=" + bodySHA256(body); digest != want {
			return "", fmt.Errorf("digest header %q does not match the body (want %q)", digest, want)
		}
	}
	signingString, err := buildSigningString(r, params.headers, key.signedMerchantID)
	if err != nil {
		return "", err
	}
	got, err := base64.StdEncoding.DecodeString(params.signature)
	if err != nil {
		return "", errors.New("signature is not base64")
	}
	mac := hmac.New(sha256.New, key.secret)
	mac.Write([]byte(signingString))
	if !hmac.Equal(got, mac.Sum(nil)) {
		// The usual causes, for the log reader: wrong secret, a signed host other than the
		// request's, a meta key signing the merchant instead of the portfolio id.
		return "", fmt.Errorf("signature does not verify (host %q, signed v-c-merchant-id %q)", r.Host, key.signedMerchantID)
	}
	return merchantID, nil
}

// checkSignedHeaderList enforces the tms-api.md §5a list: host, date, request-target and
// v-c-merchant-id always, digest on POST/PUT/PATCH; the parenthesised (request-target) is refused
// since April 2024.
func checkSignedHeaderList(method string, headers []string) error {
	listed := set(headers)
	if listed["(request-target)"] {
		return errors.New("signed headers use the obsolete (request-target) form")
	}
	required := []string{"host", "date", "request-target", "v-c-merchant-id"}
	if hasBody(method) {
		required = append(required, "digest")
	}
	for _, name := range required {
		if !listed[name] {
			return fmt.Errorf("signed headers %q lack %s", strings.Join(headers, " "), name)
		}
	}
	return nil
}

// buildSigningString joins one `name: value` line per signed header with "\n" and no trailing
// newline (tms-api.md §5a). host is the request's own Host, so a signature made for another host
// cannot verify; the v-c-merchant-id line carries the portfolio id for a meta key.
func buildSigningString(r *http.Request, headers []string, signedMerchantID string) (string, error) {
	var b strings.Builder
	for i, name := range headers {
		var value string
		switch name {
		case "host":
			value = r.Host
		case "request-target":
			value = strings.ToLower(r.Method) + " " + r.URL.RequestURI()
		case "v-c-merchant-id":
			value = signedMerchantID
		default:
			values, ok := r.Header[http.CanonicalHeaderKey(name)]
			if !ok {
				return "", fmt.Errorf("signed header %s is not in the request", name)
			}
			value = strings.Join(values, ", ")
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(name)
		b.WriteString(": ")
		b.WriteString(value)
	}
	return b.String(), nil
}
