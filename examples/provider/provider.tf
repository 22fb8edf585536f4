terraform {
  required_providers {
    cybersource = {
      source = "cybersource-tf/cybersource"
    }
  }
}

# The recommended set-up keeps every credential out of the configuration:
#
#   export CYBERSOURCE_MERCHANT_ID=your_merchant_id
#   export CYBERSOURCE_KEY_ID=00000000-0000-0000-0000-000000000000
#   export CYBERSOURCE_SHARED_SECRET=base64-shared-secret
#
# and names only what is not secret here.
provider "cybersource" {
  environment = "sandbox" # or "production", or one of the regional environments

  # Optional: the TMS profile used by every request unless a resource sets its own.
  # profile_id = "F75AF380-9D1B-4117-83CD-FF2C0430ECE3"
}
