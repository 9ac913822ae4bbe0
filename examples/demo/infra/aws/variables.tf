variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "environment" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "office_cidr" {
  type    = string
  default = "203.0.113.0/24"
}
