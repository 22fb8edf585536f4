package simulator

import (
	"crypto/x509"
	"encoding/base64"
)

// signingKey is one HTTP Signature key id, resolved at New so each request only does a map lookup.
type signingKey struct {
	secret    []byte // decoded shared secret; nil when secretErr is set
	secretErr error
	// signedMerchantID is what the signing string's v-c-merchant-id line must carry: the merchant
	// itself, or the portfolio id for a meta key (tms-api.md §5a).
	signedMerchantID string
	// actsFor is the set of merchants the v-c-merchant-id header may name.
	actsFor map[string]bool
}

// jwtKey is one certificate accepted for JWTs (tms-api.md §5b), found by its subject serialNumber.
type jwtKey struct {
	cert    *x509.Certificate
	issuer  string // the iss claim: merchant id, or portfolio id for a portfolio certificate
	actsFor map[string]bool
}

// credentials is everything authentication and the profile-id check need, built once from Options.
type credentials struct {
	signingKeys map[string]*signingKey
	jwtKeys     map[string]*jwtKey
	// profiles lists each known merchant's profile ids (tms-api.md §2, 424 on anything else).
	profiles map[string]map[string]bool
}

func newCredentials(opts Options) *credentials {
	merchants := opts.Merchants
	if merchants == nil {
		merchants = DemoMerchants()
	}
	metaKeys := opts.MetaKeys
	if metaKeys == nil {
		metaKeys = DemoMetaKeys()
	}
	c := &credentials{
		signingKeys: map[string]*signingKey{},
		jwtKeys:     map[string]*jwtKey{},
		profiles:    map[string]map[string]bool{},
	}
	for _, m := range merchants {
		c.addMerchant(m.ID, m.ProfileIDs)
		c.signingKeys[m.KeyID] = newSigningKey(m.SharedSecret, m.ID, []string{m.ID})
	}
	portfolios := map[string][]string{}
	for _, mk := range metaKeys {
		for _, id := range mk.MerchantIDs {
			c.addMerchant(id, nil)
		}
		portfolios[mk.PortfolioID] = append(portfolios[mk.PortfolioID], mk.MerchantIDs...)
		c.signingKeys[mk.KeyID] = newSigningKey(mk.SharedSecret, mk.PortfolioID, mk.MerchantIDs)
	}
	for _, jc := range opts.JWTCertificates {
		if jc.Certificate == nil {
			continue
		}
		actsFor := portfolios[jc.MerchantID]
		if actsFor == nil {
			actsFor = []string{jc.MerchantID}
			c.addMerchant(jc.MerchantID, nil)
		}
		c.jwtKeys[jc.Certificate.Subject.SerialNumber] = &jwtKey{cert: jc.Certificate, issuer: jc.MerchantID, actsFor: set(actsFor)}
	}
	return c
}

func newSigningKey(secretB64, signedMerchantID string, actsFor []string) *signingKey {
	secret, err := base64.StdEncoding.DecodeString(secretB64)
	if err != nil {
		secret = nil
	}
	return &signingKey{secret: secret, secretErr: err, signedMerchantID: signedMerchantID, actsFor: set(actsFor)}
}

// addMerchant registers a merchant's profiles; a merchant known without profiles gets the demo
// profile so that configurations written for the demo work unchanged.
func (c *credentials) addMerchant(id string, profileIDs []string) {
	if _, known := c.profiles[id]; known && len(profileIDs) == 0 {
		return
	}
	if len(profileIDs) == 0 {
		profileIDs = []string{DemoProfileID}
	}
	c.profiles[id] = set(profileIDs)
}

func set(values []string) map[string]bool {
	m := make(map[string]bool, len(values))
	for _, v := range values {
		m[v] = true
	}
	return m
}
