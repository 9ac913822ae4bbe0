# The China region deployment of the shop: customer data of users in mainland China stays here.
terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.220"
    }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_kms_key" "orders" {
  description            = "orders data, cn-shanghai"
  pending_window_in_days = 30
  status                 = "Enabled"
  automatic_rotation     = "Enabled"
  rotation_interval      = "365d"
}

# Order exports for the finance team: private, encrypted with our key, versioned, logged.
resource "alicloud_oss_bucket" "order_exports" {
  bucket = "shop-cn-order-exports"
  acl    = "private"

  server_side_encryption_rule {
    sse_algorithm     = "KMS"
    kms_master_key_id = alicloud_kms_key.orders.id
  }

  versioning {
    status = "Enabled"
  }

  logging {
    target_bucket = "shop-cn-access-logs"
    target_prefix = "order-exports/"
  }
}

# Marketing banners: world-readable by design, but it also ended up holding CSV exports.
resource "alicloud_oss_bucket" "banners" {
  bucket = "shop-cn-banners"
  acl    = "public-read"
}

resource "alicloud_db_instance" "orders" {
  engine               = "MySQL"
  engine_version       = "8.0"
  instance_type        = "rds.mysql.s2.large"
  instance_storage     = 100
  instance_charge_type = "Postpaid"
  instance_name        = "shop-cn-orders"
  vswitch_id           = "vsw-uf6example0000000001"
  security_ips         = ["0.0.0.0/0"]
  ssl_action           = "Close"
  tde_status           = "Disabled"
}

resource "alicloud_security_group" "bastion" {
  name        = "shop-cn-bastion"
  description = "Bastion host"
  vpc_id      = "vpc-uf6example000000001"
}

resource "alicloud_security_group_rule" "ssh_anywhere" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  security_group_id = alicloud_security_group.bastion.id
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group_rule" "https_anywhere" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  security_group_id = alicloud_security_group.bastion.id
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_actiontrail_trail" "audit" {
  trail_name         = "shop-cn-audit"
  oss_bucket_name    = "shop-cn-access-logs"
  event_rw           = "All"
  trail_region       = "All"
}
