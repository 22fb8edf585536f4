# Look up a customer created elsewhere, for example by a checkout service.
data "cybersource_tms_customer" "existing" {
  id = "F2F3ADA770102B51E053A2598D0A9078"
}

locals {
  customer = data.cybersource_tms_customer.existing
  card     = data.cybersource_tms_customer.existing.default_payment_instrument
}

output "existing_customer" {
  value = {
    merchant_customer_id = local.customer.merchant_customer_id
    loyalty_tier         = try(local.customer.merchant_defined_information["data1"], null)
    # The embedded payment instrument is null until the customer has one; it never holds a card number.
    default_card = local.card == null ? null : "${local.card.card_type} expiring ${local.card.expiration_month}/${local.card.expiration_year}"
  }
}
