package simulator

// mergePatch applies an RFC 7396 JSON Merge Patch (tms-api.md §3): members of an object patch are
// merged recursively, null removes a member (a whole group when the member is a group), and any
// other value, arrays included, replaces the target whole. The target is never modified: every
// object on the patched path is copied, so stored documents stay safe to share.
func mergePatch(target, patch map[string]any) map[string]any {
	result := make(map[string]any, len(target)+len(patch))
	for k, v := range target {
		result[k] = v
	}
	for k, v := range patch {
		switch value := v.(type) {
		case nil:
			delete(result, k)
		case map[string]any:
			targetObject, _ := result[k].(map[string]any) // a non-object target is replaced
			result[k] = mergePatch(targetObject, value)
		default:
			result[k] = v
		}
	}
	return result
}

// pruneEmpty drops empty objects and empty lists, recursively, so that removing a group's last
// field removes the group and the stored customer reads back the way a client that omits empty
// groups expects (inferred: CyberSource does not echo empty groups). Objects shared with a stored
// document are already pruned, so only objects that came from the patch are ever modified.
func pruneEmpty(doc map[string]any) map[string]any {
	for k, v := range doc {
		switch value := v.(type) {
		case map[string]any:
			if len(pruneEmpty(value)) == 0 {
				delete(doc, k)
			}
		case []any:
			if len(value) == 0 {
				delete(doc, k)
			}
		}
	}
	return doc
}
