# Customer invoices: private, encrypted with our own key, versioned and logged.
resource "aws_kms_key" "orders" {
  description             = "orders data"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_s3_bucket" "invoices" {
  bucket = "shop-${var.environment}-invoices"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "invoices" {
  bucket = aws_s3_bucket.invoices.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.orders.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "invoices" {
  bucket = aws_s3_bucket.invoices.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "invoices" {
  bucket                  = aws_s3_bucket.invoices.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

module "access_logs" {
  source = "../modules/log_bucket"
  name   = "shop-${var.environment}-access-logs"
}

resource "aws_s3_bucket_logging" "invoices" {
  bucket        = aws_s3_bucket.invoices.id
  target_bucket = module.access_logs.bucket_id
  target_prefix = "invoices/"
}

# Product images for the web shop: readable by anyone, and nobody thought about encryption.
resource "aws_s3_bucket" "product_images" {
  bucket = "shop-${var.environment}-product-images"
}

resource "aws_s3_bucket_acl" "product_images" {
  bucket = aws_s3_bucket.product_images.id
  acl    = "public-read"
}
