package simulator

import "slices"

// The links between stored objects: a customer's children and its choice of defaults, and the
// references from payment instruments to instrument identifiers. Call these with the store's lock
// held.

// retarget points o's reference at target (nil: at nothing), keeping the referrer lists right.
func (o *object) retarget(target *object) {
	if o.target == target {
		return
	}
	if old := o.target; old != nil {
		old.referrers = slices.DeleteFunc(old.referrers, func(r *object) bool { return r == o })
	}
	o.target = target
	if target != nil {
		target.referrers = append(target.referrers, o)
	}
}

// child returns o's child of a kind with an id, or nil.
func (o *object) child(spec *kindSpec, id string) *object {
	for _, c := range o.children {
		if c.spec == spec && c.id == id {
			return c
		}
	}
	return nil
}

func (o *object) countChildren(spec *kindSpec) int {
	n := 0
	for _, c := range o.children {
		if c.spec == spec {
			n++
		}
	}
	return n
}

// defaultChild returns the child of a kind that o names as its default, or nil.
func (o *object) defaultChild(spec *kindSpec) *object {
	if id, named := idIn(o.fields, spec.defaultOf.group); named {
		return o.child(spec, id)
	}
	return nil
}

// setDefault makes child its parent's default of that kind; the old default stops being one, since
// default is rendered from the parent's choice.
func (o *object) setDefault(child *object) {
	o.fields = mergePatch(o.fields, map[string]any{child.spec.defaultOf.group: map[string]any{"id": child.id}})
}
