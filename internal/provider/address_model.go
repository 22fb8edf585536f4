package provider

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// addressModel is a postal address with contact details: the flat attributes of a shipping
// address (shipTo) and the bill_to of a payment instrument (billTo). One model, one mapping and
// one set of limits serve both (tms-subresources.md §3, §4).
type addressModel struct {
	FirstName          types.String `tfsdk:"first_name"`
	LastName           types.String `tfsdk:"last_name"`
	Company            types.String `tfsdk:"company"`
	Address1           types.String `tfsdk:"address1"`
	Address2           types.String `tfsdk:"address2"`
	Locality           types.String `tfsdk:"locality"`
	AdministrativeArea types.String `tfsdk:"administrative_area"`
	PostalCode         types.String `tfsdk:"postal_code"`
	Country            types.String `tfsdk:"country"`
	Email              types.String `tfsdk:"email"`
	PhoneNumber        types.String `tfsdk:"phone_number"`
}

// addressField is one attribute of an address: its API member, its length limit in characters
// and its description.
type addressField struct {
	attribute, member string
	maxLength         int
	description       string
}

// addressFields lists the attributes in documentation order. The email limit differs between
// shipTo (320) and billTo (255) and is given separately.
var addressFields = []addressField{
	{"first_name", "firstName", 60, "First name"},
	{"last_name", "lastName", 60, "Last name"},
	{"company", "company", 60, "Company name"},
	{"address1", "address1", 60, "First line of the street address"},
	{"address2", "address2", 60, "Second line of the street address"},
	{"locality", "locality", 50, "City"},
	{"administrative_area", "administrativeArea", 20, "State or province; the two-letter code for the US and Canada"},
	{"postal_code", "postalCode", 10, "Postal code, e.g. `94105` or `94105-1234` in the US, `A1B 2C3` in Canada"},
	{"country", "country", 2, "Country, as a two-letter ISO 3166-1 code in upper case, e.g. `US`"},
	{"email", "email", 0, "Email address"},
	{"phone_number", "phoneNumber", 15, "Phone number"},
}

// Email limits of the two address groups (tms-subresources.md §3, §4).
const (
	shipToEmailMaxLength = 320
	billToEmailMaxLength = 255
)

// toAPI builds the API address; nil when no attribute is set, so that an absent group stays
// absent in bodies and merge patches.
func (a addressModel) toAPI() *client.Address {
	out := &client.Address{
		FirstName: stringPointer(a.FirstName), LastName: stringPointer(a.LastName), Company: stringPointer(a.Company),
		Address1: stringPointer(a.Address1), Address2: stringPointer(a.Address2), Locality: stringPointer(a.Locality),
		AdministrativeArea: stringPointer(a.AdministrativeArea), PostalCode: stringPointer(a.PostalCode),
		Country: stringPointer(a.Country), Email: stringPointer(a.Email), PhoneNumber: stringPointer(a.PhoneNumber),
	}
	if *out == (client.Address{}) {
		return nil
	}
	return out
}

// addressFromAPI maps an API address; absent members (or a nil address) become null.
func addressFromAPI(in *client.Address) addressModel {
	if in == nil {
		in = &client.Address{}
	}
	return addressModel{
		FirstName: stringValue(in.FirstName), LastName: stringValue(in.LastName), Company: stringValue(in.Company),
		Address1: stringValue(in.Address1), Address2: stringValue(in.Address2), Locality: stringValue(in.Locality),
		AdministrativeArea: stringValue(in.AdministrativeArea), PostalCode: stringValue(in.PostalCode),
		Country: stringValue(in.Country), Email: stringValue(in.Email), PhoneNumber: stringValue(in.PhoneNumber),
	}
}

// isNull reports whether no attribute is set.
func (a addressModel) isNull() bool { return a.toAPI() == nil }

// addressAttributes are the writable address attributes of a resource, each with its limit.
// group names the API group in descriptions ("shipTo", "billTo").
func addressAttributes(group string, emailMaxLength int) map[string]schema.Attribute {
	attributes := make(map[string]schema.Attribute, len(addressFields))
	for _, f := range addressFields {
		limit := f.maxLength
		validators := []validator.String{notEmptyString()}
		switch f.attribute {
		case "email":
			limit = emailMaxLength
			validators = append(validators, emailValue())
		case "country":
			validators = append(validators, countryCodeValue())
		}
		validators = append(validators, stringvalidator.UTF8LengthAtMost(limit))
		attributes[f.attribute] = schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s (`%s.%s`), at most %d characters.", f.description, group, f.member, limit),
			Optional:            true,
			Validators:          validators,
		}
	}
	return attributes
}

// addressDataSourceAttributes are the same attributes, read-only, for data sources.
func addressDataSourceAttributes(group string) map[string]dsschema.Attribute {
	attributes := make(map[string]dsschema.Attribute, len(addressFields))
	for _, f := range addressFields {
		attributes[f.attribute] = dsschema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s (`%s.%s`).", f.description, group, f.member),
			Computed:            true,
		}
	}
	return attributes
}

// addressFieldAttributes maps the API's field names in 400 details (shipTo.firstName) to the
// attribute at fault, under prefix (the root for a shipping address, bill_to for an instrument).
func addressFieldAttributes(group string, prefix path.Path) map[string]path.Path {
	out := make(map[string]path.Path, len(addressFields))
	for _, f := range addressFields {
		if prefix.Equal(path.Empty()) {
			out[group+"."+f.member] = path.Root(f.attribute)
		} else {
			out[group+"."+f.member] = prefix.AtName(f.attribute)
		}
	}
	return out
}

// countryCodePattern is an ISO 3166-1 alpha-2 code as CyberSource expects it: two upper-case
// letters (tms-subresources.md §3).
var countryCodePattern = regexp.MustCompile(`^[A-Z]{2}$`)

func countryCodeValue() validator.String {
	return stringCheck{
		description: "must be a two-letter ISO 3166-1 country code in upper case",
		summary:     "Invalid Country Code",
		check: func(value string) error {
			if countryCodePattern.MatchString(value) {
				return nil
			}
			if countryCodePattern.MatchString(strings.ToUpper(value)) {
				return fmt.Errorf("must be in upper case (%q)", strings.ToUpper(value))
			}
			return errors.New("is not a two-letter ISO 3166-1 country code such as US, CA or GB")
		},
		detail: quotingDetail(""),
	}
}

// emailValue catches the typos that make an email address unusable: no '@', nothing before or
// after it, or spaces. CyberSource applies its own, stricter, rules.
func emailValue() validator.String {
	return stringCheck{
		description: "must be an email address such as jane@example.com",
		summary:     "Invalid Email Address",
		check: func(value string) error {
			local, domain, found := strings.Cut(value, "@")
			switch {
			case !found || local == "" || domain == "" || strings.Contains(domain, "@"):
				return errors.New("is not an email address (one '@' between a name and a domain)")
			case strings.ContainsAny(value, " \t"):
				return errors.New("contains spaces")
			}
			return nil
		},
		detail: quotingDetail(""),
	}
}
