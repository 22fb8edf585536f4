# Import by customer id; the provider's profile_id (or the merchant's default profile) is used.
terraform import cybersource_tms_customer.jane F2F3ADA770102B51E053A2598D0A9078

# Import a customer that belongs to a specific TMS profile: <profile_id>/<customer_id>.
terraform import cybersource_tms_customer.jane F75AF380-9D1B-4117-83CD-FF2C0430ECE3/F2F3ADA770102B51E053A2598D0A9078
