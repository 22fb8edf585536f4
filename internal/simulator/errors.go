package simulator

import (
	"encoding/json"
	"net/http"
)

// reply is one answer before it is written: handlers return it instead of writing, so a 502-after
// fault can discard it after the change was applied, and stats and the log can see the outcome.
type reply struct {
	status int
	header http.Header // extra headers (ETag, Location, Retry-After); may be nil
	body   []byte
	// contentType overrides the JSON default (the gateway's 502 page is HTML).
	contentType string
	// authFailure is why authentication failed: for the log only, never for the client.
	authFailure string
}

// fieldDetail names one offending field of a 400 answer (tms-api.md §4).
type fieldDetail struct {
	Name     string `json:"name"`
	Location string `json:"location"`
}

type apiErrorItem struct {
	Type    string        `json:"type"`
	Message string        `json:"message"`
	Details []fieldDetail `json:"details,omitempty"`
}

// Error types and messages used by the simulator, from tms-api.md §4 and tms-subresources.md §8.
const (
	errInvalidRequest               = "invalidRequest"
	errInvalidFields                = "invalidFields"
	errMissingFields                = "missingFields"
	errInvalidHeaders               = "invalidHeaders"
	errNotFound                     = "notFound"
	errNotAvailable                 = "notAvailable"
	errConflict                     = "conflict"
	errInstrumentIdentifierDeletion = "instrumentIdentifierDeletionError"
	errServerError                  = "serverError"

	msgPreconditionFailed = "the if-match header value does not match the token etag"
	msgProfileNotFound    = "Profile not found"
	msgTokenNotFound      = "The requested resource does not exist"
	msgTokenDeleted       = "The requested resource is no longer available"
	msgInvalidFields      = "Declined - One or more fields in the request contains invalid data"
	msgMissingFields      = "Declined - The request is missing one or more fields"
)

// errorReply builds the tms-api.md §4 error body: {"errors":[{"type","message","details"}]}.
func errorReply(status int, errType, message string, details ...fieldDetail) *reply {
	body, err := json.Marshal(struct {
		Errors []apiErrorItem `json:"errors"`
	}{[]apiErrorItem{{Type: errType, Message: message, Details: details}}})
	if err != nil { // cannot happen with these types; answer something rather than nothing
		body = []byte(`{"errors":[{"type":"serverError","message":"internal error"}]}`)
	}
	return &reply{status: status, body: body}
}

// fieldsReply is the 400 invalidFields or missingFields answer naming the body fields at fault.
func fieldsReply(v *ValidationError) *reply {
	details := make([]fieldDetail, len(v.Fields))
	for i, name := range v.Fields {
		details[i] = fieldDetail{Name: name, Location: "body"}
	}
	if v.Missing {
		return errorReply(http.StatusBadRequest, errMissingFields, msgMissingFields, details...)
	}
	return errorReply(http.StatusBadRequest, errInvalidFields, msgInvalidFields, details...)
}

func authFailedReply(reason string) *reply {
	return &reply{status: http.StatusUnauthorized, body: []byte(authFailedBody), authFailure: reason}
}
