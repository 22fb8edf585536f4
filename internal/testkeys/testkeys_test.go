package testkeys

import (
	"crypto/rsa"
	"testing"

	"software.sslmate.com/src/go-pkcs12"
)

func TestGenerateSetsSubjectAttributes(t *testing.T) {
	key, cert := Generate(t, "tfdemo_merchant", "serial-attr-123")
	if cert.Subject.CommonName != "tfdemo_merchant" {
		t.Errorf("CommonName = %q, want tfdemo_merchant", cert.Subject.CommonName)
	}
	if cert.Subject.SerialNumber != "serial-attr-123" {
		t.Errorf("Subject.SerialNumber = %q, want serial-attr-123", cert.Subject.SerialNumber)
	}
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok || !pub.Equal(&key.PublicKey) {
		t.Error("certificate public key does not match the returned private key")
	}
	if err := cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature); err != nil {
		t.Errorf("certificate is not validly self-signed: %v", err)
	}
}

func TestP12RoundTrip(t *testing.T) {
	key, cert := Generate(t, "alias", "kid-1")
	data := P12(t, key, cert, "s3cret")

	gotKey, gotCert, err := pkcs12.Decode(data, "s3cret")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	rsaKey, ok := gotKey.(*rsa.PrivateKey)
	if !ok || !rsaKey.Equal(key) {
		t.Error("decoded key differs from the encoded one")
	}
	if !gotCert.Equal(cert) {
		t.Error("decoded certificate differs from the encoded one")
	}
	if _, _, err := pkcs12.Decode(data, "wrong"); err == nil {
		t.Error("Decode with a wrong password succeeded")
	}
}

// TestGenerateSharesOneKey pins the documented caching: callers that need a
// second, unrelated key must not expect it from Generate.
func TestGenerateSharesOneKey(t *testing.T) {
	first, firstCert := Generate(t, "a", "1")
	second, secondCert := Generate(t, "b", "2")
	if !first.Equal(second) {
		t.Error("Generate returned different keys; update the doc comment if caching was removed")
	}
	if firstCert.Equal(secondCert) {
		t.Error("Generate returned the same certificate twice")
	}
}
