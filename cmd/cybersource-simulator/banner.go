package main

import (
	"fmt"
	"strings"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// banner describes where the simulator listens and how to reach it.
type banner struct {
	url  string
	opts simulator.Options
	// certFile is the PEM of the TLS certificate ("" without TLS); certChosen is false when the
	// command picked a temporary file because -cert-out was not given.
	certFile   string
	certChosen bool
}

// String is the text printed once listening: how to point the provider at this simulator with each
// way of authenticating the configuration allows, who authenticates how, and a curl command for the
// stats endpoint that works as printed.
func (b banner) String() string {
	var w strings.Builder
	fmt.Fprintf(&w, "CyberSource TMS simulator listening on %s\n", b.url)
	if len(b.opts.Merchants) > 0 {
		m := b.opts.Merchants[0]
		profile := simulator.DemoProfileID
		if len(m.ProfileIDs) > 0 {
			profile = m.ProfileIDs[0]
		}
		fmt.Fprintf(&w, "\nPoint the provider at it with HTTP Signature (merchant %s):\n", m.ID)
		b.exports(&w, "CYBERSOURCE_MERCHANT_ID="+m.ID, "CYBERSOURCE_KEY_ID="+m.KeyID,
			"CYBERSOURCE_SHARED_SECRET="+m.SharedSecret, "CYBERSOURCE_PROFILE_ID="+profile)
	}
	if len(b.opts.JWTCertificates) > 0 {
		c := b.opts.JWTCertificates[0]
		lines := []string{"CYBERSOURCE_MERCHANT_ID=" + c.MerchantID}
		if merchants := b.portfolioMerchants(c.MerchantID); len(merchants) > 0 {
			// A portfolio's certificate signs for the portfolio on behalf of one of its merchants.
			lines = []string{"CYBERSOURCE_MERCHANT_ID=" + merchants[0], "CYBERSOURCE_PORTFOLIO_ID=" + c.MerchantID}
		}
		lines = append(lines,
			"CYBERSOURCE_P12_FILE=<the P12 file with this certificate and its private key>",
			"CYBERSOURCE_P12_PASSWORD=<its password>")
		fmt.Fprintf(&w, "\nOr with JWT (certificate serialNumber %s of %s; unset CYBERSOURCE_KEY_ID and CYBERSOURCE_SHARED_SECRET):\n",
			c.Certificate.Subject.SerialNumber, c.MerchantID)
		b.exports(&w, lines...)
	}
	w.WriteString("\nWho authenticates how:\n")
	for _, line := range b.methods() {
		w.WriteString("  " + line + "\n")
	}
	w.WriteString("\nCounters and stored objects: ")
	if b.certFile == "" {
		fmt.Fprintf(&w, "curl %s/__simulator/stats\n", b.url)
	} else {
		fmt.Fprintf(&w, "curl --cacert %s %s/__simulator/stats\n", b.certFile, b.url)
		if !b.certChosen {
			fmt.Fprintf(&w, "(The certificate is in a temporary file; -cert-out chooses where it goes.)\n")
		}
	}
	w.WriteString("Stop with Ctrl-C.\n")
	return w.String()
}

// exports writes one export line for the endpoint, each of lines, and the trusted certificate.
func (b banner) exports(w *strings.Builder, lines ...string) {
	fmt.Fprintf(w, "  export CYBERSOURCE_ENDPOINT=%s\n", b.url)
	for _, line := range lines {
		fmt.Fprintf(w, "  export %s\n", line)
	}
	if b.certFile != "" {
		fmt.Fprintf(w, "  export SSL_CERT_FILE=%s\n", b.certFile)
	}
}

// methods lists every merchant, meta key and certificate the simulator accepts, one line each.
func (b banner) methods() []string {
	var lines []string
	for _, m := range b.opts.Merchants {
		lines = append(lines, fmt.Sprintf("%s: HTTP Signature, key %s", m.ID, m.KeyID))
	}
	for _, mk := range b.opts.MetaKeys {
		lines = append(lines, fmt.Sprintf("%s: HTTP Signature with meta key %s of portfolio %s", strings.Join(mk.MerchantIDs, ", "), mk.KeyID, mk.PortfolioID))
	}
	for _, c := range b.opts.JWTCertificates {
		if merchants := b.portfolioMerchants(c.MerchantID); len(merchants) > 0 {
			lines = append(lines, fmt.Sprintf("%s: JWT with portfolio %s's certificate, serialNumber %s", strings.Join(merchants, ", "), c.MerchantID, c.Certificate.Subject.SerialNumber))
		} else {
			lines = append(lines, fmt.Sprintf("%s: JWT, certificate serialNumber %s", c.MerchantID, c.Certificate.Subject.SerialNumber))
		}
	}
	if len(lines) == 0 {
		lines = append(lines, "nobody: the configuration accepts no credentials")
	}
	return lines
}

// portfolioMerchants returns the merchants of the portfolio with this id, nil when it is none.
func (b banner) portfolioMerchants(id string) []string {
	var merchants []string
	for _, mk := range b.opts.MetaKeys {
		if mk.PortfolioID == id {
			merchants = append(merchants, mk.MerchantIDs...)
		}
	}
	return merchants
}
