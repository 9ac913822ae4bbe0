"""The iac-cloud pack: every checkov id exists in the installed checkov, coverage, provisions."""

from __future__ import annotations

import logging
from functools import cache

from scanner.catalog.loader import load_catalog
from scanner.catalog.model import Rule

CLOUD_PREFIXES = ("CKV_AWS_", "CKV_AZURE_", "CKV_GCP_", "CKV_ALI_", "CKV_K8S_", "CKV_DOCKER_",
                  "CKV_SECRET_")


@cache
def checkov_ids() -> frozenset[str]:
    """Every check id registered in checkov's Terraform, Kubernetes, Dockerfile and secrets."""
    logging.getLogger().addHandler(logging.NullHandler())
    from checkov.common.checks_infra.registry import get_graph_checks_registry
    from checkov.dockerfile.registry import registry as dockerfile_registry
    from checkov.kubernetes.checks.resource.registry import registry as k8s_registry
    from checkov.secrets.runner import CHECK_ID_TO_SECRET_TYPE
    from checkov.terraform.checks.data.registry import data_registry
    from checkov.terraform.checks.provider.registry import provider_registry
    from checkov.terraform.checks.resource.registry import resource_registry

    ids = set(CHECK_ID_TO_SECRET_TYPE)
    registries = (resource_registry, data_registry, provider_registry, k8s_registry,
                  dockerfile_registry)
    for registry in registries:
        ids.update(check.id for checks in registry.checks.values() for check in checks)
        ids.update(check.id for checks in registry.wildcard_checks.values() for check in checks)
    for framework in ("terraform", "kubernetes"):
        graph = get_graph_checks_registry(framework)
        graph.load_checks()
        ids.update(check.id for check in graph.checks)
    return frozenset(ids)


def pack_rules() -> list[Rule]:
    return list(load_catalog().packs["iac-cloud"].rules)


def mapped_ids() -> list[str]:
    return [c for r in pack_rules() for c in r.params.get("checks", ())]


def test_every_check_id_exists_in_checkov() -> None:
    assert sorted(set(mapped_ids()) - checkov_ids()) == []


def test_at_least_sixty_distinct_checks_across_clouds() -> None:
    ids = mapped_ids()

    assert len(ids) == len(set(ids)), "a check id is mapped by two rules"
    assert len(set(ids)) >= 60
    for prefix in CLOUD_PREFIXES:
        assert any(i.startswith(prefix) for i in ids), prefix


def test_rules_shape() -> None:
    rules = {r.id: r for r in pack_rules()}

    assert rules["GG-IAC-000"].evaluator == "checkov_unmapped"
    assert rules["GG-IAC-000"].maps_to == ()
    for rule in rules.values():
        assert rule.title.en and rule.title.zh and rule.remediation.zh and rule.rationale.en
        if rule.id != "GG-IAC-000":
            assert rule.evaluator == "checkov"
            assert any(m.startswith("cn-mlps2:") for m in rule.maps_to)
    secrets = rules["GG-IAC-017"]
    assert "CKV_SECRET_2" in secrets.params["checks"]
    assert "cn-pipl:51(3)" in secrets.maps_to
