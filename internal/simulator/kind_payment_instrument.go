package simulator

// paymentInstrumentKind is a customer's payment instrument (tms-subresources.md §1b, §4). It holds
// no card number: it names an instrument identifier, which is embedded (masked) in every answer;
// one instrument per customer is its default (§6.1).
var paymentInstrumentKind = &kindSpec{
	kind:            KindPaymentInstrument,
	parent:          KindCustomer,
	collectionPath:  customersPath + "/{customerId}/payment-instruments",
	idParam:         pathParam{name: "paymentInstrumentId", min: 1, max: 32, logKey: "payment_instrument"},
	collectionRoute: "payment-instruments",
	itemRoute:       "payment-instrument",
	listed:          true,
	listMember:      "paymentInstruments",
	newID:           newTokenID,
	schema: schema{
		"default":     flag,
		"bankAccount": group(schema{"type": oneOf("checking", "savings", "corporate checking", "general ledger")}),
		"card": group(schema{
			"expirationMonth": month, "expirationYear": year, "type": cardType,
			"issueNumber": text(2), "startMonth": month, "startYear": year, "useAs": text(noLimit),
			"tokenizedInformation": group(schema{"requestorID": text(11), "transactionType": text(1)}),
		}),
		"buyerInformation": group(schema{
			"companyTaxID": text(9), "currency": text(3), "dateOfBirth": date,
			"personalIdentification": listOf(group(schema{
				"id": text(26), "type": text(noLimit),
				"issuedBy": group(schema{"administrativeArea": text(20)}),
			})),
		}),
		"billTo": group(billToSchema),
		"processingInformation": group(schema{
			"billPaymentProgramEnabled": boolean,
			"bankTransferOptions":       group(schema{"SECCode": oneOf("ARC", "CCD", "POP", "PPD", "TEL", "WEB")}),
		}),
		"merchantInformation":  group(schema{"merchantDescriptor": group(schema{"alternateName": text(13)})}),
		"instrumentIdentifier": group(schema{"id": textBetween(12, 32)}),
	},
	dropped: subResourceDropped,
	// A payment instrument cannot exist without an identifier: the DG lists the id as optional,
	// but a POST without one is refused (tms-subresources.md §4, inferred).
	required: []string{"instrumentIdentifier.id"},
	fixed:    map[string]any{"object": "paymentInstrument", "state": "ACTIVE"},
	defaultOf: &defaultRole{
		group: "defaultPaymentInstrument",
		// The message tms-subresources.md §6.2 documents.
		conflict: "Action cannot be performed as the PaymentInstrument is the customers default",
	},
	ref: &reference{field: "instrumentIdentifier", kind: KindInstrumentIdentifier},
}

// billToSchema is the billing address of a payment instrument (tms-subresources.md §4).
var billToSchema = schema{
	"firstName": text(60), "lastName": text(60), "company": text(60),
	"address1": text(60), "address2": text(60), "locality": text(50),
	"administrativeArea": text(20), "postalCode": text(10), "country": text(2),
	"email": text(255), "phoneNumber": text(15),
}

// cardType accepts both spellings in use (tms-subresources.md §4, §10.3): a three-digit code such
// as 001, or a card brand's name such as visa, in any letter case (inferred: the names are those
// of the codes §4 lists).
var cardType = anyOf(
	digits(3, 3),
	oneOfFold("visa", "mastercard", "american express", "amex", "discover", "diners club",
		"carte blanche", "jcb", "china union pay"),
)
