"""``govgate baseline create``: record today's findings so that only new ones fail the gate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from scanner.cli.options import scan_options


@click.group()
def baseline() -> None:
    """Manage baseline files (known findings that do not fail the build)."""


@baseline.command("create")
@scan_options
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Baseline file to write.")
def create(**kwargs: Any) -> None:
    """Scan PATHS and record every finding's fingerprint in the baseline file."""
    from scanner.cli.main import configure_logging
    from scanner.cli.run import CliScan, execute
    from scanner.gate.baseline import write_baseline

    configure_logging(kwargs["verbose"], kwargs["quiet"])
    options = CliScan(**{k: kwargs[k] for k in CliScan.__dataclass_fields__})
    completed = execute(options, outputs=(kwargs["output"],), use_baseline=False)
    recorded = [f for f in completed.findings
                if f.suppression is None and not f.rule_id.startswith("GG-META-")]
    count = write_baseline(recorded, kwargs["output"], completed.outcome.root)
    click.echo(f"govgate: recorded {count} finding(s) in {kwargs['output']}", err=True)
