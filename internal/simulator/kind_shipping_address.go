package simulator

// shippingAddressKind is a customer's shipping address (tms-subresources.md §1a, §3): no object
// or state member; one address per customer is its default (§6.1).
var shippingAddressKind = &kindSpec{
	kind:            KindShippingAddress,
	parent:          KindCustomer,
	collectionPath:  customersPath + "/{customerId}/shipping-addresses",
	idParam:         pathParam{name: "shippingAddressId", min: 1, max: 32, logKey: "shipping_address"},
	collectionRoute: "shipping-addresses",
	itemRoute:       "shipping-address",
	listed:          true,
	listMember:      "shippingAddresses",
	newID:           newTokenID,
	schema: schema{
		"default": flag,
		"shipTo": group(schema{
			"firstName": text(60), "lastName": text(60), "company": text(60),
			"address1": text(60), "address2": text(60), "locality": text(50),
			"administrativeArea": text(20), "postalCode": text(10), "country": text(2),
			"email": text(320), "phoneNumber": text(15),
		}),
	},
	dropped: subResourceDropped,
	defaultOf: &defaultRole{
		group: "defaultShippingAddress",
		// Inferred by analogy with the instrument's documented message (tms-subresources.md §6.2).
		conflict: "Action cannot be performed as the ShippingAddress is the customers default",
	},
}

// subResourceDropped are the server-owned members of the customer's sub-resources, dropped from
// request bodies like the customer's (tms-api.md §3), plus the Node SDK's stray _default, which a
// client following the SDK's samples sends instead of default (tms-subresources.md §10.1; ignoring
// it is the tolerant reading: inferred).
var subResourceDropped = []string{"id", "object", "state", "type", "metadata", "_links", "_embedded", "_default"}
