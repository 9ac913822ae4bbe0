environment = "production"
region      = "eu-central-1"
office_cidr = "203.0.113.0/24"
