"""govgate: a policy-as-code compliance gate for IaC, Android apps, policies and contracts."""

__version__ = "0.1.0"
