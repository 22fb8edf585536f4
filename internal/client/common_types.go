package client

// Reference points at another token by id (default payment instrument, default shipping
// address, instrument identifier).
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

// Address is a postal address with contact details: a shipping address's shipTo and a payment
// instrument's billTo have the same members (tms-subresources.md §3, §4), though not the same
// email limit (320 for shipTo, 255 for billTo).
type Address struct {
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
