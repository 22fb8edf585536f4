package provider

import (
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// tmsKind describes one TMS token type as the provider presents it: its names, how its import id
// is written, where its private state lives and which attribute each API field maps to. The
// shared machinery (the CRUD skeleton, import, identity, diagnostics) takes everything
// type-specific from here, so a new token type is a descriptor, a model and a schema.
type tmsKind struct {
	// typeSuffix follows the provider type name: "_tms_customer" makes cybersource_tms_customer.
	typeSuffix string
	// noun is the object's name in Title Case, for diagnostic summaries ("Shipping Address").
	noun string
	// idParts are the parts of an import id after the optional profile id, in order; the last
	// one is the object's own id, stored in the "id" attribute.
	idParts []idPart
	// privateKey is where the private record (ETag and profile) is kept. The customer keeps the
	// key it has always used, so that existing state keeps working.
	privateKey string
	// fieldAttributes maps the API's field names, as 400 answers report them in
	// errors[].details[].name (tms-api.md §4), to the attribute at fault.
	fieldAttributes map[string]path.Path
	// hasDefault marks a customer's items that have a `default` (default_item.go).
	hasDefault bool
	// createReturnsExisting marks kinds whose POST answers with the existing object when it
	// already exists (card tokens, tms-subresources.md §6.6): after a create of unknown outcome,
	// applying again adopts the object instead of creating a second one.
	createReturnsExisting bool

	// identityType is the Terraform type of the kind's identity, built once (setIdentity).
	identityOnce sync.Once
	identityType tftypes.Object
}

// lowerNoun is the noun inside a sentence: "shipping address".
func (k *tmsKind) lowerNoun() string { return strings.ToLower(k.noun) }

// ownID is the part of the import id that is the object's own id.
func (k *tmsKind) ownID() idPart { return k.idParts[len(k.idParts)-1] }

// idPart is one part of an import id, such as the customer id of a shipping address.
type idPart struct {
	attribute string // state attribute it is written to: "id", "customer_id"
	identity  string // identity attribute (Terraform 1.12+): "customer_id", "shipping_address_id"
	label     string // in sentences: "customer id"
	example   string
	maxLength int // ids are 1 to maxLength letters or digits (tms-subresources.md §2a)
	minLength int // 0 means 1
}

// withFieldAttributes merges field-to-attribute maps.
func withFieldAttributes(maps ...map[string]path.Path) map[string]path.Path {
	out := map[string]path.Path{}
	for _, m := range maps {
		for field, attribute := range m {
			out[field] = attribute
		}
	}
	return out
}

// commonFieldAttributes are the request parts every kind shares: the path ids and the profile
// header (tms-api.md §4 details name them too).
var commonFieldAttributes = map[string]path.Path{
	"profile-id": path.Root("profile_id"),
	"customerId": path.Root("customer_id"),
}
