# A card token made from a card number passed in a variable, as a user would pass it (never
# written in the configuration). The step chooses the number, its version, and whether a second
# resource tokenises the same card.
variable "card_number" {
  type = string
}

variable "card_version" {
  type    = number
  default = 1
}

variable "with_twin" {
  type    = bool
  default = false
}

resource "cybersource_tms_instrument_identifier" "test" {
  card_number_wo         = var.card_number
  card_number_wo_version = var.card_version
}

# The same card again: CyberSource answers with the existing token, which this one adopts.
resource "cybersource_tms_instrument_identifier" "twin" {
  count          = var.with_twin ? 1 : 0
  card_number_wo = var.card_number
}
