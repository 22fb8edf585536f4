package simulator

import (
	"bytes"
	"errors"
	"net/http"
)

// serveCreate answers POST on a collection: 201 with the new object, its ETag and Location (its
// self href), or 200 with an existing one that holds the same data (tms-subresources.md §6.6).
func (s *Simulator) serveCreate(spec *kindSpec, c call) *reply {
	w, err := s.store.decodeWrite(spec, c.merchantID, c.body, false)
	if err != nil {
		return storeErrorReply(err)
	}
	parentID := c.ids.last()
	v, created, err := s.store.create(spec, c.merchantID, parentID, w)
	if err != nil {
		return storeErrorReply(err)
	}
	status := http.StatusOK
	if created {
		s.stats.countCreated(spec.kind)
		status = http.StatusCreated
	}
	rep := objectReply(status, spec, v, c.r)
	rep.header.Set("Location", linkBase(spec, c.r)+spec.collectionPathOf(parentID)+"/"+v.id)
	return rep
}

// serveItem answers GET, PATCH and DELETE on one object.
func (s *Simulator) serveItem(spec *kindSpec, c call) *reply {
	parentID, id := c.ids.parent(), c.ids.last()
	var v view
	var err error
	switch c.r.Method {
	case http.MethodGet:
		v, err = s.store.get(spec, c.merchantID, parentID, id)
	case http.MethodPatch:
		var w write
		if w, err = s.store.decodeWrite(spec, c.merchantID, c.body, true); err == nil {
			v, err = s.store.patch(spec, c.merchantID, parentID, id, c.ifMatch, w, false)
		}
	default: // DELETE
		if err = s.store.remove(spec, c.merchantID, parentID, id, true); err == nil {
			return &reply{status: http.StatusNoContent}
		}
	}
	if err != nil {
		return storeErrorReply(err)
	}
	return objectReply(http.StatusOK, spec, v, c.r)
}

// objectReply answers with an object and its ETag (tms-api.md §6, tms-subresources.md §2d).
func objectReply(status int, spec *kindSpec, v view, r *http.Request) *reply {
	body := v.body
	if base := linkBase(spec, r); base != "" {
		// Only an absolute-link kind's own _links carry hrefs in its body, and the quote that
		// opens each value cannot occur unescaped inside a JSON string.
		body = bytes.ReplaceAll(body, []byte(`"href":"/`), []byte(`"href":"`+base+`/`))
	}
	return &reply{status: status, body: body, header: http.Header{"Etag": {v.etag}}}
}

// linkBase is the scheme and host that make a kind's own links absolute, "" for relative links.
// The request's own host stands in for CyberSource's (tms-subresources.md §5).
func linkBase(spec *kindSpec, r *http.Request) string {
	if !spec.absoluteLinks {
		return ""
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// storeErrorReply maps store and validation errors to answers (tms-api.md §4,
// tms-subresources.md §8).
func storeErrorReply(err error) *reply {
	var invalid *ValidationError
	var conflict *conflictError
	switch {
	case errors.Is(err, ErrNotFound):
		return errorReply(http.StatusNotFound, errNotFound, msgTokenNotFound)
	case errors.Is(err, ErrDeleted):
		return errorReply(http.StatusGone, errNotAvailable, msgTokenDeleted)
	case errors.Is(err, errStaleETag):
		return errorReply(http.StatusPreconditionFailed, errConflict, msgPreconditionFailed)
	case errors.Is(err, errMalformedJSON):
		return errorReply(http.StatusBadRequest, errInvalidRequest, "Malformed request: "+err.Error())
	case errors.As(err, &conflict):
		return errorReply(http.StatusConflict, conflict.errType, conflict.message)
	case errors.As(err, &invalid):
		return fieldsReply(invalid)
	default:
		return errorReply(http.StatusInternalServerError, errServerError, "Internal error")
	}
}
