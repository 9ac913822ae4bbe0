"""``govgate rules`` and ``govgate regulations``: browsing the catalog and its coverage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from scanner.errors import UsageError

LANG = click.option("--lang", type=click.Choice(["en", "zh"]), envvar="GOVGATE_LANG",
                    default="en", help="Language of titles. Env: GOVGATE_LANG.")
RULES_DIR = click.option("--rules-dir", "rules_dirs", multiple=True,
                         type=click.Path(path_type=Path, file_okay=False),
                         help="Extra directory of rule packs to load.")


def _catalog(rules_dirs: tuple[Path, ...]) -> Any:
    from scanner.catalog.loader import load_catalog

    return load_catalog(rules_dirs)


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                      help="A table for people, or JSON for scripts.")


def _print_rows(rows: list[dict[str, Any]], fmt: str, empty: list[str]) -> None:
    """Rows as a table (columns in key order; ``empty`` names them when there are none) or JSON."""
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return

    import shutil

    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for index, heading in enumerate(list(rows[0]) if rows else empty):
        table.add_column(heading, no_wrap=index == 0)  # ids are typed back: never fold them
    for row in rows:
        table.add_row(*(", ".join(v) if isinstance(v, list) else str(v) for v in row.values()))
    width = shutil.get_terminal_size((160, 24)).columns  # piped output gets a wide table
    Console(highlight=False, width=width).print(table)


@click.group()
def rules() -> None:
    """List and explain rules."""


@rules.command("list")
@click.option("--regulation", metavar="ID", help="Only rules mapped to this regulation.")
@click.option("--domain", type=click.Choice(["iac", "apk", "policy", "contract", "meta"]))
@click.option("--pack", metavar="NAME", help="Only rules of this pack.")
@FORMAT
@LANG
@RULES_DIR
def rules_list(regulation: str | None, domain: str | None, pack: str | None, fmt: str,
               lang: str, rules_dirs: tuple[Path, ...]) -> None:
    """List rules, optionally filtered."""
    catalog = _catalog(rules_dirs)
    if regulation and regulation not in catalog.regulations:
        raise UsageError(f"unknown regulation {regulation!r}",
                         hint="see `govgate regulations list`")
    if pack and pack not in catalog.packs:
        known = ", ".join(sorted(catalog.packs))
        raise UsageError(f"unknown pack {pack!r}", hint=f"known: {known}")

    selected = catalog.rules_for_regulation(regulation) if regulation else catalog.rules.values()
    rows: list[dict[str, Any]] = [
        {"id": r.id, "severity": r.severity.label, "domain": r.domain, "pack": r.pack,
         "title": r.title.get(lang), "provisions": list(r.maps_to)}
        for r in sorted(selected, key=lambda r: r.id)
        if (not domain or r.domain == domain) and (not pack or r.pack == pack)
    ]
    _print_rows(rows, fmt, ["id", "severity", "domain", "pack", "title", "provisions"])
    if fmt == "table":
        click.echo(f"{len(rows)} rule(s)")


@rules.command("show")
@click.argument("rule_id")
@LANG
@RULES_DIR
def rules_show(rule_id: str, lang: str, rules_dirs: tuple[Path, ...]) -> None:
    """Explain one rule: what it checks, why, how to fix, which provisions it evidences."""
    catalog = _catalog(rules_dirs)
    rule = catalog.rules.get(rule_id)
    if rule is None:
        raise UsageError(f"unknown rule {rule_id!r}", hint="see `govgate rules list`")

    click.echo(f"{rule.id}  {rule.title.get(lang)}")
    click.echo(f"severity: {rule.severity.label}   domain: {rule.domain}   pack: {rule.pack}")
    click.echo(f"check: {rule.evaluator} {json.dumps(dict(rule.params), ensure_ascii=False)}")
    click.echo(f"\n{rule.rationale.get(lang)}\n\nremediation: {rule.remediation.get(lang)}\n")
    for ref in rule.maps_to:
        provision = catalog.provision(ref)
        short = catalog.regulations[provision.regulation].short
        click.echo(f"  {ref:<28} {short} {provision.cite_label(lang)}: {provision.title.get(lang)}")
    for kind, text in rule.examples.items():
        click.echo(f"\nexample ({kind}):\n{text}")


@click.group()
def regulations() -> None:
    """List regulations, show their provisions, and check rule coverage."""


@regulations.command("list")
@FORMAT
@LANG
@RULES_DIR
def regulations_list(fmt: str, lang: str, rules_dirs: tuple[Path, ...]) -> None:
    """List the regulations and standards in the catalog."""
    catalog = _catalog(rules_dirs)
    rows = [
        {"id": reg.id, "short": reg.short, "title": reg.title.get(lang),
         "effective": reg.effective or "", "provisions": len(reg.provisions),
         "rules": len(catalog.rules_for_regulation(reg.id))}
        for reg in sorted(catalog.regulations.values(), key=lambda r: r.id)
    ]
    _print_rows(rows, fmt, ["id"])


@regulations.command("show")
@click.argument("regulation_id")
@LANG
@RULES_DIR
def regulations_show(regulation_id: str, lang: str, rules_dirs: tuple[Path, ...]) -> None:
    """Show a regulation's provisions with the rules that evidence each."""
    catalog = _catalog(rules_dirs)
    reg = _regulation(catalog, regulation_id)
    click.echo(f"{reg.id}: {reg.title.get(lang)} ({reg.short})")
    click.echo(f"issuer: {reg.issuer.get(lang)}  effective: {reg.effective or '-'}  "
               f"source: {reg.source or '-'}\n")
    for provision in reg.provisions:
        rule_ids = [r.id for r in catalog.rules_for_provision(provision.ref)]
        click.echo(f"{provision.id:<16} {provision.cite_label(lang)}  {provision.title.get(lang)}")
        click.echo(f"{'':<16} {provision.summary.get(lang)}")
        if rule_ids:
            click.echo(f"{'':<16} rules: {', '.join(rule_ids)}")


@regulations.command("coverage")
@click.argument("regulation_id", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@LANG
@RULES_DIR
def regulations_coverage(regulation_id: str | None, fmt: str, lang: str,
                         rules_dirs: tuple[Path, ...]) -> None:
    """Per provision: the rules that evidence it, and the provisions no rule covers."""
    catalog = _catalog(rules_dirs)
    regs = ([_regulation(catalog, regulation_id)] if regulation_id
            else sorted(catalog.regulations.values(), key=lambda r: r.id))

    data = []
    for reg in regs:
        provisions = [{"ref": p.ref, "label": p.cite_label(lang), "title": p.title.get(lang),
                       "rules": [r.id for r in catalog.rules_for_provision(p.ref)]}
                      for p in reg.provisions]
        covered = sum(1 for p in provisions if p["rules"])
        data.append({"regulation": reg.id, "short": reg.short, "covered": covered,
                     "total": len(provisions), "provisions": provisions})

    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for entry in data:
        click.echo(f"{entry['regulation']} ({entry['short']}): {entry['covered']}/"
                   f"{entry['total']} provisions evidenced by at least one rule")
        for p in entry["provisions"]:
            rules_text = ", ".join(p["rules"]) if p["rules"] else "— no rule"
            click.echo(f"  {p['label']:<24} {rules_text}")


def _regulation(catalog: Any, regulation_id: str) -> Any:
    reg = catalog.regulations.get(regulation_id)
    if reg is None:
        raise UsageError(f"unknown regulation {regulation_id!r}",
                         hint=f"known: {', '.join(sorted(catalog.regulations))}")
    return reg
