package main

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"testing"
)

// clientTrusting trusts only the given certificate, as SSL_CERT_FILE would.
func clientTrusting(t *testing.T, certPEM []byte) *http.Client {
	t.Helper()
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(certPEM) {
		t.Fatal("certificate file holds no PEM certificate")
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
}
