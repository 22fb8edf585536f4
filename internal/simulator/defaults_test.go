package simulator

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

// childKind is what the default tests need to know about one kind of customer item.
type childKind struct {
	name       string
	kind       Kind
	collection func(customerID string) string
	group      string // the customer's member naming the default
	listMember string
	conflict   string // the 409 message for deleting the default of several
	body       func(ts *testServer, t *testing.T, extra ...string) string
}

func childKinds() []childKind {
	return []childKind{
		{
			name: "shipping address", kind: KindShippingAddress, collection: addressesPath, group: "defaultShippingAddress", listMember: "shippingAddresses",
			conflict: "Action cannot be performed as the ShippingAddress is the customers default",
			body: func(_ *testServer, _ *testing.T, extra ...string) string {
				return "{" + strings.Join(append([]string{`"shipTo":{"firstName":"Jane"}`}, extra...), ",") + "}"
			},
		},
		{
			name: "payment instrument", kind: KindPaymentInstrument, collection: instrumentsPath, group: "defaultPaymentInstrument", listMember: "paymentInstruments",
			conflict: "Action cannot be performed as the PaymentInstrument is the customers default",
			body: func(ts *testServer, t *testing.T, extra ...string) string {
				return instrumentBody(ts.identifier(t, testPAN), extra...)
			},
		},
	}
}

// etags snapshots the ETags of a customer and its items, to tell which ones a change touched.
func (ts *testServer) etags(t *testing.T, customerID string, items map[string]string) map[string]string {
	t.Helper()
	out := map[string]string{"customer": ts.etagOf(t, customersPath+"/"+customerID)}
	for name, path := range items {
		out[name] = ts.etagOf(t, path)
	}
	return out
}

// changed lists the names whose ETag differs between two snapshots, sorted.
func changed(before, after map[string]string) []string {
	var names []string
	for name, etag := range before {
		if after[name] != etag {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// TestDefaultSwitching follows tms-subresources.md §6.1 and §11.4–5 for both kinds: the first item
// becomes the default, default:true moves it (by POST, PATCH, Modify or the customer's PATCH),
// default:false is ignored, and every object whose answer changes gets a new ETag while the others
// keep theirs.
func TestDefaultSwitching(t *testing.T) {
	for _, kind := range childKinds() {
		t.Run(kind.name, func(t *testing.T) {
			ts := startServer(t, Options{})
			cid, _ := ts.create(t, `{}`)
			items := map[string]string{}
			create := func(name string, extra ...string) {
				id, _ := ts.post(t, kind.collection(cid), kind.body(ts, t, extra...))
				items[name] = kind.collection(cid) + "/" + id
			}
			id := func(name string) string { return items[name][len(kind.collection(cid))+1:] }
			expectDefault := func(step, want string) {
				t.Helper()
				c := ts.get(t, cid).json(t)
				if got := dig(c, kind.group, "id"); got != id(want) {
					t.Errorf("%s: customer's %s.id = %v, want %s's", step, kind.group, got, want)
				}
				if got := dig(c, "_embedded", kind.group, "id"); got != id(want) {
					t.Errorf("%s: customer's _embedded.%s.id = %v, want %s's", step, kind.group, got, want)
				}
				for name, path := range items {
					if got := ts.do(t, http.MethodGet, path, "").json(t)["default"]; got != (name == want) {
						t.Errorf("%s: %s reads default=%v", step, name, got)
					}
				}
			}
			step := func(name string, change func(), wantChanged ...string) {
				t.Helper()
				before := ts.etags(t, cid, items)
				change()
				after := ts.etags(t, cid, items)
				for n := range after {
					if _, existed := before[n]; !existed {
						before[n] = "" // created by the step: changed by definition
					}
				}
				if got := changed(before, after); !slices.Equal(got, wantChanged) {
					t.Errorf("%s: new ETags on %v, want on %v", name, got, wantChanged)
				}
			}

			step("the first becomes the default", func() { create("one") }, "customer", "one")
			expectDefault("first", "one")
			step("a second does not", func() { create("two") }, "two")
			expectDefault("second", "one")
			step("POST with default:true takes over", func() { create("three", `"default":true`) }, "customer", "one", "three")
			expectDefault("POST default:true", "three")
			step("PATCH with default:true takes over", func() {
				if a := ts.do(t, http.MethodPatch, items["two"], `{"default":true}`); a.status != http.StatusOK || a.json(t)["default"] != true {
					t.Errorf("PATCH default:true: %d %s", a.status, a.body)
				}
			}, "customer", "three", "two")
			expectDefault("PATCH default:true", "two")
			step(`the string "true" is tolerated`, func() {
				ts.do(t, http.MethodPatch, items["one"], `{"default":"true"}`)
			}, "customer", "one", "two")
			expectDefault(`PATCH default:"true"`, "one")
			step("default:false on the default is ignored", func() {
				ts.do(t, http.MethodPatch, items["one"], `{"default":false}`)
			})
			expectDefault("PATCH default:false", "one")
			step("the Node SDK's _default is ignored", func() {
				ts.do(t, http.MethodPatch, items["three"], `{"_default":true}`)
			})
			expectDefault("PATCH _default:true", "one")
			step("the customer's PATCH switches too", func() {
				ts.patch(t, cid, `{"`+kind.group+`":{"id":"`+id("three")+`"}}`)
			}, "customer", "one", "three")
			expectDefault("customer PATCH", "three")
			step("Modify with default:true switches", func() {
				if err := ts.Sim.Modify(kind.kind, DemoMerchantID, id("two"), []byte(`{"default":true}`)); err != nil {
					t.Fatal(err)
				}
			}, "customer", "three", "two")
			expectDefault("Modify", "two")

			// The default first, then creation order (tms-subresources.md §3.1, §4.1).
			order := ts.do(t, http.MethodGet, kind.collection(cid), "").embeddedIDs(t, kind.listMember)
			if want := []string{id("two"), id("one"), id("three")}; !slices.Equal(order, want) {
				t.Errorf("list order %v, want the default then creation order %v", order, want)
			}
		})
	}
}

// TestDeletingDefaults follows tms-subresources.md §6.2 and §11.6: the default of several items
// cannot be deleted, the others can, and the last one can, which leaves the customer without a
// default.
func TestDeletingDefaults(t *testing.T) {
	for _, kind := range childKinds() {
		t.Run(kind.name, func(t *testing.T) {
			ts := startServer(t, Options{})
			cid, _ := ts.create(t, `{}`)
			first, _ := ts.post(t, kind.collection(cid), kind.body(ts, t))
			second, _ := ts.post(t, kind.collection(cid), kind.body(ts, t))
			firstPath, secondPath := kind.collection(cid)+"/"+first, kind.collection(cid)+"/"+second

			refused := ts.do(t, http.MethodDelete, firstPath, "")
			refused.expectError(t, http.StatusConflict, errConflict)
			if msg := refused.errorMessage(t); msg != kind.conflict {
				t.Errorf("409 message %q, want %q", msg, kind.conflict)
			}
			if g := ts.do(t, http.MethodGet, firstPath, ""); g.status != http.StatusOK {
				t.Errorf("the refused DELETE removed the default: %d", g.status)
			}
			customerETag := ts.etagOf(t, customersPath+"/"+cid)
			if d := ts.do(t, http.MethodDelete, secondPath, ""); d.status != http.StatusNoContent {
				t.Fatalf("DELETE of the other item: %d %s", d.status, d.body)
			}
			if ts.etagOf(t, customersPath+"/"+cid) != customerETag {
				t.Error("deleting a non-default item changed the customer's ETag")
			}
			ts.do(t, http.MethodGet, secondPath, "").expectError(t, http.StatusGone, errNotAvailable)
			if d := ts.do(t, http.MethodDelete, firstPath, ""); d.status != http.StatusNoContent {
				t.Fatalf("DELETE of the only item: %d %s", d.status, d.body)
			}
			c := ts.get(t, cid)
			if c.header.Get("ETag") == customerETag || c.json(t)[kind.group] != nil || dig(c.json(t), "_embedded") != nil {
				t.Errorf("customer after deleting its only item: ETag %s (was %s) %s", c.header.Get("ETag"), customerETag, c.body)
			}
			// The next one is the first again, and default:false does not stop it being the default.
			third, _ := ts.post(t, kind.collection(cid), kind.body(ts, t, `"default":false`))
			if got := dig(ts.get(t, cid).json(t), kind.group, "id"); got != third {
				t.Errorf("default %v after re-creating with default:false, want %s", got, third)
			}
		})
	}
}
