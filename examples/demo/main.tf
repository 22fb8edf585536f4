# A small but realistic configuration: the customers a loyalty programme keeps in CyberSource's
# Token Management Service, one per entry in var.customers, plus a lookup through the data source.
#
# `make demo` runs it against the local simulator. To run it yourself, export the CYBERSOURCE_*
# variables described in the README (credentials never belong in .tf files) and run
# `terraform apply` in this directory.

terraform {
  required_version = ">= 1.6"

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
  }))
  default = {
    "cust-1001" = { email = "ada@example.com", tier = "gold", newsletter = true }
    "cust-1002" = { email = "alan@example.com", tier = "silver", newsletter = false }
    "cust-1003" = { email = "grace@example.com", tier = "gold", newsletter = true }
  }
}

variable "source_system" {
  description = "Recorded as the client reference code, so CyberSource reports show where a customer came from."
  type        = string
  default     = "loyalty-tf-demo"
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

# Read one customer back by its TMS id, as another configuration (or team) would.
data "cybersource_tms_customer" "first_gold_member" {
  id = cybersource_tms_customer.member[local.first_gold_member].id
}

locals {
  gold_members      = sort([for key, c in var.customers : key if c.tier == "gold"])
  first_gold_member = local.gold_members[0]
}

output "customer_ids" {
  description = "TMS customer id for each merchant customer id."
  value       = { for key, c in cybersource_tms_customer.member : key => c.id }
}

output "gold_members" {
  description = "Merchant customer ids of the gold tier."
  value       = local.gold_members
}

output "looked_up_customer" {
  description = "What the data source read back for the first gold member."
  value = {
    id                   = data.cybersource_tms_customer.first_gold_member.id
    merchant_customer_id = data.cybersource_tms_customer.first_gold_member.merchant_customer_id
    tier                 = data.cybersource_tms_customer.first_gold_member.merchant_defined_information["data1"]
    creator              = data.cybersource_tms_customer.first_gold_member.creator
  }
}
