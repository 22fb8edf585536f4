# A test merchant for checkout tests: a few CyberSource TMS customers, each with a shipping
# address and a default card made from a public test card number. The same configuration runs
# against the local simulator and against the CyberSource sandbox; the CYBERSOURCE_* environment
# variables choose which. See the guide "Setting up a test merchant".

terraform {
  # Write-only arguments (card_number_wo) need Terraform 1.11.
  required_version = ">= 1.11"

  required_providers {
    cybersource = {
      source = "cybersource-tf/cybersource"
    }
  }
}

# Merchant, keys and environment (or the simulator's endpoint) come from CYBERSOURCE_* variables.
provider "cybersource" {}

variable "test_customers" {
  description = "Test customers, keyed by merchant customer id. card names a key of var.test_card_numbers."
  type = map(object({
    email = string
    card  = string
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
    "checkout-visa" = {
      email = "visa.buyer@example.com"
      card  = "visa"
      ship_to = {
        first_name          = "Vera"
        last_name           = "Tester"
        address1            = "1 Market St"
        locality            = "San Francisco"
        administrative_area = "CA"
        postal_code         = "94105"
        country             = "US"
      }
    }
    "checkout-mastercard" = {
      email = "mc.buyer@example.com"
      card  = "mastercard"
      ship_to = {
        first_name          = "Max"
        last_name           = "Tester"
        address1            = "200 Bay St"
        locality            = "Toronto"
        administrative_area = "ON"
        postal_code         = "M5J 2J2"
        country             = "CA"
      }
    }
    "checkout-amex" = {
      email = "amex.buyer@example.com"
      card  = "amex"
      ship_to = {
        first_name  = "Alex"
        last_name   = "Tester"
        address1    = "10 Downing St"
        locality    = "London"
        postal_code = "SW1A 2AA"
        country     = "GB"
      }
    }
  }

  validation {
    condition     = alltrue([for c in values(var.test_customers) : contains(["visa", "mastercard", "amex"], c.card)])
    error_message = "Each test customer's card must be visa, mastercard or amex."
  }
}

# Set from the environment, never in a file:
#   export TF_VAR_test_card_numbers='{ visa = "4111111111111111", mastercard = "5555555555554444", amex = "378282246310005" }'
variable "test_card_numbers" {
  description = "Card numbers by brand: CyberSource's public test card numbers, never real cards."
  type        = map(string)
  sensitive   = true
  ephemeral   = true
}

variable "card_expiration" {
  description = "Expiration date of every test card."
  type        = object({ month = string, year = string })
  default     = { month = "12", year = "2031" }
}

locals {
  card_types = { visa = "001", mastercard = "002", amex = "003" }
}

resource "cybersource_tms_customer" "test" {
  for_each = var.test_customers

  merchant_customer_id = each.key
  email                = each.value.email
  comment              = "Checkout test fixture, managed by Terraform"
}

# The first address of a customer becomes its default on its own.
resource "cybersource_tms_customer_shipping_address" "test" {
  for_each = var.test_customers

  customer_id         = cybersource_tms_customer.test[each.key].id
  first_name          = each.value.ship_to.first_name
  last_name           = each.value.ship_to.last_name
  address1            = each.value.ship_to.address1
  locality            = each.value.ship_to.locality
  administrative_area = each.value.ship_to.administrative_area
  postal_code         = each.value.ship_to.postal_code
  country             = each.value.ship_to.country
  email               = each.value.email
}

# One token per card number, as CyberSource keeps them; customers with the same brand share it.
resource "cybersource_tms_instrument_identifier" "test_card" {
  for_each = toset([for c in var.test_customers : c.card])

  card_number_wo = var.test_card_numbers[each.key]
}

resource "cybersource_tms_customer_payment_instrument" "test" {
  for_each = var.test_customers

  customer_id              = cybersource_tms_customer.test[each.key].id
  instrument_identifier_id = cybersource_tms_instrument_identifier.test_card[each.value.card].id
  card_type                = local.card_types[each.value.card]
  card_expiration_month    = var.card_expiration.month
  card_expiration_year     = var.card_expiration.year
  default                  = true # stays the default if a test adds more cards

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

output "checkout_fixtures" {
  description = "Per test customer: the ids a checkout test sends or expects back, and the masked card."
  value = {
    for key in keys(var.test_customers) : key => {
      customer_id              = cybersource_tms_customer.test[key].id
      payment_instrument_id    = cybersource_tms_customer_payment_instrument.test[key].id
      shipping_address_id      = cybersource_tms_customer_shipping_address.test[key].id
      instrument_identifier_id = cybersource_tms_customer_payment_instrument.test[key].instrument_identifier_id
      card_number_masked       = cybersource_tms_customer_payment_instrument.test[key].card_number_masked
    }
  }
}
