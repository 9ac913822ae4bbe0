"""The one table of analyzers, by domain. Modules are imported only when their domain has inputs,
so a scan without IaC never imports checkov."""

from __future__ import annotations

from importlib import import_module

from scanner.analyzers.base import Analyzer

ANALYZERS: dict[str, str] = {
    "policy": "scanner.analyzers.policy:PolicyAnalyzer",
    "iac": "scanner.analyzers.iac:IacAnalyzer",
    "contract": "scanner.analyzers.contract:ContractAnalyzer",
    "apk": "scanner.analyzers.apk:ApkAnalyzer",
}


def analyzer_for(domain: str) -> Analyzer | None:
    target = ANALYZERS.get(domain)
    if target is None:
        return None
    module_name, _, class_name = target.partition(":")
    analyzer: Analyzer = getattr(import_module(module_name), class_name)()
    return analyzer
