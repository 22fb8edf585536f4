package client

// Customer mirrors the TMS customer object (tms-api.md §3). Every field is a
// pointer or omitempty so that "not set" and "set to empty" stay distinct:
// the provider must tell a removed attribute from an empty one.
type Customer struct {
	ID                         *string                     `json:"id,omitempty"`
	ObjectInformation          *ObjectInformation          `json:"objectInformation,omitempty"`
	BuyerInformation           *BuyerInformation           `json:"buyerInformation,omitempty"`
	ClientReferenceInformation *ClientReferenceInformation `json:"clientReferenceInformation,omitempty"`
	MerchantDefinedInformation []MerchantDefinedField      `json:"merchantDefinedInformation,omitempty"`
	DefaultPaymentInstrument   *Reference                  `json:"defaultPaymentInstrument,omitempty"`
	DefaultShippingAddress     *Reference                  `json:"defaultShippingAddress,omitempty"`
	Metadata                   *Metadata                   `json:"metadata,omitempty"`  // read-only
	Links                      *CustomerLinks              `json:"_links,omitempty"`    // read-only
	Embedded                   *CustomerEmbedded           `json:"_embedded,omitempty"` // read-only
}

// ObjectInformation holds the customer's title (≤ 60) and comment (≤ 150).
type ObjectInformation struct {
	Title   *string `json:"title,omitempty"`
	Comment *string `json:"comment,omitempty"`
}

// BuyerInformation holds the merchant's own customer id and the email.
type BuyerInformation struct {
	// MerchantCustomerID is spelled with a capital "ID" on the wire.
	MerchantCustomerID *string `json:"merchantCustomerID,omitempty"`
	Email              *string `json:"email,omitempty"`
}

// ClientReferenceInformation holds the merchant's reference code (≤ 50).
type ClientReferenceInformation struct {
	Code *string `json:"code,omitempty"`
}

// MerchantDefinedField is one merchantDefinedInformation entry; names are
// documented as data1…data4 and sensitive1…sensitive4.
type MerchantDefinedField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Reference points at another token by id (default payment instrument,
// default shipping address, instrument identifier).
type Reference struct {
	ID *string `json:"id,omitempty"`
}

// Metadata is server-maintained.
type Metadata struct {
	Creator *string `json:"creator,omitempty"`
}

// Link is a HAL link.
type Link struct {
	Href string `json:"href"`
}

// CustomerLinks holds the HAL links. The spec names the shipping link
// "shippingAddress" while live answers say "shippingAddresses"
// (tms-api.md §3), so both are decoded.
type CustomerLinks struct {
	Self               *Link `json:"self,omitempty"`
	PaymentInstruments *Link `json:"paymentInstruments,omitempty"`
	ShippingAddress    *Link `json:"shippingAddress,omitempty"`
	ShippingAddresses  *Link `json:"shippingAddresses,omitempty"`
}

// CustomerEmbedded holds the default payment instrument and shipping
// address that CyberSource embeds in customer answers.
type CustomerEmbedded struct {
	DefaultPaymentInstrument *PaymentInstrument `json:"defaultPaymentInstrument,omitempty"`
	DefaultShippingAddress   *ShippingAddress   `json:"defaultShippingAddress,omitempty"`
}

// PaymentInstrument is the embedded default payment instrument. Card data is
// masked by CyberSource; there is deliberately no card number field.
type PaymentInstrument struct {
	ID                   *string                `json:"id,omitempty"`
	Object               *string                `json:"object,omitempty"`
	Default              *bool                  `json:"default,omitempty"`
	State                *string                `json:"state,omitempty"` // ACTIVE or CLOSED
	Card                 *PaymentInstrumentCard `json:"card,omitempty"`
	InstrumentIdentifier *Reference             `json:"instrumentIdentifier,omitempty"`
	BillTo               *BillTo                `json:"billTo,omitempty"`
	Metadata             *Metadata              `json:"metadata,omitempty"`
}

// PaymentInstrumentCard holds the non-secret card fields.
type PaymentInstrumentCard struct {
	ExpirationMonth *string `json:"expirationMonth,omitempty"`
	ExpirationYear  *string `json:"expirationYear,omitempty"`
	Type            *string `json:"type,omitempty"`
}

// ShippingAddress is the embedded default shipping address.
type ShippingAddress struct {
	ID       *string   `json:"id,omitempty"`
	Default  *bool     `json:"default,omitempty"`
	ShipTo   *ShipTo   `json:"shipTo,omitempty"`
	Metadata *Metadata `json:"metadata,omitempty"`
}

// ShipTo is a postal address with contact details.
type ShipTo struct {
	FirstName          *string `json:"firstName,omitempty"`
	LastName           *string `json:"lastName,omitempty"`
	Company            *string `json:"company,omitempty"`
	Address1           *string `json:"address1,omitempty"`
	Address2           *string `json:"address2,omitempty"`
	Locality           *string `json:"locality,omitempty"`
	AdministrativeArea *string `json:"administrativeArea,omitempty"`
	PostalCode         *string `json:"postalCode,omitempty"`
	Country            *string `json:"country,omitempty"`
	Email              *string `json:"email,omitempty"`
	PhoneNumber        *string `json:"phoneNumber,omitempty"`
}

// BillTo is the payment instrument's billing address. It has the same shape
// as ShipTo but is a separate type so that the two cannot be mixed up.
type BillTo struct {
	FirstName          *string `json:"firstName,omitempty"`
	LastName           *string `json:"lastName,omitempty"`
	Company            *string `json:"company,omitempty"`
	Address1           *string `json:"address1,omitempty"`
	Address2           *string `json:"address2,omitempty"`
	Locality           *string `json:"locality,omitempty"`
	AdministrativeArea *string `json:"administrativeArea,omitempty"`
	PostalCode         *string `json:"postalCode,omitempty"`
	Country            *string `json:"country,omitempty"`
	Email              *string `json:"email,omitempty"`
	PhoneNumber        *string `json:"phoneNumber,omitempty"`
}
