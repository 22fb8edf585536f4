# Every shipping address of a customer created elsewhere, the default first.
data "cybersource_tms_customer_shipping_addresses" "jane" {
  customer_id = "F2F3ADA770102B51E053A2598D0A9078"
}

locals {
  addresses = data.cybersource_tms_customer_shipping_addresses.jane.shipping_addresses
}

output "jane_addresses" {
  value = {
    # null when the customer has no shipping address
    default_id = data.cybersource_tms_customer_shipping_addresses.jane.default_id
    countries  = distinct([for a in local.addresses : a.country])
    by_id      = { for a in local.addresses : a.id => "${a.address1}, ${a.locality} ${a.postal_code}" }
  }
}
