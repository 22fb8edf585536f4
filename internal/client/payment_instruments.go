package client

// PaymentInstrument is a customer's payment instrument (tms-subresources.md §4), limited to the
// card members this provider manages. It never holds a card number: the number lives in the
// linked instrument identifier, and CyberSource only ever returns it masked (§7).
type PaymentInstrument struct {
	ID                   *string                    `json:"id,omitempty"`
	Object               *string                    `json:"object,omitempty"` // read-only, often absent
	Default              *bool                      `json:"default,omitempty"`
	State                *string                    `json:"state,omitempty"` // read-only: ACTIVE or CLOSED
	Card                 *PaymentInstrumentCard     `json:"card,omitempty"`
	BillTo               *Address                   `json:"billTo,omitempty"`
	InstrumentIdentifier *Reference                 `json:"instrumentIdentifier,omitempty"`
	Metadata             *Metadata                  `json:"metadata,omitempty"`  // read-only
	Embedded             *PaymentInstrumentEmbedded `json:"_embedded,omitempty"` // read-only
}

// PaymentInstrumentCard holds the card members a payment instrument stores.
type PaymentInstrumentCard struct {
	ExpirationMonth *string `json:"expirationMonth,omitempty"`
	ExpirationYear  *string `json:"expirationYear,omitempty"`
	Type            *string `json:"type,omitempty"` // card type code, e.g. "001" for Visa
}

// PaymentInstrumentEmbedded is the linked instrument identifier, card number masked.
type PaymentInstrumentEmbedded struct {
	InstrumentIdentifier *InstrumentIdentifier `json:"instrumentIdentifier,omitempty"`
}

// paymentInstruments is /tms/v2/customers/{customerId}/payment-instruments (tms-subresources.md
// §1b). Deleting an instrument also deletes its instrument identifier when no other instrument uses
// it (§6.3).
var paymentInstruments = &customerItemSpec[PaymentInstrument]{
	collection:  customerPath + "/payment-instruments",
	item:        customerPath + "/payment-instruments/{paymentInstrumentId}",
	embeddedKey: "paymentInstruments",
	writable: func(p *PaymentInstrument) PaymentInstrument {
		if p == nil {
			return PaymentInstrument{}
		}
		w := *p
		w.ID, w.Object, w.State, w.Metadata, w.Embedded = nil, nil, nil, nil, nil
		return w
	},
	wholeGroups: []string{"card", "billTo"},
}

// PaymentInstruments are the calls on customers' payment instruments.
func (c *Client) PaymentInstruments() CustomerItems[PaymentInstrument] {
	return CustomerItems[PaymentInstrument]{client: c, spec: paymentInstruments}
}
