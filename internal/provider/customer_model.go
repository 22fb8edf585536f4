package provider

import (
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// customerModel is the flat view of a TMS customer (tms-api.md §3) shared by the resource and the
// data source. It is the only place where attributes meet API fields: toCustomer and
// fromCustomer are the whole Terraform <-> client mapping.
type customerModel struct {
	ID                         types.String `tfsdk:"id"`
	ProfileID                  types.String `tfsdk:"profile_id"`
	MerchantCustomerID         types.String `tfsdk:"merchant_customer_id"`
	Email                      types.String `tfsdk:"email"`
	ClientReferenceCode        types.String `tfsdk:"client_reference_code"`
	Title                      types.String `tfsdk:"title"`
	Comment                    types.String `tfsdk:"comment"`
	MerchantDefinedInformation types.Map    `tfsdk:"merchant_defined_information"`
	DefaultPaymentInstrumentID types.String `tfsdk:"default_payment_instrument_id"`
	DefaultShippingAddressID   types.String `tfsdk:"default_shipping_address_id"`
	Creator                    types.String `tfsdk:"creator"`
}

// customerResourceModel is the resource's state: the customer plus its operation timeouts.
type customerResourceModel struct {
	customerModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// customerDataSourceModel is the data source's state: the customer plus the read-only embedded
// default payment instrument and shipping address.
type customerDataSourceModel struct {
	customerModel
	DefaultPaymentInstrument types.Object `tfsdk:"default_payment_instrument"`
	DefaultShippingAddress   types.Object `tfsdk:"default_shipping_address"`
}

// timeoutsValue, profileIDValue, idValues and creationClue make the model a tmsModel.
func (m customerResourceModel) timeoutsValue() timeouts.Value { return m.Timeouts }
func (m customerResourceModel) profileIDValue() types.String  { return m.ProfileID }
func (m customerResourceModel) idValues() []types.String      { return []types.String{m.ID} }
func (m customerResourceModel) creationClue() string {
	if m.MerchantCustomerID.IsNull() || m.MerchantCustomerID.IsUnknown() {
		return "Look for the customer in the Business Center (Token Management > Customers)"
	}
	return fmt.Sprintf("Look for a customer whose merchant customer id is %q in the Business Center "+
		"(Token Management > Customers)", m.MerchantCustomerID.ValueString())
}

// toCustomer builds the API body for the writable attributes. Null and unknown attributes are
// left out, and an API group (objectInformation, ...) is only present when one of its fields is,
// so that the merge patch sees "unset" rather than "empty" for what the configuration omits.
func (m customerModel) toCustomer() *client.Customer {
	c := &client.Customer{}
	if title, comment := stringPointer(m.Title), stringPointer(m.Comment); title != nil || comment != nil {
		c.ObjectInformation = &client.ObjectInformation{Title: title, Comment: comment}
	}
	if mcid, email := stringPointer(m.MerchantCustomerID), stringPointer(m.Email); mcid != nil || email != nil {
		c.BuyerInformation = &client.BuyerInformation{MerchantCustomerID: mcid, Email: email}
	}
	if code := stringPointer(m.ClientReferenceCode); code != nil {
		c.ClientReferenceInformation = &client.ClientReferenceInformation{Code: code}
	}
	if id := stringPointer(m.DefaultPaymentInstrumentID); id != nil {
		c.DefaultPaymentInstrument = &client.Reference{ID: id}
	}
	if id := stringPointer(m.DefaultShippingAddressID); id != nil {
		c.DefaultShippingAddress = &client.Reference{ID: id}
	}
	c.MerchantDefinedInformation = merchantDefinedFields(m.MerchantDefinedInformation)
	return c
}

// merchantDefinedFields turns the map into the API's list, sorted by name so that the same map
// always produces the same body (and the same patch). A null element means "not set" and is left
// out, like an omitted one: `data2 = var.flag ? "x" : null` is a natural way to write an optional
// entry. Unknown elements are left out too; they are known by the time anything is sent.
func merchantDefinedFields(values types.Map) []client.MerchantDefinedField {
	if values.IsNull() || values.IsUnknown() {
		return nil
	}
	elements := values.Elements()
	names := make([]string, 0, len(elements))
	for name, value := range elements {
		if value.IsNull() || value.IsUnknown() {
			continue
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	fields := make([]client.MerchantDefinedField, 0, len(names))
	for _, name := range names {
		if s, ok := elements[name].(types.String); ok {
			fields = append(fields, client.MerchantDefinedField{Name: name, Value: s.ValueString()})
		}
	}
	return fields
}

// fromCustomer refreshes every attribute from an API answer, so drift on any field shows in the
// plan. prior is the value the attribute had before (plan or state): it decides how "no
// merchant-defined information" is written, so that `{}` in the configuration stays `{}` and an
// omitted attribute stays null; either way there is no perpetual diff. id and profile_id are the
// caller's: the API answer does not carry the profile.
func (m *customerModel) fromCustomer(c *client.Customer, prior customerModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if c.ID != nil && *c.ID != "" {
		m.ID = types.StringValue(*c.ID)
	}

	var title, comment, mcid, email, code, dpi, dsa, creator *string
	if c.ObjectInformation != nil {
		title, comment = c.ObjectInformation.Title, c.ObjectInformation.Comment
	}
	if c.BuyerInformation != nil {
		mcid, email = c.BuyerInformation.MerchantCustomerID, c.BuyerInformation.Email
	}
	if c.ClientReferenceInformation != nil {
		code = c.ClientReferenceInformation.Code
	}
	if c.DefaultPaymentInstrument != nil {
		dpi = c.DefaultPaymentInstrument.ID
	}
	if c.DefaultShippingAddress != nil {
		dsa = c.DefaultShippingAddress.ID
	}
	if c.Metadata != nil {
		creator = c.Metadata.Creator
	}
	m.Title = stringValue(title)
	m.Comment = stringValue(comment)
	m.MerchantCustomerID = stringValue(mcid)
	m.Email = stringValue(email)
	m.ClientReferenceCode = stringValue(code)
	m.DefaultPaymentInstrumentID = stringValue(dpi)
	m.DefaultShippingAddressID = stringValue(dsa)
	m.Creator = stringValue(creator)

	mdi, d := merchantDefinedInformationValue(c.MerchantDefinedInformation, prior.MerchantDefinedInformation)
	diags.Append(d...)
	m.MerchantDefinedInformation = mdi
	return diags
}

// merchantDefinedInformationValue converts the API list to the map attribute. The prior value
// (plan or state) decides two things that the API cannot express: its null elements are kept as
// null (the configuration says "not set" for them, and the state must match it), and "no entries"
// stays an empty map when it was one, null otherwise.
func merchantDefinedInformationValue(fields []client.MerchantDefinedField, prior types.Map) (types.Map, diag.Diagnostics) {
	elements := make(map[string]attr.Value, len(fields))
	if !prior.IsNull() && !prior.IsUnknown() {
		for name, value := range prior.Elements() {
			if value.IsNull() {
				elements[name] = types.StringNull()
			}
		}
	}
	for _, f := range fields {
		elements[f.Name] = types.StringValue(f.Value)
	}
	if len(elements) == 0 && (prior.IsNull() || prior.IsUnknown() || len(prior.Elements()) > 0) {
		return types.MapNull(types.StringType), nil
	}
	return types.MapValue(types.StringType, elements)
}

// stringPointer returns nil for null or unknown values, so they never reach the API.
func stringPointer(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

// stringValue maps an absent or empty API string to null. Empty strings are rejected at plan time
// (customer_validators.go), so "" from the API can only mean "not set".
func stringValue(s *string) types.String {
	if s == nil || *s == "" {
		return types.StringNull()
	}
	return types.StringValue(*s)
}

// paymentInstrumentAttrTypes is the shape of the data source's default_payment_instrument. It
// has no card number: the API masks card data and this provider never exposes it.
var paymentInstrumentAttrTypes = map[string]attr.Type{
	"id":                       types.StringType,
	"state":                    types.StringType,
	"type":                     types.StringType,
	"card_type":                types.StringType,
	"expiration_month":         types.StringType,
	"expiration_year":          types.StringType,
	"instrument_identifier_id": types.StringType,
}

// shippingAddressAttrTypes is the shape of the data source's default_shipping_address: its id
// and the shipTo fields in snake_case.
var shippingAddressAttrTypes = map[string]attr.Type{
	"id":                  types.StringType,
	"first_name":          types.StringType,
	"last_name":           types.StringType,
	"company":             types.StringType,
	"address1":            types.StringType,
	"address2":            types.StringType,
	"locality":            types.StringType,
	"administrative_area": types.StringType,
	"postal_code":         types.StringType,
	"country":             types.StringType,
	"email":               types.StringType,
	"phone_number":        types.StringType,
}

// embeddedPaymentInstrumentValue maps _embedded.defaultPaymentInstrument; null when absent.
func embeddedPaymentInstrumentValue(c *client.Customer) (types.Object, diag.Diagnostics) {
	if c.Embedded == nil || c.Embedded.DefaultPaymentInstrument == nil {
		return types.ObjectNull(paymentInstrumentAttrTypes), nil
	}
	pi := c.Embedded.DefaultPaymentInstrument
	var cardType, month, year, identifier *string
	if pi.Card != nil {
		cardType, month, year = pi.Card.Type, pi.Card.ExpirationMonth, pi.Card.ExpirationYear
	}
	if pi.InstrumentIdentifier != nil {
		identifier = pi.InstrumentIdentifier.ID
	}
	return types.ObjectValue(paymentInstrumentAttrTypes, map[string]attr.Value{
		"id":                       stringValue(pi.ID),
		"state":                    stringValue(pi.State),
		"type":                     stringValue(pi.Object),
		"card_type":                stringValue(cardType),
		"expiration_month":         stringValue(month),
		"expiration_year":          stringValue(year),
		"instrument_identifier_id": stringValue(identifier),
	})
}

// embeddedShippingAddressValue maps _embedded.defaultShippingAddress; null when absent.
func embeddedShippingAddressValue(c *client.Customer) (types.Object, diag.Diagnostics) {
	if c.Embedded == nil || c.Embedded.DefaultShippingAddress == nil {
		return types.ObjectNull(shippingAddressAttrTypes), nil
	}
	sa := c.Embedded.DefaultShippingAddress
	to := sa.ShipTo
	if to == nil {
		to = &client.Address{}
	}
	return types.ObjectValue(shippingAddressAttrTypes, map[string]attr.Value{
		"id":                  stringValue(sa.ID),
		"first_name":          stringValue(to.FirstName),
		"last_name":           stringValue(to.LastName),
		"company":             stringValue(to.Company),
		"address1":            stringValue(to.Address1),
		"address2":            stringValue(to.Address2),
		"locality":            stringValue(to.Locality),
		"administrative_area": stringValue(to.AdministrativeArea),
		"postal_code":         stringValue(to.PostalCode),
		"country":             stringValue(to.Country),
		"email":               stringValue(to.Email),
		"phone_number":        stringValue(to.PhoneNumber),
	})
}

// setEmbedded fills the data source's read-only embedded objects.
func (m *customerDataSourceModel) setEmbedded(c *client.Customer) diag.Diagnostics {
	var diags diag.Diagnostics
	pi, d := embeddedPaymentInstrumentValue(c)
	diags.Append(d...)
	sa, d := embeddedShippingAddressValue(c)
	diags.Append(d...)
	m.DefaultPaymentInstrument, m.DefaultShippingAddress = pi, sa
	return diags
}
