package simulator

import "slices"

// create stores a new object under parentID ("" for top-level kinds). created is false when the
// kind's de-duplication index already holds the same data: the existing object is returned
// unchanged (tms-subresources.md §6.6; whether a repeated POST updates the writable members of the
// existing token is not documented, and it does not here: inferred).
func (st *store) create(spec *kindSpec, merchantID, parentID string, w write) (v view, created bool, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	var parent *object
	if spec.parent != "" {
		if parent, err = st.find(registry.spec(spec.parent), merchantID, "", parentID); err != nil {
			return view{}, false, err
		}
	}
	if existing := st.unique[w.uniqueKey]; existing != nil && w.uniqueKey != "" {
		return existing.view(), false, nil
	}
	o := &object{spec: spec, id: st.freshID(spec), merchantID: merchantID, parent: parent}
	fields := pruneEmpty(mergePatch(nil, w.fields))
	target, err := st.checkLinks(o, fields)
	if err != nil {
		return view{}, false, err
	}
	st.seq++
	o.seq, o.fields, o.uniqueKey = st.seq, fields, w.uniqueKey
	st.objects[objectKey{spec.kind, o.id}] = o
	st.stored[spec.kind]++
	if o.uniqueKey != "" {
		st.unique[o.uniqueKey] = o
	}
	if parent != nil {
		parent.children = append(parent.children, o)
	}
	o.retarget(target)
	// tms-subresources.md §6.1: the first item becomes the default (default:false is ignored, see
	// decodeWrite), and so does any item created while the parent has none (after a customer PATCH
	// cleared it: inferred); default:true takes the role from the current default.
	if spec.defaultOf != nil && (w.makeDefault || parent.defaultChild(spec) == nil) {
		parent.setDefault(o)
	}
	if err := settle(nil, o); err != nil {
		return view{}, false, err
	}
	return o.view(), true, nil
}

// patch applies a validated merge patch. ifMatch, when not empty, must be the current ETag. An
// object gets a new ETag whenever its rendering changes, and forced always does (an out-of-band
// writer the client cannot see).
func (st *store) patch(spec *kindSpec, merchantID, parentID, id, ifMatch string, w write, force bool) (view, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	o, err := st.find(spec, merchantID, parentID, id)
	if err != nil {
		return view{}, err
	}
	if ifMatch != "" && ifMatch != o.etag {
		return view{}, errStaleETag
	}
	fields := pruneEmpty(mergePatch(o.fields, w.fields))
	target, err := st.checkLinks(o, fields)
	if err != nil {
		return view{}, err
	}
	o.fields = fields
	// A reference moved to another token leaves the old one in place: only DELETE cascades
	// (tms-subresources.md §6.3; inferred).
	o.retarget(target)
	if w.makeDefault && o.parent != nil {
		o.parent.setDefault(o)
	}
	var forced *object
	if force {
		forced = o
	}
	if err := settle(forced, o); err != nil {
		return view{}, err
	}
	return o.view(), nil
}

// remove deletes an object with everything that depends on it. enforce applies the API's 409
// rules; the Go API's out-of-band removal skips them.
func (st *store) remove(spec *kindSpec, merchantID, parentID, id string, enforce bool) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	o, err := st.find(spec, merchantID, parentID, id)
	if err != nil {
		return err
	}
	if enforce {
		if err := o.deletable(); err != nil {
			return err
		}
	}
	return settle(nil, st.removeTree(o, nil)...)
}

// deletable applies the 409 rules: the default of several items stays until another is chosen
// (tms-subresources.md §6.2), and a token others reference stays while they do (§6.4).
func (o *object) deletable() error {
	if d := o.spec.defaultOf; d != nil && o.parent.defaultChild(o.spec) == o && o.parent.countChildren(o.spec) > 1 {
		return &conflictError{errType: errConflict, message: d.conflict}
	}
	if o.spec.inUse != nil && len(o.referrers) > 0 {
		return o.spec.inUse
	}
	return nil
}

// removeTree removes o, its children and (out of band only: the API refuses it) the objects that
// reference it, and then o's target when nothing references that any more (tms-subresources.md
// §6.3). Deleting a customer removes its payment instruments one by one, so each of their
// identifiers follows the same rule (inferred: §6.3 speaks of deleting a payment instrument, and
// tms-api.md §1 of a customer deleting its instruments). It returns the live objects whose
// rendering may have changed.
func (st *store) removeTree(o *object, touched []*object) []*object {
	o.dead = true
	for _, child := range slices.Clone(o.children) {
		touched = st.removeTree(child, touched)
	}
	for _, referrer := range slices.Clone(o.referrers) {
		touched = st.removeTree(referrer, touched)
	}
	key := objectKey{o.spec.kind, o.id}
	delete(st.objects, key)
	st.deleted[key] = tombstone{merchantID: o.merchantID, parentID: o.parentID()}
	st.stored[o.spec.kind]--
	if o.uniqueKey != "" {
		delete(st.unique, o.uniqueKey)
	}
	if p := o.parent; p != nil {
		if o.spec.defaultOf != nil && p.defaultChild(o.spec) == o {
			// The only item, or one removed out of band: the parent has no default now
			// (tms-subresources.md §6.2).
			p.fields = mergePatch(p.fields, map[string]any{o.spec.defaultOf.group: nil})
		}
		p.children = slices.DeleteFunc(p.children, func(c *object) bool { return c == o })
		touched = append(touched, p)
	}
	if t := o.target; t != nil {
		o.retarget(nil)
		if len(t.referrers) == 0 && !t.dead {
			touched = st.removeTree(t, touched)
		}
	}
	return touched
}

// checkLinks checks the ids that proposed fields of o name: its reference must name a live token
// of the same merchant, and the defaults it names must be its own children (tms-api.md §3: set
// "once the instrument exists"). It returns the reference's target.
func (st *store) checkLinks(o *object, fields map[string]any) (*object, error) {
	if missing := missingPaths(fields, o.spec.required); len(missing) > 0 {
		return nil, &ValidationError{Fields: missing, Missing: true}
	}
	var bad []string
	var target *object
	if ref := o.spec.ref; ref != nil {
		id, _ := idIn(fields, ref.field)
		var err error
		if target, err = st.find(registry.spec(ref.kind), o.merchantID, "", id); err != nil {
			bad = append(bad, ref.field+".id")
		}
	}
	for _, child := range o.spec.defaultKinds {
		if id, named := idIn(fields, child.defaultOf.group); named && o.child(child, id) == nil {
			bad = append(bad, child.defaultOf.group+".id")
		}
	}
	if bad != nil {
		return nil, &ValidationError{Fields: bad}
	}
	return target, nil
}
