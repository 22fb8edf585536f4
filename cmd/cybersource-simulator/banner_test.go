package main

import (
	"strings"
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

func TestBanner(t *testing.T) {
	_, merchantCert := testkeys.Generate(t, "m2", "7000000000000000000011")
	_, portfolioCert := testkeys.Generate(t, "p1", "7000000000000000000012")
	httpSig := simulator.Options{Merchants: simulator.DemoMerchants(), MetaKeys: simulator.DemoMetaKeys()}
	jwtOnly := simulator.Options{Merchants: []simulator.Merchant{}, MetaKeys: []simulator.MetaKey{},
		JWTCertificates: []simulator.JWTCertificate{{MerchantID: "m2", Certificate: merchantCert}}}
	portfolio := simulator.Options{
		Merchants: []simulator.Merchant{{ID: "m1", KeyID: "k1", SharedSecret: "c2VjcmV0"}},
		MetaKeys:  []simulator.MetaKey{{KeyID: "mk", SharedSecret: "c2VjcmV0", PortfolioID: "p1", MerchantIDs: []string{"m3", "m4"}}},
		JWTCertificates: []simulator.JWTCertificate{
			{MerchantID: "p1", Certificate: portfolioCert}, {MerchantID: "m2", Certificate: merchantCert},
		},
	}
	tests := []struct {
		name        string
		b           banner
		want, avoid []string
	}{
		{"plain HTTP", banner{url: "http://127.0.0.1:1", opts: httpSig}, []string{
			"export CYBERSOURCE_ENDPOINT=http://127.0.0.1:1\n",
			"export CYBERSOURCE_MERCHANT_ID=" + simulator.DemoMerchantID + "\n",
			"export CYBERSOURCE_SHARED_SECRET=" + simulator.DemoSharedSecret + "\n",
			"curl http://127.0.0.1:1/__simulator/stats\n",
			simulator.DemoMerchantID + ": HTTP Signature, key " + simulator.DemoKeyID,
			simulator.DemoMerchantID + ", " + simulator.OtherMerchantID + ": HTTP Signature with meta key " + simulator.DemoMetaKeyID,
		}, []string{"SSL_CERT_FILE", "--cacert", "JWT"}},
		{"TLS with -cert-out", banner{url: "https://127.0.0.1:1", opts: httpSig, certFile: "sim.pem", certChosen: true}, []string{
			"export SSL_CERT_FILE=sim.pem\n",
			"curl --cacert sim.pem https://127.0.0.1:1/__simulator/stats\n",
		}, []string{"temporary"}},
		{"TLS without -cert-out", banner{url: "https://127.0.0.1:1", opts: httpSig, certFile: "/tmp/x.pem"}, []string{
			"curl --cacert /tmp/x.pem https://127.0.0.1:1/__simulator/stats\n",
			"-cert-out chooses",
		}, nil},
		{"JWT only", banner{url: "http://127.0.0.1:1", opts: jwtOnly}, []string{
			"Or with JWT (certificate serialNumber 7000000000000000000011 of m2",
			"export CYBERSOURCE_MERCHANT_ID=m2\n",
			"export CYBERSOURCE_P12_FILE=",
			"export CYBERSOURCE_P12_PASSWORD=",
			"m2: JWT, certificate serialNumber 7000000000000000000011",
		}, []string{"CYBERSOURCE_SHARED_SECRET=", "HTTP Signature"}},
		{"every method", banner{url: "http://127.0.0.1:1", opts: portfolio}, []string{
			"with HTTP Signature (merchant m1)",
			"export CYBERSOURCE_MERCHANT_ID=m3\n  export CYBERSOURCE_PORTFOLIO_ID=p1\n",
			"m1: HTTP Signature, key k1",
			"m3, m4: HTTP Signature with meta key mk of portfolio p1",
			"m3, m4: JWT with portfolio p1's certificate, serialNumber 7000000000000000000012",
			"m2: JWT, certificate serialNumber 7000000000000000000011",
		}, nil},
		{"no credentials", banner{url: "http://127.0.0.1:1", opts: simulator.Options{Merchants: []simulator.Merchant{}, MetaKeys: []simulator.MetaKey{}}},
			[]string{"nobody"}, []string{"export CYBERSOURCE_MERCHANT_ID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.b.String()
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("banner lacks %q:\n%s", want, got)
				}
			}
			for _, avoid := range tt.avoid {
				if strings.Contains(got, avoid) {
					t.Errorf("banner has %q:\n%s", avoid, got)
				}
			}
		})
	}
}
