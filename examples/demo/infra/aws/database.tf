resource "aws_db_subnet_group" "orders" {
  name       = "orders"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

# The orders database holds names, addresses and phone numbers.
resource "aws_db_instance" "orders" {
  identifier              = "orders-${var.environment}"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  username                = "shop"
  password                = var.db_password
  db_subnet_group_name    = aws_db_subnet_group.orders.name
  vpc_security_group_ids  = [aws_security_group.database.id]
  storage_encrypted       = false
  publicly_accessible     = false
  backup_retention_period = 0
  skip_final_snapshot     = true
}
