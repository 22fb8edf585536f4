# The id is <instrument_identifier_id> or <profile_id>/<instrument_identifier_id>. The resource
# block still needs card_number_wo (it is required), but an import never sends it.
import {
  to = cybersource_tms_instrument_identifier.visa
  id = "7010000000016241111"
}
