package client

import (
	"crypto/rsa"
	"crypto/x509"
	"errors"

	"software.sslmate.com/src/go-pkcs12"
)

// loadP12 decodes a CyberSource P12 file and returns the RSA key and the JWT
// "kid" (the subject serialNumber attribute of the chosen certificate,
// tms-api.md §5b). field names the Config field the data came from. An alias
// the user chose must match a certificate, as in the SDKs; the default alias
// (the merchant id) may fall back to the key's own certificate.
func loadP12(data []byte, password, alias string, aliasChosen bool, field string) (*rsa.PrivateKey, string, error) {
	key, leaf, others, err := pkcs12.DecodeChain(data, password)
	if err != nil {
		if errors.Is(err, pkcs12.ErrIncorrectPassword) || errors.Is(err, pkcs12.ErrDecryption) {
			if password == "" {
				return nil, "", configErrorf("P12Password", "is not set, but the P12 file is protected by a password: set it")
			}
			return nil, "", configErrorf("P12Password", "does not decrypt the P12 file (wrong password?)")
		}
		return nil, "", configErrorf(field, "is not a readable PKCS#12 (P12) file: %v", err)
	}
	rsaKey, err := rsaKeyOrError(field, key)
	if err != nil {
		return nil, "", err
	}
	cert := selectCertificate(append([]*x509.Certificate{leaf}, others...), alias, rsaKey)
	if aliasChosen && cert.Subject.CommonName != alias {
		return nil, "", configErrorf("KeyAlias", "%q matches no certificate in the P12 file (the key's certificate is CN=%q)", alias, cert.Subject.CommonName)
	}
	if cert.Subject.SerialNumber == "" {
		return nil, "", configErrorf(field, "certificate %q has no subject serialNumber attribute, which CyberSource uses as the JWT key id", cert.Subject.CommonName)
	}
	return rsaKey, cert.Subject.SerialNumber, nil
}

// selectCertificate mirrors the SDKs as closely as go-pkcs12 allows. The SDKs
// pick the certificate whose PKCS#12 friendly name contains "CN=<alias>"
// (tms-api.md §5b), but go-pkcs12 does not expose bag attributes, so we match
// the alias against the certificate's subject CommonName instead, which is
// what CyberSource puts in that friendly name. Failing that we take the
// certificate that belongs to the private key, and finally the first (leaf)
// certificate, which is where DecodeChain puts the key's own certificate in a
// well-formed file.
func selectCertificate(certs []*x509.Certificate, alias string, key *rsa.PrivateKey) *x509.Certificate {
	for _, c := range certs {
		if c.Subject.CommonName == alias {
			return c
		}
	}
	for _, c := range certs {
		if pub, ok := c.PublicKey.(*rsa.PublicKey); ok && pub.Equal(&key.PublicKey) {
			return c
		}
	}
	return certs[0]
}
