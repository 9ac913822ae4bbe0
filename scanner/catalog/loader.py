"""Reading regulations and rule packs from YAML, validating them and linking rules to provisions.

Every problem becomes a ``CatalogError`` naming the file, the line and the field, so a broken
pack is reported in one line and never as a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from scanner.catalog.cache import cached
from scanner.catalog.model import Catalog, Pack, Provision, Regulation, Rule
from scanner.catalog.paths import builtin_dir
from scanner.errors import CatalogError
from scanner.models import LocalText, Severity
from scanner.yamlfile import DataFileError, line_of, load_yaml, validate

logger = logging.getLogger(__name__)


def load_catalog(extra_rule_dirs: Iterable[Path] = (), use_cache: bool = True) -> Catalog:
    """The built-in catalog plus packs (and regulations) found in ``extra_rule_dirs``."""
    regulation_dirs = [builtin_dir("regulations")]
    pack_dirs = [builtin_dir("rulesets")]
    for extra in extra_rule_dirs:
        if not extra.is_dir():
            raise CatalogError(f"{extra}: --rules-dir is not a directory")
        pack_dirs.append(extra)
        if (extra / "regulations").is_dir():
            regulation_dirs.append(extra / "regulations")

    regulation_files = _yaml_files(regulation_dirs)
    pack_files = _yaml_files(pack_dirs)
    if not use_cache:
        return _load(regulation_files, pack_files)
    schemas = sorted(Path(__file__).resolve().parent.parent.joinpath("schemas").glob("*.json"))
    return cached([*regulation_files, *pack_files, *schemas],
                  lambda: _load(regulation_files, pack_files))


def _load(regulation_files: list[Path], pack_files: list[Path]) -> Catalog:
    catalog = Catalog()
    for path in regulation_files:
        _add_regulation(catalog, _read(path, "regulation"), path)
    for path in pack_files:
        _add_pack(catalog, _read(path, "pack"), path)

    _check_mappings(catalog)
    logger.debug("catalog: %d regulations, %d packs, %d rules",
                 len(catalog.regulations), len(catalog.packs), len(catalog.rules))
    return catalog


def _yaml_files(directories: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        files.extend(sorted(p for p in directory.glob("*.y*ml") if p.is_file()))
    return files


def _read(path: Path, schema_name: str) -> Mapping[str, Any]:
    try:
        data = load_yaml(path)
        validate(data, schema_name, path)
    except DataFileError as exc:
        raise CatalogError(str(exc)) from exc
    result: Mapping[str, Any] = data
    return result


def _add_regulation(catalog: Catalog, data: Mapping[str, Any], path: Path) -> None:
    regulation_id = data["id"]
    if regulation_id in catalog.regulations:
        other = catalog.regulations[regulation_id].origin
        raise CatalogError(f"{path}: regulation id {regulation_id!r} is also defined in {other}")

    provisions = tuple(_provision(regulation_id, item) for item in data["provisions"])
    seen: set[str] = set()
    for index, provision in enumerate(provisions):
        if provision.id in seen:
            line = line_of(path, ["provisions", index, "id"])
            raise CatalogError(
                f"{path}:{line}: $.provisions[{index}].id: duplicate provision {provision.id!r}"
            )
        seen.add(provision.id)

    catalog.regulations[regulation_id] = Regulation(
        id=regulation_id,
        short=data["short"],
        title=LocalText.from_data(data["title"]),
        issuer=LocalText.from_data(data["issuer"]),
        jurisdiction=data["jurisdiction"],
        kind=data["kind"],
        provisions=provisions,
        document_number=data.get("document_number"),
        effective=data.get("effective"),
        source=data.get("source"),
        origin=str(path),
    )


def _provision(regulation_id: str, item: Mapping[str, Any]) -> Provision:
    return Provision(
        regulation=regulation_id,
        id=item["id"],
        label=item["label"],
        title=LocalText.from_data(item["title"]),
        summary=LocalText.from_data(item["summary"]),
        parent=item.get("parent"),
        label_en=item.get("label_en"),
    )


def _add_pack(catalog: Catalog, data: Mapping[str, Any], path: Path) -> None:
    name = data["pack"]
    if name in catalog.packs:
        raise CatalogError(f"{path}: pack {name!r} is also defined in {catalog.packs[name].origin}")

    rules = []
    for index, item in enumerate(data["rules"]):
        rule = _rule(name, item, path)
        if rule.id in catalog.rules:
            line = line_of(path, ["rules", index, "id"])
            raise CatalogError(
                f"{path}:{line}: $.rules[{index}].id: rule id {rule.id!r} is also defined in "
                f"{catalog.rules[rule.id].origin}"
            )
        catalog.rules[rule.id] = rule
        rules.append(rule)

    catalog.packs[name] = Pack(
        name=name,
        title=LocalText.from_data(data["title"]),
        description=LocalText.from_data(data.get("description")),
        version=data["version"],
        rules=tuple(rules),
        origin=str(path),
    )


def _rule(pack: str, item: Mapping[str, Any], path: Path) -> Rule:
    check = item["check"]
    return Rule(
        id=item["id"],
        pack=pack,
        title=LocalText.from_data(item["title"]),
        rationale=LocalText.from_data(item["rationale"]),
        remediation=LocalText.from_data(item["remediation"]),
        severity=Severity.parse(item["severity"]),
        domain=item["domain"],
        evaluator=check["evaluator"],
        params=check.get("params", {}),
        maps_to=tuple(item["maps_to"]),
        tags=tuple(item.get("tags", ())),
        needs=tuple(item.get("needs", ())),
        message=LocalText.from_data(item["message"]) if "message" in item else None,
        help_uri=item.get("help_uri"),
        examples=item.get("examples", {}),
        origin=str(path),
    )


def _check_mappings(catalog: Catalog) -> None:
    """Every ``maps_to`` must name a provision that exists; report the first that does not."""
    for pack in catalog.packs.values():
        for index, rule in enumerate(pack.rules):
            for position, ref in enumerate(rule.maps_to):
                if catalog.provision(ref) is not None:
                    continue
                path = Path(pack.origin)
                line = line_of(path, ["rules", index, "maps_to", position])
                regulation_id = ref.partition(":")[0]
                why = ("no such regulation" if regulation_id not in catalog.regulations
                       else "no such provision")
                raise CatalogError(
                    f"{path}:{line}: $.rules[{index}].maps_to[{position}]: {ref!r}: {why}",
                    hint="see `govgate regulations show ID` for the provision ids",
                )
