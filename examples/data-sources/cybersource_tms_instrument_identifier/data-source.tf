# Read a card token by id, for example the one behind a customer's default payment instrument.
data "cybersource_tms_instrument_identifier" "card" {
  id = "7010000000016241111"
}

output "card_token" {
  value = {
    masked_number = data.cybersource_tms_instrument_identifier.card.card_number_masked # e.g. 411111XXXXXX1111
    usable        = data.cybersource_tms_instrument_identifier.card.state == "ACTIVE"
  }
}
