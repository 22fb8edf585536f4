package floorprovider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// floorProvider has no configuration of its own: the benchmark passes the simulator's merchant and
// endpoint in the same CYBERSOURCE_* variables it gives the provider.
type floorProvider struct {
	version string
	getenv  func(string) string
}

// New returns the provider factory for providerserver.Serve.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &floorProvider{version: version, getenv: os.Getenv} }
}

func (p *floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *floorProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{Description: "Benchmark floor: one resource of one attribute."}
}

func (p *floorProvider) Configure(_ context.Context, _ provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	api, err := newCustomerAPI(apiSettings{
		merchantID:   p.getenv("CYBERSOURCE_MERCHANT_ID"),
		keyID:        p.getenv("CYBERSOURCE_KEY_ID"),
		sharedSecret: p.getenv("CYBERSOURCE_SHARED_SECRET"),
		endpoint:     p.getenv("CYBERSOURCE_ENDPOINT"),
	}, p.version)
	if err != nil {
		resp.Diagnostics.AddError("Invalid floor provider settings", err.Error())
		return
	}
	resp.ResourceData = api
}

func (p *floorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return &customerResource{} }}
}

func (p *floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }
