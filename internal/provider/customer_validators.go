package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Field limits of tms-api.md §3. Lengths are counted in characters (UTF-8 code points), which is
// what the API documents; counting bytes would reject valid non-ASCII titles.
const (
	titleMaxLength               = 60
	commentMaxLength             = 150
	merchantCustomerIDMaxLength  = 100
	emailMaxLength               = 255
	clientReferenceCodeMaxLength = 50
	merchantDefinedValueMaxLen   = 100
)

// merchantDefinedInformationNames are the names tms-api.md §3 documents for
// merchantDefinedInformation entries.
var merchantDefinedInformationNames = []string{
	"data1", "data2", "data3", "data4",
	"sensitive1", "sensitive2", "sensitive3", "sensitive4",
}

// customerStringValidators is the plan-time validation for a writable customer string: not empty
// and at most maxLength characters.
func customerStringValidators(maxLength int) []validator.String {
	return []validator.String{
		notEmptyString(),
		stringvalidator.UTF8LengthAtMost(maxLength),
	}
}

// merchantDefinedInformationValidators checks the names and values of the
// merchant_defined_information map.
func merchantDefinedInformationValidators() []validator.Map {
	return []validator.Map{
		merchantDefinedNames{},
		mapvalidator.ValueStringsAre(notEmptyString(), stringvalidator.UTF8LengthAtMost(merchantDefinedValueMaxLen)),
	}
}

// merchantDefinedNames rejects a merchant_defined_information key that is not one of
// merchantDefinedInformationNames, as a bad name: a generic "value must be one of" check on the
// keys reads as if the value were wrong.
type merchantDefinedNames struct{}

var _ validator.Map = merchantDefinedNames{}

func (merchantDefinedNames) Description(context.Context) string {
	return "names must be data1…data4 or sensitive1…sensitive4"
}

func (v merchantDefinedNames) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (merchantDefinedNames) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	names := make([]string, 0, len(req.ConfigValue.Elements()))
	for name := range req.ConfigValue.Elements() {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if slices.Contains(merchantDefinedInformationNames, name) {
			continue
		}
		detail := fmt.Sprintf("Unknown merchant-defined field name %q: names are data1…data4, sensitive1…sensitive4.", name)
		if slices.Contains(merchantDefinedInformationNames, strings.ToLower(name)) {
			detail += " Names are lower-case."
		}
		resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(name), "Unknown Merchant-Defined Field Name", detail)
	}
}

// notEmptyString rejects "". The API treats an empty string differently from an absent field (and
// may echo it back or drop it), which would show up as a perpetual diff; an omitted attribute
// expresses "no value" unambiguously.
func notEmptyString() validator.String {
	return stringCheck{
		description: "must not be an empty string (omit the attribute instead)",
		summary:     "Empty Value Not Allowed",
		check: func(value string) error {
			switch {
			case value == "":
				return errors.New("an empty string")
			case strings.TrimSpace(value) == "":
				return errors.New("only whitespace")
			}
			return nil
		},
		detail: func(attribute path.Path, _ string, err error) string {
			return fmt.Sprintf("The value of %s is %s. To leave the field unset, omit the attribute from the "+
				"configuration (or set it to null) instead of setting it to \"\".", attribute, err)
		},
	}
}

// customerIDValue validates a customer id given in configuration (the data source's id, an
// item's customer_id) with the same rule as import ids.
func customerIDValue() validator.String { return idPartValue(customerKind.ownID()) }

// idPartValue validates an id given in configuration with the rule of its import id part.
func idPartValue(part idPart) validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be a %s: %d-%d letters or digits", part.label, max(part.minLength, 1), part.maxLength),
		summary:     "Invalid " + titleCase(part.label),
		check:       part.check,
		detail:      quotingDetail(""),
	}
}

// titleCase capitalises each word, and writes "id" as "ID": "customer id" → "Customer ID".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w == "id" {
			words[i] = "ID"
			continue
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
