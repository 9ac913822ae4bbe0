resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_security_group" "database" {
  name        = "orders-db"
  description = "PostgreSQL from the application subnets only"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "PostgreSQL from the app tier"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.20.1.0/24", "10.20.2.0/24"]
  }
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Admin access to the bastion host"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "SSH for on-call engineers"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "RDP for the reporting box"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "Anywhere"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
