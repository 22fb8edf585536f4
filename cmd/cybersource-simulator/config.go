package main

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// fileConfig is the -config file. An omitted section keeps the demo defaults; an empty list means
// none, mirroring simulator.Options.
type fileConfig struct {
	Merchants []struct {
		ID           string   `json:"id"`
		KeyID        string   `json:"keyId"`
		SharedSecret string   `json:"sharedSecret"`
		ProfileIDs   []string `json:"profileIds"`
	} `json:"merchants"`
	MetaKeys []struct {
		KeyID        string   `json:"keyId"`
		SharedSecret string   `json:"sharedSecret"`
		PortfolioID  string   `json:"portfolioId"`
		MerchantIDs  []string `json:"merchantIds"`
	} `json:"metaKeys"`
	JWTCertificates []struct {
		MerchantID      string `json:"merchantId"`
		CertificateFile string `json:"certificateFile"` // PEM; relative to the config file
	} `json:"jwtCertificates"`
}

// loadConfig reads a -config file into opts. Unknown keys are errors so a typo does not silently
// fall back to the demo merchant.
func loadConfig(path string, opts *simulator.Options) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cfg fileConfig
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if cfg.Merchants != nil {
		opts.Merchants = []simulator.Merchant{}
		for _, m := range cfg.Merchants {
			if m.ID == "" || m.KeyID == "" || m.SharedSecret == "" {
				return fmt.Errorf("%s: every merchant needs id, keyId and sharedSecret", path)
			}
			opts.Merchants = append(opts.Merchants, simulator.Merchant{ID: m.ID, KeyID: m.KeyID, SharedSecret: m.SharedSecret, ProfileIDs: m.ProfileIDs})
		}
	}
	if cfg.MetaKeys != nil {
		opts.MetaKeys = []simulator.MetaKey{}
		for _, mk := range cfg.MetaKeys {
			opts.MetaKeys = append(opts.MetaKeys, simulator.MetaKey{KeyID: mk.KeyID, SharedSecret: mk.SharedSecret, PortfolioID: mk.PortfolioID, MerchantIDs: mk.MerchantIDs})
		}
	}
	for _, jc := range cfg.JWTCertificates {
		certPath := jc.CertificateFile
		if !filepath.IsAbs(certPath) {
			certPath = filepath.Join(filepath.Dir(path), certPath)
		}
		cert, err := readCertificate(certPath)
		if err != nil {
			return err
		}
		opts.JWTCertificates = append(opts.JWTCertificates, simulator.JWTCertificate{MerchantID: jc.MerchantID, Certificate: cert})
	}
	return nil
}

func readCertificate(path string) (*x509.Certificate, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "CERTIFICATE" {
		return nil, errors.New(path + ": no PEM CERTIFICATE block")
	}
	return x509.ParseCertificate(block.Bytes)
}
