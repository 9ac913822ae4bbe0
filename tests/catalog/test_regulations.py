"""The regulation catalog: every file loads, ids follow the conventions, and spot checks hold."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from scanner.catalog import loader
from scanner.catalog.loader import load_catalog
from scanner.catalog.model import Catalog, Provision, Regulation
from scanner.catalog.paths import builtin_dir

REGULATIONS_DIR = builtin_dir("regulations")

EXPECTED = {
    "cn-pipl", "cn-gbt35273", "cn-mlps2", "cn-app-method-2019", "cn-miit-164", "cn-miit-337",
    "cn-gbt41391", "cn-sdk-guideline", "cn-cbsc", "cn-civil-code", "eu-gdpr", "google-play", "cis",
}

ID_PATTERNS = {
    "cn-pipl": r"\d+(\.p\d+)?(\(\d+\))?",
    "cn-gbt35273": r"\d+(\.\d+)*(\([a-z]\)(\(\d+\))?)?|annex-[a-z]",
    "cn-mlps2": r"\d+(\.\d+)+(\([a-z]\))?",
    "cn-app-method-2019": r"[1-6](\.\d+)?",
    "cn-miit-164": r"[1-4](\.\d+)?",
    "cn-miit-337": r"[1-8]",
    "cn-gbt41391": r"\d+(\.\d+)*|annex-[a-z]",
    "cn-sdk-guideline": r"\d+(\.\d+)*|guideline|risks|app-provider|sdk-provider",
    "cn-cbsc": r"[mc]\d+(\(\d+\))?|annex-\d+",
    "cn-civil-code": r"\d+(\.p\d+)?(\(\d+\))?|interp-\d+",
    "eu-gdpr": r"\d+(\(\d+\))?(\([a-z]\))?",
    "google-play": r"[a-z]+(-[a-z]+)*",
    "cis": r"(aws|azure|gcp)-foundations|kubernetes|docker"
           r"|(aws|azure|gcp|kubernetes|docker)-\d+(\.\d+)*",
}

# Provisions the four domains' packs rely on; removing one breaks their maps_to.
REQUIRED = {
    "cn-pipl": "5 6 7 10 13 13(1) 13(2) 13(3) 13(4) 13(5) 13(6) 13(7) 14 14.p2 15 16 17 "
               "17(1) 17(2) 17(3) 17(4) 21 23 24 25 28 29 30 31 31.p2 38 38(1) 38(2) 38(3) 38(4) "
               "39 40 44 45 46 47 48 50 51 51(1) 51(2) 51(3) 51(4) 51(5) 51(6) 52 55 55(1) 55(2) "
               "55(3) 55(4) 55(5) 56 57 58",
    "cn-gbt35273": "5.1 5.2 5.3 5.4 5.5 5.6 5.5(a)(1) 5.5(a)(2) 5.5(a)(3) 5.5(a)(4) 5.5(a)(5) "
                   "5.5(a)(6) 5.5(a)(7) 5.5(a)(8) 6.1 6.2 6.3 7.4 7.5 7.6 8.1 8.2 8.3 8.4 8.5 8.6 "
                   "8.7 8.8 9.1 9.2 9.7 9.8 11.1 11.2 11.3 annex-c annex-d",
    "cn-mlps2": "8.1.2.1(a) 8.1.2.2(a) 8.1.2.2(b) 8.1.3.1(d) 8.1.3.2(e) 8.1.3.3(d) 8.1.3.4(b) "
                "8.1.3.5(d) 8.1.4.1(d) 8.1.4.2(g) 8.1.4.3(d) 8.1.4.4(f) 8.1.4.7(b) 8.1.4.8(a) "
                "8.1.4.8(b) 8.1.4.9(c) 8.1.4.10(b) 8.1.4.11(b) 8.1.5.1(b) 8.1.5.2(b) 8.1.5.3(b) "
                "8.1.5.4(f) 8.2.1.1 8.2.2.1(e) 8.2.3.1(b) 8.2.3.2(d) 8.2.3.3(b) 8.2.4.1 8.2.4.2(b) "
                "8.2.4.3(c) 8.2.4.4(c) 8.2.4.5(a) 8.2.4.5(d) 8.2.4.6(d) 8.2.4.7(b) 8.2.5.1(d) "
                "8.2.6.1(e) 8.2.6.2(c) 8.2.7.1",
    "cn-miit-164": "1.1 1.2 1.3 1.4 2.1 2.2 3.1 3.2 4.1 4.2",
    "cn-gbt41391": "6.1 6.2 6.3 6.4 6.5 6.6 annex-a annex-d annex-e annex-f",
    "cn-cbsc": "m4 m5 m6 m7 c1 c2 c3 c4 c5 c6 c7 c8 c9 annex-1",
    "cn-civil-code": "496 497 506 584 585 interp-65",
    "eu-gdpr": "5(1)(a) 5(1)(b) 5(1)(c) 5(1)(d) 5(1)(e) 5(1)(f) 5(2) 6(1) 7 9 12 15 16 17 18 20 21 "
               "22 25 28(1) 28(2) 28(3) 28(4) 28(9) 32 32(1)(a) 32(1)(b) 32(1)(c) 32(1)(d) 33(1) "
               "33(2) 33(3) 34 35 44 45 46 46(2)(c)",
    "google-play": "sms-call-log all-files-access background-location package-visibility "
                   "request-install-packages accessibility data-safety target-api-level user-data "
                   "device-identifiers permissions",
    "cis": "aws-foundations azure-foundations gcp-foundations kubernetes docker",
}


def _raw(regulation_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (REGULATIONS_DIR / f"{regulation_id}.yaml").read_text(encoding="utf-8"))
    return data


def _get(catalog: Catalog, ref: str) -> Provision:
    provision = catalog.provision(ref)
    assert provision is not None, ref
    return provision


def _children(regulation: Regulation, parent: str) -> list[str]:
    return [p.id for p in regulation.provisions if p.parent == parent]


@pytest.fixture(scope="module")
def regulations_only(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The built-in regulations with an empty rulesets dir, so other packs cannot interfere."""
    empty = tmp_path_factory.mktemp("no-packs")

    def regulations_but_no_packs(name: str) -> Path:
        return empty if name == "rulesets" else builtin_dir(name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "builtin_dir", regulations_but_no_packs)
        return load_catalog()


def test_every_expected_file_loads_with_its_stem_as_id(regulations_only: Catalog) -> None:
    stems = {p.stem for p in REGULATIONS_DIR.glob("*.yaml")}

    assert stems >= EXPECTED
    assert set(regulations_only.regulations) >= EXPECTED
    for regulation in regulations_only.regulations.values():
        assert Path(regulation.origin).stem == regulation.id


def test_full_catalog_with_packs_resolves_every_mapping() -> None:
    catalog = load_catalog()

    assert set(catalog.regulations) >= EXPECTED
    for rule in catalog.rules.values():
        assert all(catalog.provision(ref) is not None for ref in rule.maps_to), rule.id


@pytest.mark.parametrize("regulation_id", sorted(EXPECTED))
def test_provision_ids_follow_the_conventions(
    regulations_only: Catalog, regulation_id: str
) -> None:
    pattern = re.compile(ID_PATTERNS[regulation_id])
    regulation = regulations_only.regulations[regulation_id]

    bad = [p.id for p in regulation.provisions if not pattern.fullmatch(p.id)]

    assert bad == []


@pytest.mark.parametrize("regulation_id", sorted(EXPECTED))
def test_parents_exist_in_the_same_regulation_without_cycles(
    regulations_only: Catalog, regulation_id: str
) -> None:
    regulation = regulations_only.regulations[regulation_id]
    parents = {p.id: p.parent for p in regulation.provisions}

    for provision_id, parent in parents.items():
        seen = {provision_id}
        while parent is not None:
            assert parent in parents, f"{provision_id}: parent {parent!r} missing"
            assert parent not in seen, f"{provision_id}: parent cycle"
            seen.add(parent)
            parent = parents[parent]


@pytest.mark.parametrize("regulation_id", sorted(EXPECTED))
def test_titles_and_summaries_are_bilingual(regulation_id: str) -> None:
    data = _raw(regulation_id)

    for key in ("title", "issuer"):
        assert data[key].get("en") and data[key].get("zh")
    for item in data["provisions"]:
        for key in ("title", "summary"):
            assert item[key].get("en") and item[key].get("zh"), (item["id"], key)
        assert item["summary"]["en"] != item["title"]["en"], item["id"]
        assert item["summary"]["zh"] != item["title"]["zh"], item["id"]


@pytest.mark.parametrize("regulation_id", sorted(EXPECTED))
def test_header_fields_and_unique_labels(regulation_id: str) -> None:
    data = _raw(regulation_id)
    labels = [item["label"] for item in data["provisions"]]

    assert data["source"].startswith(("http://", "https://"))
    assert data.get("published") or data["id"] in {"google-play", "cis"}
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("regulation_id", sorted(REQUIRED))
def test_provisions_the_domains_need_exist(regulations_only: Catalog, regulation_id: str) -> None:
    regulation = regulations_only.regulations[regulation_id]

    missing = [pid for pid in REQUIRED[regulation_id].split() if regulation.provision(pid) is None]

    assert missing == []


def test_pipl_spot_checks(regulations_only: Catalog) -> None:
    pipl = regulations_only.regulations["cn-pipl"]

    assert _get(regulations_only, "cn-pipl:51(3)").label == "第五十一条第（三）项"
    assert _get(regulations_only, "cn-pipl:31.p2").label == "第三十一条第二款"
    assert _get(regulations_only, "cn-pipl:31.p2").parent == "31"
    assert _children(pipl, "13") == [f"13({n})" for n in range(1, 8)]
    assert _children(pipl, "17") == [f"17({n})" for n in range(1, 5)]
    assert _children(pipl, "51") == [f"51({n})" for n in range(1, 7)]
    assert _children(pipl, "55") == [f"55({n})" for n in range(1, 6)]
    assert _children(pipl, "38") == [f"38({n})" for n in range(1, 5)]


def test_gdpr_spot_checks(regulations_only: Catalog) -> None:
    gdpr = regulations_only.regulations["eu-gdpr"]

    assert _get(regulations_only, "eu-gdpr:28(3)(h)").label == "Art. 28(3)(h)"
    assert _children(gdpr, "28(3)") == [f"28(3)({c})" for c in "abcdefgh"]
    assert _children(gdpr, "13(1)") == [f"13(1)({c})" for c in "abcdef"]
    assert _children(gdpr, "13(2)") == [f"13(2)({c})" for c in "abcdef"]
    assert _children(gdpr, "14(1)") == [f"14(1)({c})" for c in "abcdef"]
    assert _children(gdpr, "14(2)") == [f"14(2)({c})" for c in "abcdefg"]
    assert _children(gdpr, "32(1)") == [f"32(1)({c})" for c in "abcd"]
    assert _get(regulations_only, "eu-gdpr:46(2)(c)").parent == "46"


def test_mlps_spot_checks(regulations_only: Catalog) -> None:
    mlps = regulations_only.regulations["cn-mlps2"]
    item = _get(regulations_only, "cn-mlps2:8.1.4.8(b)")

    assert (item.parent, item.label) == ("8.1.4.8", "8.1.4.8 b)")
    assert _children(mlps, "8.1.4.2") == [f"8.1.4.2({c})" for c in "abcdefg"]
    assert _children(mlps, "8.1.5.4") == [f"8.1.5.4({c})" for c in "abcdef"]
    assert _children(mlps, "8.2.4.5") == [f"8.2.4.5({c})" for c in "abcd"]
    assert _get(regulations_only, "cn-mlps2:8.1.4.8").parent == "8.1.4"
    assert _get(regulations_only, "cn-mlps2:8.1.4").parent == "8.1"


def test_app_method_has_31_items_in_six_categories(regulations_only: Catalog) -> None:
    method = regulations_only.regulations["cn-app-method-2019"]
    counts = {c: len(_children(method, str(c))) for c in range(1, 7)}

    assert counts == {1: 4, 2: 4, 3: 9, 4: 6, 5: 3, 6: 5}
    assert sum(counts.values()) == 31
    assert _get(regulations_only, "cn-app-method-2019:3.4").label == "三、4"


def test_other_spot_checks(regulations_only: Catalog) -> None:
    catalog = regulations_only

    assert [p.id for p in catalog.regulations["cn-miit-337"].provisions] == list("12345678")
    assert _children(catalog.regulations["cn-gbt35273"], "5.5(a)") == [
        f"5.5(a)({n})" for n in range(1, 9)]
    assert _get(catalog, "cn-civil-code:interp-65").label == "《合同编通则解释》第六十五条"
    assert _get(catalog, "cn-cbsc:c3(6)").parent == "c3"
    assert _children(catalog.regulations["cn-cbsc"], "m6") == [f"m6({n})" for n in range(1, 7)]


def test_verified_flags_follow_the_research_notes() -> None:
    def verified(regulation_id: str) -> dict[str, bool]:
        return {p["id"]: p.get("verified", False) for p in _raw(regulation_id)["provisions"]}

    pipl, std, method = verified("cn-pipl"), verified("cn-gbt35273"), verified("cn-app-method-2019")

    assert pipl["51(3)"] and pipl["13(7)"] and pipl["31.p2"] and not pipl["29"]
    assert std["5.5"] and std["8.5"] and not std["5.5(a)(1)"] and not std["8.1"]
    assert method["3.9"] and not method["4.1"] and not method["6.5"]
    assert not any(verified("cn-sdk-guideline").values())
