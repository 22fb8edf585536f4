package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Invalid configurations of the customer's shipping addresses and payment instruments, card
// tokens and their data sources (issue 10): each fails with a diagnostic on the attribute at
// fault, before any request. The resource and data source cases are blocks of ONE configuration,
// checked by one plan: each diagnostic names its block, which tells the cases apart. A check of
// the plan (after validation) and the import ids need a step each.

// subresourceBadInput is one invalid block: the base block of its type with one line replaced.
type subresourceBadInput struct {
	name string
	// typ is the resource type, or "data." and the data source type.
	typ string
	// line is the case's attribute line; it replaces the base block's line of the same attribute.
	line string
	// summary and detail must be in the diagnostic on the line's attribute; the detail names the
	// attribute's path. Spaces match any white space (Terraform wraps long lines).
	summary, detail string
}

// Ids in the right format, of objects that need not exist: a plan that passes validation would
// not make a request for them either (resources are only planned for creation).
const (
	badInputCustomerID = "F2F3ADA770102B51E053A2598D0A9078"
	badInputTokenID    = "7010000000016241111"
)

// badInputBases are the valid blocks the cases change, by type.
var badInputBases = map[string][]string{
	"cybersource_tms_customer_shipping_address": {`customer_id = "` + badInputCustomerID + `"`},
	"cybersource_tms_customer_payment_instrument": {`customer_id = "` + badInputCustomerID + `"`,
		`instrument_identifier_id = "` + badInputTokenID + `"`, `card_type = "001"`},
	"cybersource_tms_instrument_identifier":             {`card_number_wo = "` + visaCard + `"`},
	"data.cybersource_tms_customer_shipping_addresses":  {`customer_id = "` + badInputCustomerID + `"`},
	"data.cybersource_tms_customer_payment_instruments": {`customer_id = "` + badInputCustomerID + `"`},
	"data.cybersource_tms_instrument_identifier":        {`id = "` + badInputTokenID + `"`},
}

// attribute is the attribute a line sets.
func (c subresourceBadInput) attribute() string {
	name, _, _ := strings.Cut(c.line, "=")
	return strings.TrimSpace(name)
}

// blockName is the case's name as an identifier.
func (c subresourceBadInput) blockName() string {
	return regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(c.name), "_")
}

// hcl renders the case's block.
func (c subresourceBadInput) hcl() string {
	kind, typ := "resource", c.typ
	if t, isData := strings.CutPrefix(c.typ, "data."); isData {
		kind, typ = "data", t
	}
	lines := []string{c.line}
	for _, line := range badInputBases[c.typ] {
		if name, _, _ := strings.Cut(line, " ="); name != c.attribute() {
			lines = append(lines, line)
		}
	}
	return fmt.Sprintf("%s %q %q {\n  %s\n}\n", kind, typ, c.blockName(), strings.Join(lines, "\n  "))
}

// pattern matches the case's diagnostic: its summary, its block, the line Terraform quotes and
// the detail, which names the attribute's path. Terraform quotes the attribute's line, or for an
// attribute inside bill_to, the block's first line (it does not point into object values).
func (c subresourceBadInput) pattern() *regexp.Regexp {
	quoted := regexp.QuoteMeta(c.attribute()) + `\s+=`
	if c.attribute() == "bill_to" {
		quoted = `resource\s+"` + regexp.QuoteMeta(c.typ) + `"\s+"` + c.blockName() + `"\s+\{`
	}
	return regexp.MustCompile(`(?s)^` + words(c.summary) + `\s+with ` + regexp.QuoteMeta(c.typ+"."+c.blockName()) +
		`,.*?\n\s*\d+:\s+` + quoted + `.*` + words(c.detail))
}

// words quotes a phrase for a regexp in which each space matches any white space.
func words(phrase string) string {
	return strings.Join(strings.Split(regexp.QuoteMeta(phrase), " "), `\s+`)
}

// inOrder matches text with the phrases in order (words).
func inOrder(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, p := range phrases {
		quoted[i] = words(p)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// subresourceBadInputs lists the cases.
func subresourceBadInputs() []subresourceBadInput {
	const (
		shipping    = "cybersource_tms_customer_shipping_address"
		instrument  = "cybersource_tms_customer_payment_instrument"
		token       = "cybersource_tms_instrument_identifier"
		addresses   = "data.cybersource_tms_customer_shipping_addresses"
		instruments = "data.cybersource_tms_customer_payment_instruments"
		tokenData   = "data.cybersource_tms_instrument_identifier"
		tooLong     = "Invalid Attribute Value Length"
	)
	long := func(n int) string { return strings.Repeat("x", n) }
	email := func(n int) string { return long(n-len("@example.com")) + "@example.com" }
	var cases []subresourceBadInput
	// Every address field's limit (tms-subresources.md §3 shipTo, §4 billTo), one character over.
	for _, f := range []struct {
		attribute      string
		shipTo, billTo int
	}{
		{"first_name", 60, 60}, {"last_name", 60, 60}, {"company", 60, 60}, {"address1", 60, 60},
		{"address2", 60, 60}, {"locality", 50, 50}, {"administrative_area", 20, 20}, {"postal_code", 10, 10},
		{"phone_number", 15, 15}, {"email", 320, 255},
	} {
		shipValue, billValue := long(f.shipTo+1), long(f.billTo+1)
		if f.attribute == "email" {
			shipValue, billValue = email(f.shipTo+1), email(f.billTo+1)
		}
		cases = append(cases,
			subresourceBadInput{"shipping " + f.attribute + " too long", shipping, fmt.Sprintf("%s = %q", f.attribute, shipValue),
				tooLong, fmt.Sprintf("Attribute %s UTF-8 character count must be at most %d, got: %d", f.attribute, f.shipTo, f.shipTo+1)},
			subresourceBadInput{"bill_to " + f.attribute + " too long", instrument, fmt.Sprintf("bill_to = { %s = %q }", f.attribute, billValue),
				tooLong, fmt.Sprintf("Attribute bill_to.%s UTF-8 character count must be at most %d, got: %d", f.attribute, f.billTo, f.billTo+1)},
		)
	}
	return append(cases, []subresourceBadInput{
		// Address values.
		{"shipping country lower case", shipping, `country = "us"`, "Invalid Country Code", `The value "us" of country must be in upper case ("US")`},
		{"shipping country three letters", shipping, `country = "USA"`, "Invalid Country Code", `The value "USA" of country is not a two-letter`},
		{"bill_to country lower case", instrument, `bill_to = { country = "gb" }`, "Invalid Country Code", `of bill_to.country must be in upper case ("GB")`},
		{"bill_to country three letters", instrument, `bill_to = { country = "GBR" }`, "Invalid Country Code", `of bill_to.country is not a two-letter`},
		{"shipping email without at", shipping, `email = "jane.example.com"`, "Invalid Email Address", `of email is not an email address`},
		{"bill_to email without at", instrument, `bill_to = { email = "jane.example.com" }`, "Invalid Email Address", `of bill_to.email is not an email address`},
		{"shipping email with spaces", shipping, `email = "jane doe@example.com"`, "Invalid Email Address", `of email contains spaces`},
		{"shipping empty first_name", shipping, `first_name = ""`, "Empty Value Not Allowed", `The value of first_name is an empty string`},
		{"bill_to blank locality", instrument, `bill_to = { locality = "  " }`, "Empty Value Not Allowed", `The value of bill_to.locality is only whitespace`},
		// Defaults: only true can be set.
		{"shipping default false", shipping, `default = false`, "Default Cannot Be Set to False", `default can be true or left out`},
		{"instrument default false", instrument, `default = false`, "Default Cannot Be Set to False", `default can be true or left out`},
		// Ids and profiles.
		{"shipping customer_id with dashes", shipping, `customer_id = "F2F3ADA7-7010"`, "Invalid Customer ID", `of customer_id contains '-'`},
		{"shipping customer_id too long", shipping, fmt.Sprintf("customer_id = %q", strings.Repeat("A", 33)), "Invalid Customer ID", `of customer_id is 33 characters long; it must be at most 32`},
		{"instrument customer_id empty", instrument, `customer_id = ""`, "Invalid Customer ID", `of customer_id is empty`},
		{"instrument token id with dashes", instrument, `instrument_identifier_id = "7010-0000-0001-6241"`, "Invalid Instrument Identifier ID", `of instrument_identifier_id contains '-'`},
		{"instrument token id too short", instrument, `instrument_identifier_id = "70100000000"`, "Invalid Instrument Identifier ID", `of instrument_identifier_id is 11 characters long; it must be at least 12`},
		{"instrument token id too long", instrument, fmt.Sprintf("instrument_identifier_id = %q", strings.Repeat("7", 33)), "Invalid Instrument Identifier ID", `is 33 characters long; it must be at most 32`},
		{"shipping profile_id length", shipping, `profile_id = "F75AF380-9D1B-4117"`, "Invalid TMS Profile ID", `exactly 36`},
		{"instrument profile_id length", instrument, `profile_id = "short"`, "Invalid TMS Profile ID", `exactly 36`},
		{"token profile_id length", token, `profile_id = ""`, "Invalid TMS Profile ID", `exactly 36`},
		// Card type and expiry.
		{"card type as a name", instrument, `card_type = "visa"`, "Invalid Card Type", `The value "visa" of card_type is a card name; use its code "001"`},
		{"card type as a long name", instrument, `card_type = "American Express"`, "Invalid Card Type", `of card_type is a card name; use its code "003"`},
		{"card type unknown code", instrument, `card_type = "999"`, "Invalid Card Type", `The value "999" of card_type is not a CyberSource card type code`},
		{"expiry month 00", instrument, `card_expiration_month = "00"`, "Invalid Expiration Month", `The value "00" of card_expiration_month is not a two-digit month`},
		{"expiry month 13", instrument, `card_expiration_month = "13"`, "Invalid Expiration Month", `The value "13" of card_expiration_month is not a two-digit month`},
		{"expiry month one digit", instrument, `card_expiration_month = "1"`, "Invalid Expiration Month", `The value "1" of card_expiration_month is not a two-digit month`},
		{"expiry year two digits", instrument, `card_expiration_year = "31"`, "Invalid Expiration Year", `The value "31" of card_expiration_year is not a four-digit year`},
		{"expiry year five digits", instrument, `card_expiration_year = "20311"`, "Invalid Expiration Year", `The value "20311" of card_expiration_year is not a four-digit year`},
		{"expiry year empty", instrument, `card_expiration_year = ""`, "Empty Value Not Allowed", `The value of card_expiration_year is an empty string`},
		// Card numbers (the detail never repeats them: TestAccInstrumentIdentifier_invalidCardNumberNotEchoed).
		{"card number too short", token, `card_number_wo = "41111111111"`, "Invalid Card Number", `The value of card_number_wo must be 12 to 19 digits long`},
		{"card number too long", token, `card_number_wo = "41111111111111111111"`, "Invalid Card Number", `The value of card_number_wo must be 12 to 19 digits long`},
		{"card number with spaces", token, `card_number_wo = "4111 1111 1111 1111"`, "Invalid Card Number", `The value of card_number_wo must contain digits only`},
		{"card number empty", token, `card_number_wo = ""`, "Invalid Card Number", `The value of card_number_wo must be 12 to 19 digits long`},
		// Data sources.
		{"addresses customer_id with spaces", addresses, `customer_id = "F2F3 ADA7"`, "Invalid Customer ID", `of customer_id contains ' '`},
		{"addresses profile_id length", addresses, `profile_id = "short"`, "Invalid TMS Profile ID", `exactly 36`},
		{"instruments customer_id too long", instruments, fmt.Sprintf("customer_id = %q", strings.Repeat("B", 33)), "Invalid Customer ID", `is 33 characters long; it must be at most 32`},
		{"token data id too short", tokenData, `id = "70100000000"`, "Invalid Instrument Identifier ID", `The value "70100000000" of id is 11 characters long; it must be at least 12`},
		{"token data id with slash", tokenData, `id = "7010000000016241111/x"`, "Invalid Instrument Identifier ID", `of id contains '/'`},
	}...)
}

// subresourceBadImportIDs are malformed import ids, each with what its error must say in order:
// the summary, the fault and the accepted id forms.
var subresourceBadImportIDs = []struct {
	address, id string
	want        []string
}{
	{paymentInstrumentAddress, "F45FD8DE542A9E9CE053A2598D0AFDFA",
		[]string{"Invalid Payment Instrument Import ID", "has 1 part(s); it needs 2", "<customer_id>/<payment_instrument_id>"}},
	{paymentInstrumentAddress, "C1/P-1",
		[]string{"Invalid Payment Instrument Import ID", `payment instrument id part of "C1/P-1" contains '-'`, "<customer_id>/<payment_instrument_id>"}},
	{paymentInstrumentAddress, "short-profile/C1/P1",
		[]string{"Invalid Payment Instrument Import ID", "the profile id part", "<profile_id>/<customer_id>/<payment_instrument_id>"}},
	{paymentInstrumentAddress, exampleProfileID + "/C1/P1/extra",
		[]string{"Invalid Payment Instrument Import ID", "has more than two '/'", "<customer_id>/<payment_instrument_id>"}},
	{cardTokenA, "70100000000",
		[]string{"Invalid Instrument Identifier Import ID", "is 11 characters long; it must be at least 12", "<instrument_identifier_id>"}},
	{cardTokenA, badInputTokenID + "/" + badInputTokenID,
		[]string{"Invalid Instrument Identifier Import ID", "the profile id part", "<profile_id>/<instrument_identifier_id>"}},
}

// TestAccSubresourceInvalidConfigurationMakesNoRequest: every case fails with its diagnostic on
// its attribute in one plan, every malformed import id with the accepted forms, and the simulator
// records no request at all.
func TestAccSubresourceInvalidConfigurationMakesNoRequest(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("counts the requests the invalid configurations make")
	cases := subresourceBadInputs()
	if n := len(cases) + 1 + len(subresourceBadImportIDs); n < 25 {
		t.Fatalf("only %d invalid configurations; issue 10 asks for at least 25", n)
	}
	var all strings.Builder
	all.WriteString(e.providerConfig())
	for _, c := range cases {
		all.WriteString(c.hcl())
	}
	noRequests := func(after string) func() {
		return func() {
			if stats := sim.Stats(); len(stats.ByMethod) != 0 {
				t.Errorf("%s reached the API: %v", after, stats.ByMethod)
				sim.ResetStats()
			}
		}
	}
	// The plan's error holds one "Error:" diagnostic per invalid block; each case must find its own.
	planned := false
	checkPlanError := func(err error) error {
		diagnostics := strings.Split(err.Error(), "\nError: ")
		var missing []string
		for _, c := range cases {
			pattern, found := c.pattern(), false
			for _, d := range diagnostics[1:] {
				found = found || pattern.MatchString(d)
			}
			if !found {
				missing = append(missing, fmt.Sprintf("%s (%s)", c.name, pattern))
			}
		}
		if len(missing) != 0 {
			return fmt.Errorf("no diagnostic for %d case(s):\n  %s\n\n%w", len(missing), strings.Join(missing, "\n  "), err)
		}
		planned = true
		return nil
	}
	steps := []resource.TestStep{
		{Config: all.String(), PlanOnly: true},
		{
			// A check of the plan itself, which Terraform only makes once validation passed: a new
			// token needs its card number (card_number_wo is optional for imported tokens only).
			PreConfig:   noRequests("the invalid configurations"),
			Config:      e.config("resource \"cybersource_tms_instrument_identifier\" \"no_number\" {\n  card_number_wo_version = 1\n}\n"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Missing Card Number.*with cybersource_tms_instrument_identifier\.no_number.*` + words("needs the card number in `card_number_wo`")),
		},
	}
	importConfig := e.testdataConfig("payment_instrument.tf")
	for _, c := range subresourceBadImportIDs {
		steps = append(steps, resource.TestStep{
			PreConfig:       noRequests("the previous case"),
			Config:          importConfig,
			ConfigVariables: cards(visaCard, mastercardCard),
			ResourceName:    c.address,
			ImportState:     true,
			ImportStateId:   c.id,
			ExpectError:     inOrder(c.want...),
		})
	}
	tc := e.testCase(steps...)
	tc.ErrorCheck = checkPlanError
	resource.ParallelTest(t, tc)
	noRequests("the last import")()
	if !planned {
		t.Error("the plan of the invalid configurations did not fail")
	}
}
