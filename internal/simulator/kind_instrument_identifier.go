package simulator

import "strings"

// instrumentIdentifierKind is a card's instrument identifier (tms-subresources.md §1d, §5), the
// token of a card number. The number is never stored: the de-duplication index keeps a keyed hash
// of it (§6.6: the same card gives the same identifier) and the answers show it masked (§7).
// Bank-account identifiers are not simulated: card.number is required.
var instrumentIdentifierKind = &kindSpec{
	kind:            KindInstrumentIdentifier,
	collectionPath:  "/tms/v1/instrumentidentifiers",
	idParam:         pathParam{name: "instrumentIdentifierId", min: 12, max: 32, logKey: "instrument_identifier"},
	collectionRoute: "instrument-identifiers",
	itemRoute:       "instrument-identifier",
	lists: []ownedList{
		{segment: "paymentinstruments", member: KindPaymentInstrument, route: "instrument-identifier-payment-instruments"},
	},
	newID:         newInstrumentIdentifierID,
	absoluteLinks: true,
	// PATCH may change only the merchant-initiated-transaction values (tms-subresources.md §5.2);
	// the rest is set once, by the POST that creates the identifier.
	schema: schema{
		"type":   createOnly(oneOf("enrollable card", "enrollable token")),
		"source": createOnly(text(noLimit)),
		"tokenProvisioningInformation": createOnlyGroup(schema{
			"consumerConsentObtained": boolean, "multiFactorAuthenticated": boolean,
		}),
		"card": createOnlyGroup(schema{
			"number": digits(12, 19), "expirationMonth": month, "expirationYear": year, "securityCode": digits(3, 4),
		}),
		"billTo": createOnlyGroup(schema{
			"address1": text(60), "address2": text(60), "locality": text(50),
			"administrativeArea": text(20), "postalCode": text(10), "country": text(2), "email": text(255),
		}),
		"processingInformation": group(schema{"authorizationOptions": group(schema{"initiator": group(schema{
			"merchantInitiatedTransaction": group(schema{"previousTransactionId": text(15), "originalAuthorizedAmount": text(15)}),
		})})}),
	},
	dropped:  []string{"id", "object", "state", "metadata", "_links", "_embedded", "issuer", "tokenizedCard"},
	required: []string{"card.number"},
	// Sent to the issuer for network-token enrollment and never kept (tms-subresources.md §5, §7).
	writeOnly: []string{"card.expirationMonth", "card.expirationYear", "card.securityCode", "billTo"},
	fixed:     map[string]any{"object": "instrumentIdentifier", "state": "ACTIVE"},
	// tms-subresources.md §6.4; the message is the spec's description of this 409 (§8).
	inUse:   &conflictError{errType: errInstrumentIdentifierDeletion, message: "The token is linked to a Payment Instrument"},
	prepare: tokenizeCardNumber,
}

// createOnlyGroup is a group set on POST only, each member of which is too, so that a PATCH
// refusal names the member at fault (card.number rather than card).
func createOnlyGroup(s schema) rule {
	members := make(schema, len(s))
	for name, r := range s {
		members[name] = createOnly(r)
	}
	return createOnly(group(members))
}

// tokenizeCardNumber replaces a POST's card number with its masked form and returns its key in the
// de-duplication index.
func tokenizeCardNumber(doc map[string]any, index func(material string) string) string {
	card, _ := doc["card"].(map[string]any)
	number, _ := card["number"].(string)
	if number == "" {
		return ""
	}
	card["number"] = maskCardNumber(number)
	return index(number)
}

// maskCardNumber keeps the first six and last four digits and puts an X for each digit between
// (tms-subresources.md §7: 411111XXXXXX1111). Numbers have 12 to 19 digits, so both ends exist.
func maskCardNumber(number string) string {
	return number[:6] + strings.Repeat("X", len(number)-10) + number[len(number)-4:]
}
