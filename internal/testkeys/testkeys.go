package testkeys

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"sync"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// keyBits matches what CyberSource issues for its P12 files; a smaller key
// would be faster but would not exercise the same code paths in verifiers.
const keyBits = 2048

var (
	cachedKeyOnce sync.Once
	cachedKey     *rsa.PrivateKey
	cachedKeyErr  error
)

// sharedKey returns one RSA key per process. Generating a 2048-bit key takes
// tens to hundreds of milliseconds, and tests that build several certificates
// would otherwise dominate the suite's run time.
func sharedKey() (*rsa.PrivateKey, error) {
	cachedKeyOnce.Do(func() {
		cachedKey, cachedKeyErr = rsa.GenerateKey(rand.Reader, keyBits)
	})
	return cachedKey, cachedKeyErr
}

// Generate returns the process-wide 2048-bit RSA test key (generated once, see sharedKey) and a
// fresh self-signed certificate for it whose Subject has CommonName = commonName and SerialNumber
// (the subject *attribute*, OID 2.5.4.5) = serialAttr. Every call returns the same key, so a test
// that needs a key the certificate does not belong to (a mis-signed JWT) must generate its own.
//
// The subject serialNumber attribute is what CyberSource uses as the JWT "kid"
// (tms-api.md §5b); it is unrelated to the certificate's own serial number,
// which is random here.
func Generate(t testing.TB, commonName, serialAttr string) (*rsa.PrivateKey, *x509.Certificate) {
	t.Helper()
	key, err := sharedKey()
	if err != nil {
		t.Fatalf("testkeys: generating RSA key: %v", err)
	}
	cert, err := selfSign(key, commonName, serialAttr)
	if err != nil {
		t.Fatalf("testkeys: creating certificate: %v", err)
	}
	return key, cert
}

func selfSign(key *rsa.PrivateKey, commonName, serialAttr string) (*x509.Certificate, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return nil, err
	}
	// Backdate NotBefore so that a verifier with a slightly slow clock still
	// accepts the certificate.
	now := time.Now()
	template := &x509.Certificate{
		SerialNumber: serial,
		Subject: pkix.Name{
			CommonName:   commonName,
			SerialNumber: serialAttr,
		},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// P12 encodes key+cert as a PKCS#12 file protected by password (go-pkcs12 Modern encoder).
func P12(t testing.TB, key *rsa.PrivateKey, cert *x509.Certificate, password string) []byte {
	t.Helper()
	data, err := pkcs12.Modern.Encode(key, cert, nil, password)
	if err != nil {
		t.Fatalf("testkeys: encoding PKCS#12: %v", err)
	}
	return data
}
