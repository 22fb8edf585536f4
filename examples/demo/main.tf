# A small but realistic test merchant: three loyalty programme members in CyberSource's Token
# Management Service, each with a shipping address and a default card, plus a lookup of one
# member's wallet through a data source. The outputs are what a checkout test needs.
#
# `make demo` runs it against the local simulator. To run it yourself (Terraform 1.11 or later,
# for the write-only card number), export the CYBERSOURCE_* variables described in the README
# (credentials never belong in .tf files) and the public test card numbers, then apply:
#
#   export TF_VAR_test_card_numbers='{ visa = "4111111111111111", mastercard = "5555555555554444", amex = "378282246310005" }'
#   terraform apply

terraform {
  # 1.11 for write-only arguments (card_number_wo), 1.10 for ephemeral variables.
  required_version = ">= 1.11"

  required_providers {
    cybersource = {
      source = "cybersource-tf/cybersource"
    }
  }
}

# Everything (merchant, keys, environment or endpoint) comes from CYBERSOURCE_* variables.
provider "cybersource" {}

variable "customers" {
  description = "Loyalty programme members, keyed by the merchant's own customer id."
  type = map(object({
    email      = string
    tier       = string
    newsletter = bool
    card       = string # a key of var.test_card_numbers
    ship_to = object({
      first_name          = string
      last_name           = string
      address1            = string
      locality            = string
      administrative_area = optional(string)
      postal_code         = string
      country             = string
    })
  }))
  default = {
    "cust-1001" = {
      email      = "ada@example.com"
      tier       = "gold"
      newsletter = true
      card       = "visa"
      ship_to = {
        first_name  = "Ada"
        last_name   = "Lovelace"
        address1    = "12 St James's Square"
        locality    = "London"
        postal_code = "SW1Y 4JH"
        country     = "GB"
      }
    }
    "cust-1002" = {
      email      = "alan@example.com"
      tier       = "silver"
      newsletter = false
      card       = "mastercard"
      ship_to = {
        first_name          = "Alan"
        last_name           = "Turing"
        address1            = "1 Market St"
        locality            = "San Francisco"
        administrative_area = "CA"
        postal_code         = "94105"
        country             = "US"
      }
    }
    "cust-1003" = {
      email      = "grace@example.com"
      tier       = "gold"
      newsletter = true
      card       = "amex"
      ship_to = {
        first_name          = "Grace"
        last_name           = "Hopper"
        address1            = "100 Queen St W"
        locality            = "Toronto"
        administrative_area = "ON"
        postal_code         = "M5H 2N2"
        country             = "CA"
      }
    }
  }
}

# The card numbers come from the environment (TF_VAR_test_card_numbers), never from this file.
# Ephemeral: Terraform keeps the value out of plan files and state, and lets it reach only
# write-only arguments such as card_number_wo.
variable "test_card_numbers" {
  description = "Card numbers by brand: CyberSource's public test numbers, never real cards."
  type        = map(string)
  sensitive   = true
  ephemeral   = true
}

variable "source_system" {
  description = "Recorded as the client reference code, so CyberSource reports show where a customer came from."
  type        = string
  default     = "loyalty-tf-demo"
}

locals {
  # CyberSource card type codes.
  card_types = { visa = "001", mastercard = "002", amex = "003" }

  gold_members      = sort([for key, c in var.customers : key if c.tier == "gold"])
  first_gold_member = local.gold_members[0]
}

resource "cybersource_tms_customer" "member" {
  for_each = var.customers

  # title and comment are free text shown in the Business Center: keep personal data such as
  # names out of them, as out of merchant-defined fields.
  merchant_customer_id  = each.key
  email                 = each.value.email
  title                 = "Loyalty member (${each.value.tier})"
  comment               = "Managed by Terraform (examples/demo)"
  client_reference_code = var.source_system

  # data1 holds the tier; data2 is present only for newsletter subscribers, so the map's
  # shape differs between customers.
  merchant_defined_information = merge(
    { data1 = each.value.tier },
    each.value.newsletter ? { data2 = "newsletter" } : {},
  )
}

# A customer's first shipping address becomes its default on its own.
resource "cybersource_tms_customer_shipping_address" "home" {
  for_each = var.customers

  customer_id         = cybersource_tms_customer.member[each.key].id
  first_name          = each.value.ship_to.first_name
  last_name           = each.value.ship_to.last_name
  address1            = each.value.ship_to.address1
  locality            = each.value.ship_to.locality
  administrative_area = each.value.ship_to.administrative_area
  postal_code         = each.value.ship_to.postal_code
  country             = each.value.ship_to.country
  email               = each.value.email
}

# One card token per card number, as CyberSource keeps them: members who share a brand share
# its token.
resource "cybersource_tms_instrument_identifier" "card" {
  for_each = toset([for c in var.customers : c.card])

  card_number_wo = var.test_card_numbers[each.key]
}

resource "cybersource_tms_customer_payment_instrument" "card" {
  for_each = var.customers

  customer_id              = cybersource_tms_customer.member[each.key].id
  instrument_identifier_id = cybersource_tms_instrument_identifier.card[each.value.card].id
  card_type                = local.card_types[each.value.card]
  card_expiration_month    = "12"
  card_expiration_year     = "2031"
  # The first instrument would become the default anyway; saying so keeps it the default if
  # the checkout under test adds more cards.
  default = true

  # Billed where the goods are shipped.
  bill_to = {
    first_name          = each.value.ship_to.first_name
    last_name           = each.value.ship_to.last_name
    address1            = each.value.ship_to.address1
    locality            = each.value.ship_to.locality
    administrative_area = each.value.ship_to.administrative_area
    postal_code         = each.value.ship_to.postal_code
    country             = each.value.ship_to.country
    email               = each.value.email
  }
}

# Read one member's wallet back, as a checkout service (or another configuration) would. Its
# customer_id comes from the payment instrument, so the read waits until the card is there.
data "cybersource_tms_customer_payment_instruments" "first_gold_member" {
  customer_id = cybersource_tms_customer_payment_instrument.card[local.first_gold_member].customer_id
}

output "checkout_customers" {
  description = "What a checkout test needs for each member: the customer, its default card and its shipping address."
  value = {
    for key in keys(var.customers) : key => {
      customer_id           = cybersource_tms_customer.member[key].id
      payment_instrument_id = cybersource_tms_customer_payment_instrument.card[key].id
      shipping_address_id   = cybersource_tms_customer_shipping_address.home[key].id
      card                  = cybersource_tms_customer_payment_instrument.card[key].card_number_masked
    }
  }
}

output "gold_members" {
  description = "Merchant customer ids of the gold tier."
  value       = local.gold_members
}

output "first_gold_member_wallet" {
  description = "What the data source read back: the default card first."
  value = {
    default_id = data.cybersource_tms_customer_payment_instruments.first_gold_member.default_id
    cards = [
      for pi in data.cybersource_tms_customer_payment_instruments.first_gold_member.payment_instruments :
      "${pi.card_number_masked} (type ${pi.card_type}, expires ${pi.card_expiration_month}/${pi.card_expiration_year})"
    ]
  }
}
