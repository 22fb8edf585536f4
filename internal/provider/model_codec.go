package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// modelCodec converts between a resource model struct and the Terraform object value of its
// schema, in place of the framework's tfsdk Get and Set. Those walk the struct by reflection on
// every call, and compile a regular expression per field to check its tag
// (docs/development/framework-costs.md): a quarter of what a resource operation allocates. The
// codec does that walk once per model type and then only converts values: each attribute goes
// through its schema type's own ValueFromTerraform / ToTerraformValue, exactly as the framework
// converts it. It handles what this provider's resource models hold: attribute values (types.*,
// timeouts.Value), embedded structs whose fields are flattened into the parent, and pointers to
// structs for single nested attributes (nil is null).
type modelCodec struct {
	objectType tftypes.Object
	fields     []codecField
}

type codecField struct {
	name     string
	index    []int // reflect.Value.FieldByIndex path, through embedded structs
	attrType attr.Type
	nested   *modelCodec // a *struct field: a single nested attribute
}

// codecs caches one codec per model type. Resource instances are created anew for every RPC, so
// the cache is the package's.
var codecs sync.Map // reflect.Type -> *modelCodec

// codecFor returns the codec of model type t for the schema, building it on first use (the
// schema's type is only asked for then: the framework builds it anew on every call).
func codecFor(ctx context.Context, t reflect.Type, schema schemaTyped) (*modelCodec, error) {
	if c, ok := codecs.Load(t); ok {
		return c.(*modelCodec), nil //nolint:forcetypeassert // only *modelCodec is stored
	}
	c, err := newModelCodec(ctx, t, schema.Type())
	if err != nil {
		return nil, err
	}
	actual, _ := codecs.LoadOrStore(t, c)
	return actual.(*modelCodec), nil //nolint:forcetypeassert // only *modelCodec is stored
}

func newModelCodec(ctx context.Context, t reflect.Type, schemaType attr.Type) (*modelCodec, error) {
	objectType, ok := schemaType.(attr.TypeWithAttributeTypes)
	if !ok {
		return nil, fmt.Errorf("model %s: schema type %T is not an object", t, schemaType)
	}
	tfType, ok := schemaType.TerraformType(ctx).(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("model %s: schema type is not a Terraform object", t)
	}
	c := &modelCodec{objectType: tfType}
	if err := c.addFields(ctx, t, nil, objectType.AttributeTypes()); err != nil {
		return nil, err
	}
	if len(c.fields) != len(objectType.AttributeTypes()) {
		return nil, fmt.Errorf("model %s has %d attribute fields, its schema %d", t, len(c.fields), len(objectType.AttributeTypes()))
	}
	return c, nil
}

var attrValueType = reflect.TypeFor[attr.Value]()

func (c *modelCodec) addFields(ctx context.Context, t reflect.Type, prefix []int, attrTypes map[string]attr.Type) error {
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int{}, prefix...), i)
		tag := f.Tag.Get("tfsdk")
		if f.Anonymous && tag == "" {
			if err := c.addFields(ctx, f.Type, index, attrTypes); err != nil {
				return err
			}
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		attrType, ok := attrTypes[name]
		if !ok {
			return fmt.Errorf("model %s: field %s (tfsdk %q) has no attribute in the schema", t, f.Name, name)
		}
		field := codecField{name: name, index: index, attrType: attrType}
		switch {
		case f.Type.Implements(attrValueType):
		case f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct:
			nested, err := newModelCodec(ctx, f.Type.Elem(), attrType)
			if err != nil {
				return err
			}
			field.nested = nested
		default:
			return fmt.Errorf("model %s: field %s has type %s, which the codec does not convert", t, f.Name, f.Type)
		}
		c.fields = append(c.fields, field)
	}
	return nil
}

// decode fills the struct that target points to from an object value.
func (c *modelCodec) decode(ctx context.Context, raw tftypes.Value, target reflect.Value) error {
	values := map[string]tftypes.Value{}
	if err := raw.As(&values); err != nil {
		return err
	}
	for _, f := range c.fields {
		dst := target.FieldByIndex(f.index)
		v := values[f.name]
		if f.nested != nil {
			if v.IsNull() || !v.IsKnown() {
				dst.SetZero()
				continue
			}
			ptr := reflect.New(dst.Type().Elem())
			if err := f.nested.decode(ctx, v, ptr.Elem()); err != nil {
				return err
			}
			dst.Set(ptr)
			continue
		}
		value, err := f.attrType.ValueFromTerraform(ctx, v)
		if err != nil {
			return fmt.Errorf("attribute %s: %w", f.name, err)
		}
		dst.Set(reflect.ValueOf(value))
	}
	return nil
}

// encode builds the object value of the struct source.
func (c *modelCodec) encode(ctx context.Context, source reflect.Value) (tftypes.Value, error) {
	values := make(map[string]tftypes.Value, len(c.fields))
	for _, f := range c.fields {
		src := source.FieldByIndex(f.index)
		if f.nested != nil {
			if src.IsNil() {
				values[f.name] = tftypes.NewValue(f.nested.objectType, nil)
				continue
			}
			v, err := f.nested.encode(ctx, src.Elem())
			if err != nil {
				return tftypes.Value{}, err
			}
			values[f.name] = v
			continue
		}
		value, ok := src.Interface().(attr.Value)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("attribute %s is not an attr.Value", f.name)
		}
		if value.IsNull() {
			// Typed from the schema: a zero value (a types.Map never set, say) knows no element type.
			values[f.name] = tftypes.NewValue(f.attrType.TerraformType(ctx), nil)
			continue
		}
		v, err := value.ToTerraformValue(ctx)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("attribute %s: %w", f.name, err)
		}
		values[f.name] = v
	}
	return tftypes.NewValue(c.objectType, values), nil
}

// schemaTyped is what tfsdk.Plan, State and Config hold as their Schema (an internal framework
// type): its object type.
type schemaTyped interface {
	Type() attr.Type
}

// readModel decodes a plan, state or configuration value into a model, as tfsdk's Get would.
func readModel[M any](ctx context.Context, schema schemaTyped, raw tftypes.Value, target *M) diag.Diagnostics {
	var diags diag.Diagnostics
	c, err := codecFor(ctx, reflect.TypeFor[M](), schema)
	if err == nil {
		err = c.decode(ctx, raw, reflect.ValueOf(target).Elem())
	}
	if err != nil {
		diags.AddError("Unable to Read the Resource Data",
			fmt.Sprintf("Converting Terraform's data into the provider's model failed: %s. This is a bug in the provider; please report it.", err))
	}
	return diags
}

// writeModel encodes a model into the value of a state, as tfsdk's Set would.
func writeModel[M any](ctx context.Context, schema schemaTyped, model *M) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	c, err := codecFor(ctx, reflect.TypeFor[M](), schema)
	var value tftypes.Value
	if err == nil {
		value, err = c.encode(ctx, reflect.ValueOf(model).Elem())
	}
	if err != nil {
		diags.AddError("Unable to Write the Resource Data",
			fmt.Sprintf("Converting the provider's model into Terraform's data failed: %s. This is a bug in the provider; please report it.", err))
	}
	return value, diags
}

// rawAttribute reads one top-level attribute straight from a plan, state or configuration value,
// without the schema lookups of tfsdk's GetAttribute (each copies the schema's attribute map,
// docs/development/framework-costs.md); the hot paths of planning read one or two attributes
// this way. Absent or mistyped values read as null.
func rawAttribute(raw tftypes.Value, name string) tftypes.Value {
	v, _, err := tftypes.WalkAttributePath(raw, tftypes.NewAttributePath().WithAttributeName(name))
	value, ok := v.(tftypes.Value)
	if err != nil || !ok {
		return tftypes.Value{}
	}
	return value
}

// rawString is a top-level string attribute of raw (rawAttribute).
func rawString(raw tftypes.Value, name string) types.String {
	v := rawAttribute(raw, name)
	var s string
	switch {
	case v.Type() == nil || v.IsNull():
		return types.StringNull()
	case !v.IsKnown():
		return types.StringUnknown()
	case v.As(&s) != nil:
		return types.StringNull()
	}
	return types.StringValue(s)
}

// rawBool is a top-level bool attribute of raw (rawAttribute).
func rawBool(raw tftypes.Value, name string) types.Bool {
	v := rawAttribute(raw, name)
	var b bool
	switch {
	case v.Type() == nil || v.IsNull():
		return types.BoolNull()
	case !v.IsKnown():
		return types.BoolUnknown()
	case v.As(&b) != nil:
		return types.BoolNull()
	}
	return types.BoolValue(b)
}
