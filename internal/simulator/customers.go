package simulator

import (
	"errors"
	"net/http"
	"slices"
	"strings"
)

const (
	maxCustomerIDLen = 32 // tms-api.md §1: customerId is 1–32 characters
	maxIfMatchLen    = 32 // tms-api.md §2
	profileIDLen     = 36 // tms-api.md §2
)

// routeMethods lists what each route serves (tms-api.md §1).
var routeMethods = map[string][]string{
	routeCustomers: {http.MethodPost},
	routeCustomer:  {http.MethodGet, http.MethodPatch, http.MethodDelete},
}

// dispatch runs an authenticated request: request-level checks in the order a gateway would make
// them (route, method, path, profile, headers), then the before hook, then the operation.
func (s *Simulator) dispatch(r *http.Request, route, customerID, merchantID string, body []byte) *reply {
	methods, known := routeMethods[route]
	if !known {
		return errorReply(http.StatusNotFound, errNotFound, "No such resource")
	}
	if !slices.Contains(methods, r.Method) {
		rep := errorReply(http.StatusMethodNotAllowed, errInvalidRequest, "Method "+r.Method+" is not allowed here")
		rep.header = http.Header{"Allow": {strings.Join(methods, ", ")}}
		return rep
	}
	if len(customerID) > maxCustomerIDLen {
		return errorReply(http.StatusBadRequest, errInvalidRequest, "customerId is longer than 32 characters",
			fieldDetail{Name: "customerId", Location: "path"})
	}
	if rep := s.checkProfileID(r, merchantID); rep != nil {
		return rep
	}
	ifMatch := ""
	if r.Method == http.MethodPatch {
		// Quotes are tolerated in case a client quotes the ETag as RFC 9110 would (inferred).
		ifMatch = strings.Trim(r.Header.Get("if-match"), `"`)
		if len(ifMatch) > maxIfMatchLen {
			return errorReply(http.StatusBadRequest, errInvalidHeaders, "if-match is longer than 32 characters",
				fieldDetail{Name: "if-match", Location: "header"})
		}
		// §2: if-match is optional but, when sent, 1–32 characters. An empty one must not
		// quietly turn a conditional update into an unconditional one.
		if _, sent := r.Header["If-Match"]; sent && ifMatch == "" {
			return errorReply(http.StatusBadRequest, errInvalidHeaders, "if-match must not be empty",
				fieldDetail{Name: "if-match", Location: "header"})
		}
	}
	s.runBeforeHook(r.Method, route, customerID)

	switch r.Method {
	case http.MethodPost:
		return s.createCustomer(merchantID, body)
	case http.MethodGet:
		view, err := s.store.get(merchantID, customerID)
		return customerReply(http.StatusOK, view, err)
	case http.MethodPatch:
		doc, err := decodeCustomerDocument(body)
		if err != nil {
			return storeErrorReply(err)
		}
		view, err := s.store.patch(merchantID, customerID, ifMatch, doc, false)
		return customerReply(http.StatusOK, view, err)
	default: // DELETE
		if err := s.store.remove(merchantID, customerID); err != nil {
			return storeErrorReply(err)
		}
		return &reply{status: http.StatusNoContent}
	}
}

// checkProfileID answers 424 notFound "Profile not found" for a profile-id of the wrong length or
// one the merchant does not have (tms-api.md §2, §4). The header is optional.
func (s *Simulator) checkProfileID(r *http.Request, merchantID string) *reply {
	values := r.Header.Values("profile-id")
	if len(values) == 0 {
		return nil
	}
	if len(values[0]) == profileIDLen && s.creds.profiles[merchantID][values[0]] {
		return nil
	}
	return errorReply(http.StatusFailedDependency, errNotFound, msgProfileNotFound)
}

func (s *Simulator) createCustomer(merchantID string, body []byte) *reply {
	doc, err := decodeCustomerDocument(body)
	if err != nil {
		return storeErrorReply(err)
	}
	view, err := s.store.create(merchantID, doc)
	if err != nil {
		return storeErrorReply(err)
	}
	s.stats.countCustomerCreated()
	rep := customerReply(http.StatusCreated, view, nil)
	rep.header.Set("Location", customersPath+"/"+view.id)
	return rep
}

// customerReply answers with the customer and its ETag (tms-api.md §6: POST 201, GET 200, PATCH 200).
func customerReply(status int, view customerView, err error) *reply {
	if err != nil {
		return storeErrorReply(err)
	}
	return &reply{status: status, body: view.body, header: http.Header{"Etag": {view.etag}}}
}

// storeErrorReply maps store and validation errors to tms-api.md §4 answers.
func storeErrorReply(err error) *reply {
	var invalid *ValidationError
	switch {
	case errors.Is(err, ErrCustomerNotFound):
		return errorReply(http.StatusNotFound, errNotFound, msgTokenNotFound)
	case errors.Is(err, ErrCustomerDeleted):
		return errorReply(http.StatusGone, errNotAvailable, msgTokenDeleted)
	case errors.Is(err, errStaleETag):
		return errorReply(http.StatusPreconditionFailed, errConflict, msgPreconditionFailed)
	case errors.Is(err, errMalformedJSON):
		return errorReply(http.StatusBadRequest, errInvalidRequest, "Malformed request: "+err.Error())
	case errors.As(err, &invalid):
		details := make([]fieldDetail, len(invalid.Fields))
		for i, name := range invalid.Fields {
			details[i] = fieldDetail{Name: name, Location: "body"}
		}
		return invalidFieldsReply(details)
	default:
		return errorReply(http.StatusInternalServerError, errServerError, "Internal error")
	}
}
