"""Options shared by ``scan`` and ``baseline create``, and turning them into a scan request."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from scanner.gate.decision import FAIL_ON_CHOICES

F = Callable[..., Any]


def scan_options(command: F) -> F:
    """Decorate a command with the options that select what is scanned and how."""
    options = [
        click.argument("paths", nargs=-1, required=True,
                       type=click.Path(path_type=Path, exists=True)),
        click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                     envvar="GOVGATE_CONFIG", help="govgate.yaml to use (default: found in the "
                     "current directory or the first PATH). Env: GOVGATE_CONFIG."),
        click.option("--regulation", "regulations", multiple=True, metavar="ID",
                     help="Select the rules mapped to this regulation (repeatable)."),
        click.option("--pack", "packs", multiple=True, metavar="NAME",
                     help="Select the rules of this pack (repeatable)."),
        click.option("--rules-dir", "rules_dirs", multiple=True,
                     type=click.Path(path_type=Path, file_okay=False),
                     help="Extra directory of rule packs (and regulations/) to load."),
        click.option("--policy", "policies", multiple=True, metavar="FILE|URL",
                     help="Privacy policy (file or http(s) URL) of the scanned app(s), checked "
                     "on its own and against the app by cross-domain rules."),
        click.option("--lang", type=click.Choice(["en", "zh"]), envvar="GOVGATE_LANG",
                     help="Language of messages and reports. Env: GOVGATE_LANG."),
        click.option("--workers", type=click.IntRange(1, 64), default=None,
                     help="Processes for analysis (default: CPU count)."),
        click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
                     envvar="GOVGATE_CACHE_DIR",
                     help="Cache analysis facts by content hash here. Env: GOVGATE_CACHE_DIR."),
        click.option("--no-inline-suppressions", is_flag=True,
                     help="Ignore `govgate:ignore` marks in scanned files (config suppressions "
                     "still apply)."),
        click.option("-v", "--verbose", count=True, help="More logging (-vv for debug)."),
        click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr; no summary."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def fail_on_option(command: F) -> F:
    return click.option(
        "--fail-on", type=click.Choice(FAIL_ON_CHOICES), envvar="GOVGATE_FAIL_ON", default=None,
        help="Fail the gate on findings at or above this severity (default: high, or the "
        "config's fail_on). Env: GOVGATE_FAIL_ON.",
    )(command)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def scan_root(paths: tuple[Path, ...]) -> Path:
    """Paths in reports are relative to the current directory when every target is inside it."""
    cwd = Path.cwd().absolute()
    absolute = [p.absolute() for p in paths]
    if all(p == cwd or cwd in p.parents for p in absolute):
        return cwd
    common = Path(os.path.commonpath([str(p if p.is_dir() else p.parent) for p in absolute]))
    return common
