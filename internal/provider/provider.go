package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

var (
	_ provider.Provider                   = &cybersourceProvider{}
	_ provider.ProviderWithValidateConfig = &cybersourceProvider{}
)

// Options lets tests and benchmarks replace what the configuration cannot express, the way
// terraform-provider-time injects its clock: no globals, no environment tricks.
type Options struct {
	// HTTPClient's Transport carries every request (e.g. one trusting a test server's CA).
	HTTPClient *http.Client
	// Endpoint, when set, overrides the configured `endpoint` and `environment`.
	Endpoint string
	// DefaultItemWait, when set, replaces defaultItemWait: how long a customer's default address
	// or instrument waits, while being deleted, for its siblings to go (default_item.go). Tests
	// shorten it.
	DefaultItemWait time.Duration
}

// cybersourceProvider is the provider; version is set by the release build.
type cybersourceProvider struct {
	version string
	options Options
}

// providerData is what Configure hands to resources and data sources.
type providerData struct {
	client  *client.Client
	secrets []string
	// defaultProfileID is the provider's profile_id ("" for the merchant's default). The client
	// gets no default profile: every call names its profile (effectiveProfile), so that an object
	// created through the merchant's default profile is still reached without a header when the
	// provider block gains a profile_id.
	defaultProfileID string
	authMethod       string // client.AuthMethod*, for advice on rejected credentials
	defaultItemWait  time.Duration
	// logsOff: no provider log line can be kept (providerLogsOff), so none is prepared.
	logsOff bool
	// credentialsRejected is set by the first 401 this provider process receives. With bad
	// credentials every operation would fail the same way, each with the same long error and a
	// request that cannot succeed; after the first, operations fail at once with a short pointer
	// to it.
	credentialsRejected atomic.Bool
}

// operationContext prepares the context of one resource or data source operation: logging
// subsystem and secret masking (see logging.go).
func (d *providerData) operationContext(ctx context.Context) context.Context {
	if d.logsOff {
		return ctx
	}
	return withProviderLogging(ctx, d.secrets)
}

// New returns the provider factory used by the plugin server.
func New(version string) func() provider.Provider {
	return NewWithOptions(version, Options{})
}

// NewWithOptions is New with test/benchmark overrides.
func NewWithOptions(version string, opts Options) func() provider.Provider {
	return func() provider.Provider {
		return &cybersourceProvider{version: version, options: opts}
	}
}

func (p *cybersourceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cybersource"
	resp.Version = p.version
}

func (p *cybersourceProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	environmentChoices := environmentValues()
	resp.Schema = schema.Schema{
		MarkdownDescription: "The CyberSource provider manages Token Management Service (TMS) objects through " +
			"CyberSource's REST API. Authenticate with an HTTP Signature key (`key_id` + `shared_secret`, plus " +
			"`portfolio_id` for a portfolio meta key) or with a P12 certificate (`p12_file` or `p12_base64`, with " +
			"`p12_password`). Every attribute can also be set through the environment variable named in its " +
			"description; a value in the configuration wins over the environment.",
		Attributes: map[string]schema.Attribute{
			"merchant_id": schema.StringAttribute{
				MarkdownDescription: "CyberSource merchant id (the transacting merchant, also with a portfolio meta key). " +
					"Required, here or in `CYBERSOURCE_MERCHANT_ID`.",
				Optional:   true,
				Validators: []validator.String{notEmptyString()},
			},
			"key_id": schema.StringAttribute{
				MarkdownDescription: "Id of the HTTP Signature shared secret key, or of the meta key when `portfolio_id` " +
					"is set. Environment: `CYBERSOURCE_KEY_ID`.",
				Optional:   true,
				Validators: []validator.String{notEmptyString()},
			},
			"shared_secret": schema.StringAttribute{
				MarkdownDescription: "Base64 shared secret of the key named by `key_id`. Environment: " +
					"`CYBERSOURCE_SHARED_SECRET`. Conflicts with `p12_file` and `p12_base64`.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{notEmptyString(), base64Value()},
			},
			"portfolio_id": schema.StringAttribute{
				MarkdownDescription: "Portfolio id for a portfolio meta key: when set, requests are signed with the meta " +
					"key on behalf of `merchant_id`. Environment: `CYBERSOURCE_PORTFOLIO_ID`.",
				Optional:   true,
				Validators: []validator.String{notEmptyString()},
			},
			"p12_file": schema.StringAttribute{
				MarkdownDescription: "Path to the P12 (PKCS#12) file for JWT authentication. Environment: " +
					"`CYBERSOURCE_P12_FILE`. Conflicts with `p12_base64` and `shared_secret`.",
				Optional:   true,
				Validators: []validator.String{notEmptyString()},
			},
			"p12_base64": schema.StringAttribute{
				MarkdownDescription: "Base64 content of the P12 (PKCS#12) file for JWT authentication, e.g. " +
					"`filebase64(\"key.p12\")`. Environment: `CYBERSOURCE_P12_BASE64`. Conflicts with " +
					"`p12_file` and `shared_secret`.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{notEmptyString(), base64Value()},
			},
			"p12_password": schema.StringAttribute{
				MarkdownDescription: "Password of the P12 file. Environment: `CYBERSOURCE_P12_PASSWORD`.",
				Optional:            true,
				Sensitive:           true,
			},
			"key_alias": schema.StringAttribute{
				MarkdownDescription: "Alias of the certificate inside the P12 file. Defaults to `merchant_id`. " +
					"Environment: `CYBERSOURCE_KEY_ALIAS`.",
				Optional:   true,
				Validators: []validator.String{notEmptyString()},
			},
			"environment": schema.StringAttribute{
				MarkdownDescription: "CyberSource environment: one of " + markdownList(client.EnvironmentNames()) +
					", or the host name of one of them (as the official SDKs accept). Defaults to `sandbox`. " +
					"When `endpoint` is set it takes precedence, but `environment` must still be a valid value. " +
					"Environment: `CYBERSOURCE_ENVIRONMENT`.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOfCaseInsensitive(environmentChoices...)},
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "Base URL of the API, taking precedence over `environment` (e.g. a proxy or a " +
					"local simulator): scheme, host and optional port, without a path, such as " +
					"`https://tms-proxy.example.com:8443`. Must use https; plain http is accepted only to a loopback " +
					"address. Environment: `CYBERSOURCE_ENDPOINT`.",
				Optional:   true,
				Validators: []validator.String{endpointURL()},
			},
			"profile_id": schema.StringAttribute{
				MarkdownDescription: "Default TMS profile id (36 characters) sent with every request; a resource's " +
					"own `profile_id` overrides it. When unset, CyberSource uses the merchant's default profile. " +
					"Environment: `CYBERSOURCE_PROFILE_ID`.",
				Optional:   true,
				Validators: []validator.String{profileIDValue()},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a failed request is retried (429, 502, 503, 504 and "+
					"connection errors, with exponential backoff honouring `Retry-After`). Creates are retried only when "+
					"the request provably did not reach CyberSource, because the API has no idempotency key. "+
					"0 disables retries. Defaults to `%d`; at most %d.", defaultMaxRetries, maxMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Timeout of one HTTP attempt, as a Go duration such as `\"60s\"` or `\"2m\"` " +
					"(between 1s and 1h). Defaults to `\"" + defaultRequestTimeout + "\"`. The resource's `timeouts` " +
					"bound the whole operation, retries included.",
				Optional:   true,
				Validators: []validator.String{requestTimeoutValue()},
			},
		},
	}
}

// Configure builds the client from configuration and environment. Every problem is reported on the
// attribute at fault, naming the environment variable when the value came from there.
func (p *cybersourceProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}

	cfg, diags := resolveProviderConfig(m, nil)
	// Mask secrets before anything else can log them.
	ctx = withProviderLogging(ctx, cfg.secrets())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkResolvedConfig(cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	logsOff := providerLogsOff(os.Getenv)
	clientConfig, diags := cfg.clientConfig(p.version, req.TerraformVersion, p.options)
	if logsOff {
		clientConfig.Logger = nil // no exchange is formatted, redacted or handed to tflog
	}
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	c, err := client.New(clientConfig)
	if err != nil {
		addClientConfigError(&resp.Diagnostics, cfg, err)
		return
	}

	tflog.Debug(ctx, "Configured CyberSource client", map[string]any{
		"merchant_id":     cfg.merchantID.value,
		"auth_method":     c.AuthMethod(),
		"base_url":        c.BaseURL(),
		"max_retries":     cfg.maxRetries,
		"request_timeout": cfg.requestTimeout.String(),
	})
	data := &providerData{client: c, secrets: cfg.secrets(), defaultProfileID: cfg.profileID.value,
		authMethod: c.AuthMethod(), defaultItemWait: defaultItemWait, logsOff: logsOff}
	if p.options.DefaultItemWait > 0 {
		data.defaultItemWait = p.options.DefaultItemWait
	}
	resp.ResourceData = data
	resp.DataSourceData = data
}

// addClientConfigError maps a *client.ConfigError to the attribute it concerns.
func addClientConfigError(diags *diag.Diagnostics, cfg resolvedConfig, err error) {
	var configErr *client.ConfigError
	if errors.As(err, &configErr) {
		if s, ok := cfg.settingForField(configErr.Field); ok {
			diags.AddAttributeError(s.path(), "Invalid CyberSource "+s.label,
				fmt.Sprintf("The CyberSource client rejected %s: %s.", s.source(), configErr.Message))
			return
		}
	}
	diags.AddError("Unable to Create CyberSource Client",
		fmt.Sprintf("The CyberSource client could not be created from the provider configuration: %s. "+
			"Check the provider block and the CYBERSOURCE_* environment variables.", err))
}

func (p *cybersourceProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewCustomerResource, NewShippingAddressResource, NewInstrumentIdentifierResource, NewPaymentInstrumentResource,
	}
}

func (p *cybersourceProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewCustomerDataSource, NewShippingAddressesDataSource, NewInstrumentIdentifierDataSource, NewPaymentInstrumentsDataSource,
	}
}

// environmentValues is every accepted `environment` value: the names and their host names.
func environmentValues() []string {
	names := client.EnvironmentNames()
	values := append([]string{}, names...)
	for _, name := range names {
		if host, ok := client.LookupEnvironment(name); ok {
			values = append(values, host)
		}
	}
	return values
}

func markdownList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}
