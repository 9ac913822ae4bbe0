"""Loading the catalog: the shipped files are valid, and broken files give one precise line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scanner.catalog.loader import load_catalog
from scanner.errors import CatalogError

FIXTURES = Path(__file__).parent / "fixtures"


def test_builtin_catalog_loads_with_unique_rules_and_resolved_mappings() -> None:
    catalog = load_catalog(use_cache=False)
    assert "govgate-core" in catalog.packs
    for rule in catalog.rules.values():
        for ref in rule.maps_to:
            assert catalog.provision(ref) is not None, (rule.id, ref)


def test_extra_rules_dir_adds_its_regulations_and_packs() -> None:
    catalog = load_catalog([FIXTURES / "rules"], use_cache=False)
    assert catalog.provision("test-reg:1(2)").label == "Art. 1(2)"
    assert [r.id for r in catalog.rules_for_regulation("test-reg")] == [
        "GG-TEST-001", "GG-TEST-002"]
    assert [r.id for r in catalog.rules_for_provision("test-reg:1")] == ["GG-TEST-002"]
    assert {r.id for r in catalog.select(packs=["test-pack"])} == {"GG-TEST-001", "GG-TEST-002"}


def test_schema_error_names_file_line_and_field() -> None:
    with pytest.raises(CatalogError) as error:
        load_catalog([FIXTURES / "broken"], use_cache=False)
    message = str(error.value)
    assert message.startswith(f"{FIXTURES / 'broken' / 'bad-field.yaml'}:9: $.rules[0].severity:")
    assert "'urgent' is not one of" in message


def test_unknown_provision_is_reported_with_its_line(tmp_path: Path) -> None:
    pack = (FIXTURES / "rules" / "test-pack.yaml").read_text()
    (tmp_path / "p.yaml").write_text(pack.replace('"test-reg:1"]', '"test-reg:9"]'))
    shutil.copytree(FIXTURES / "rules" / "regulations", tmp_path / "regulations")
    with pytest.raises(CatalogError) as error:
        load_catalog([tmp_path], use_cache=False)
    assert str(error.value) == (
        f"{tmp_path / 'p.yaml'}:21: $.rules[1].maps_to[0]: 'test-reg:9': no such provision")


def test_duplicate_rule_id_across_packs(tmp_path: Path) -> None:
    pack = (FIXTURES / "rules" / "test-pack.yaml").read_text()
    (tmp_path / "a.yaml").write_text(pack)
    (tmp_path / "b.yaml").write_text(pack.replace("pack: test-pack", "pack: other-pack"))
    shutil.copytree(FIXTURES / "rules" / "regulations", tmp_path / "regulations")
    with pytest.raises(CatalogError) as error:
        load_catalog([tmp_path], use_cache=False)
    assert f"{tmp_path / 'b.yaml'}:5: $.rules[0].id: rule id 'GG-TEST-001' is also defined in" in (
        str(error.value))


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("pack: x\nrules: [\n  - a: b\n")
    with pytest.raises(CatalogError) as error:
        load_catalog([tmp_path], use_cache=False)
    assert str(error.value).startswith(f"{tmp_path / 'x.yaml'}:")
    assert "invalid YAML" in str(error.value)


def test_cache_returns_equal_catalog_and_notices_changes(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(FIXTURES / "rules", rules)
    first = load_catalog([rules])
    second = load_catalog([rules])
    assert second.rules.keys() == first.rules.keys()

    text = (rules / "test-pack.yaml").read_text().replace("severity: low", "severity: medium")
    (rules / "test-pack.yaml").write_text(text)
    third = load_catalog([rules])
    assert third.rules["GG-TEST-002"].severity.label == "medium"
