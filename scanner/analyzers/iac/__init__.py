"""The IaC domain: Terraform, CloudFormation, Kubernetes, Helm, Dockerfile and secrets via checkov.

Importing this package does not import checkov; that happens on the first scan with IaC inputs.
"""

from __future__ import annotations

from scanner.analyzers.iac.analyzer import IacAnalyzer

__all__ = ["IacAnalyzer"]
