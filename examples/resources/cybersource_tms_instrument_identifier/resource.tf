# The card number comes from outside the configuration: here a variable set through the
# environment (TF_VAR_card_number), or read it from a secret store. Ephemeral and sensitive, it
# stays out of plan files, state and output; card_number_wo, being write-only, accepts it.
variable "card_number" {
  description = "Card number to tokenise. In the sandbox, a public test number such as 4111111111111111."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "cybersource_tms_instrument_identifier" "visa" {
  card_number_wo = var.card_number

  # To tokenise another card, change TF_VAR_card_number and raise this number in the same change.
  card_number_wo_version = 1

  # The payment instruments that use the token move to the new one before the old one is
  # deleted (CyberSource refuses to delete a token still in use).
  lifecycle {
    create_before_destroy = true
  }
}

output "card_token" {
  value = {
    id     = cybersource_tms_instrument_identifier.visa.id
    masked = cybersource_tms_instrument_identifier.visa.card_number_masked # e.g. 411111XXXXXX1111
  }
}
