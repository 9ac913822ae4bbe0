"""Settings of the orders service, read from the environment."""

import os

DATABASE_HOST = os.environ.get("DATABASE_HOST", "localhost")
EXPORT_BUCKET = "shop-cn-order-exports"
EXPORT_CONFIG = os.path.join(os.path.dirname(__file__), "config", "export-job.yaml")
