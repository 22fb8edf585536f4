# Every payment instrument of a customer created elsewhere, the default first.
data "cybersource_tms_customer_payment_instruments" "jane" {
  customer_id = "F2F3ADA770102B51E053A2598D0A9078"
}

locals {
  wallet = data.cybersource_tms_customer_payment_instruments.jane
}

output "jane_wallet" {
  value = {
    default_payment_instrument_id = local.wallet.default_id
    # Masked numbers only: CyberSource never returns a full card number.
    active_cards = [
      for pi in local.wallet.payment_instruments : "${pi.card_number_masked} (${pi.card_expiration_month}/${pi.card_expiration_year})"
      if pi.state == "ACTIVE"
    ]
    card_tokens = distinct([for pi in local.wallet.payment_instruments : pi.instrument_identifier_id])
  }
}
