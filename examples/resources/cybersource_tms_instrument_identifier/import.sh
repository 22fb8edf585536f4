# Import by instrument identifier id; the provider's profile_id (or the merchant's default
# profile) is used.
terraform import cybersource_tms_instrument_identifier.visa 7010000000016241111

# Import a card token of a specific TMS profile: <profile_id>/<instrument_identifier_id>.
terraform import cybersource_tms_instrument_identifier.visa F75AF380-9D1B-4117-83CD-FF2C0430ECE3/7010000000016241111
