resource "aws_cloudtrail" "main" {
  name                          = "shop-${var.environment}"
  s3_bucket_name                = module.access_logs.bucket_id
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = false
}
