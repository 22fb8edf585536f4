package provider

import (
	"fmt"
	"math/big"
	"net"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// Requests that get no answer are not "rejected" (issue 11, item 5): each kind of transport
// failure has its own summary and advice, and the detail says where the request went and how
// often it was tried.

// closedLoopbackURL is an http URL on a loopback port nothing listens on.
func closedLoopbackURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	return url
}

// transportCase is one way of getting no answer.
type transportCase struct {
	opts     Options // what the configuration cannot express (an endpoint serving an untrusted certificate)
	endpoint string  // the provider's endpoint attribute, when set
	// want matches the diagnostic: its summary, what happened and the attempts made.
	want string
}

func transportCases(t *testing.T) map[string]transportCase {
	refused := closedLoopbackURL(t)
	cases := map[string]transportCase{
		"connection refused": {
			endpoint: refused,
			// Nothing was sent, so the request is retried (max_retries = 1 here).
			want: `(?s)Unable to Read Customer: Connection Failed.*no\s+connection\s+could\s+be\s+made\s+to\s+` +
				regexp.QuoteMeta(refused) + `\.\s.*2\s+attempts\s+were\s+made.*endpoint`,
		},
	}
	if !sandboxMode() {
		// A TLS simulator whose certificate the provider does not trust.
		e := startAccEnv(t, simulator.Options{}, true)
		cases["untrusted certificate"] = transportCase{
			opts: Options{Endpoint: e.server.URL},
			want: `(?s)Unable to Read Customer: TLS Connection Refused.*no\s+trusted\s+TLS\s+connection\s+could\s+be\s+made\s+to\s+` +
				regexp.QuoteMeta(e.server.URL) + `\.\s+It\s+was\s+tried\s+once.*certificate.*Retrying\s+will\s+not\s+help`,
		}
	}
	return cases
}

// TestAccProvider_transportFailures: through Terraform, each failure gets its own summary.
func TestAccProvider_transportFailures(t *testing.T) {
	for name, c := range transportCases(t) {
		t.Run(name, func(t *testing.T) {
			lines := []string{demoMerchant, demoKeyID, demoSecret, "max_retries = 1"}
			if c.endpoint != "" {
				lines = append(lines, fmt.Sprintf("endpoint = %q", c.endpoint))
			}
			clearProviderEnv(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
					"cybersource": providerserver.NewProtocol6WithError(NewWithOptions("test", c.opts)()),
				},
				Steps: []resource.TestStep{misconfigurationStep(providerBlock(lines...), c.want)},
			})
		})
	}
}

// TestTransportFailureDiagnostics_throughProtocol: the same reads through the protocol server, where the whole
// diagnostic can be inspected: exactly one, and not worded as a refusal by CyberSource.
func TestTransportFailureDiagnostics_throughProtocol(t *testing.T) {
	for name, c := range transportCases(t) {
		t.Run(name, func(t *testing.T) {
			attributes := map[string]tftypes.Value{
				"merchant_id":   tftypes.NewValue(tftypes.String, simulator.DemoMerchantID),
				"key_id":        tftypes.NewValue(tftypes.String, simulator.DemoKeyID),
				"shared_secret": tftypes.NewValue(tftypes.String, simulator.DemoSharedSecret),
				"max_retries":   tftypes.NewValue(tftypes.Number, big.NewFloat(1)),
			}
			if c.endpoint != "" {
				attributes["endpoint"] = tftypes.NewValue(tftypes.String, c.endpoint)
			}
			srv, schemas := configuredServer(t, c.opts, attributes)
			dataSource := schemas.DataSourceSchemas["cybersource_tms_customer"].ValueType()
			resp, err := srv.ReadDataSource(t.Context(), &tfprotov6.ReadDataSourceRequest{
				TypeName: "cybersource_tms_customer",
				Config: objectValue(t, dataSource, map[string]tftypes.Value{
					"id": tftypes.NewValue(tftypes.String, "0000000000000000000000000000ABCD"),
				}),
			})
			if err != nil {
				t.Fatal(err)
			}
			text := diagnosticsText(resp.Diagnostics)
			if len(resp.Diagnostics) != 1 || !regexp.MustCompile(c.want).MatchString(text) {
				t.Errorf("diagnostics:\n%s\nwant one matching %s", text, c.want)
			}
			if strings.Contains(strings.ToLower(text), "reject") {
				t.Errorf("a request that got no answer is described as rejected:\n%s", text)
			}
		})
	}
}
