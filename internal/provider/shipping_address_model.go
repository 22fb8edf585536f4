package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// shippingAddressItem is one shipping address as the API returns it (tms-subresources.md §3):
// the resource's attributes that come from the object, and one element of the list data source.
type shippingAddressItem struct {
	ID      types.String `tfsdk:"id"`
	Default types.Bool   `tfsdk:"default"`
	addressModel
	Creator types.String `tfsdk:"creator"`
}

// shippingAddressItemFromAPI maps an answer; absent members become null.
func shippingAddressItemFromAPI(a *client.ShippingAddress) shippingAddressItem {
	item := shippingAddressItem{
		ID:           stringValue(a.ID),
		Default:      types.BoolPointerValue(a.Default),
		addressModel: addressFromAPI(a.ShipTo),
	}
	if a.Metadata != nil {
		item.Creator = stringValue(a.Metadata.Creator)
	} else {
		item.Creator = types.StringNull()
	}
	return item
}

// shippingAddressResourceModel is cybersource_tms_customer_shipping_address.
type shippingAddressResourceModel struct {
	shippingAddressItem
	customerItemRef
}

func (m shippingAddressResourceModel) idValues() []types.String {
	return []types.String{m.CustomerID, m.ID}
}
func (m shippingAddressResourceModel) creationClue() string {
	return fmt.Sprintf("List the shipping addresses of customer %q (data source "+
		"cybersource_tms_customer_shipping_addresses, or the Business Center) and look for this one", m.CustomerID.ValueString())
}

// toAPI builds the body of the writable attributes; default is sent only when known.
func (m shippingAddressResourceModel) toAPI() *client.ShippingAddress {
	return &client.ShippingAddress{Default: boolPointer(m.Default), ShipTo: m.addressModel.toAPI()}
}

// refreshed is prior with every attribute the API owns taken from an answer.
func (m shippingAddressResourceModel) refreshed(a *client.ShippingAddress) shippingAddressResourceModel {
	out := m
	out.shippingAddressItem = shippingAddressItemFromAPI(a)
	return out
}

// boolPointer returns nil for null or unknown values, so they never reach the API.
func boolPointer(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

func (m shippingAddressResourceModel) withoutDefault() shippingAddressResourceModel {
	m.Default = types.BoolNull()
	return m
}
