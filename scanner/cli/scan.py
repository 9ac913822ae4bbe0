"""``govgate scan``: discover, analyze, evaluate, gate and report."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from scanner.cli.options import fail_on_option, scan_options
from scanner.errors import UsageError

logger = logging.getLogger(__name__)

FORMATS = ("console", "json", "sarif", "junit", "markdown", "html")


def _parse_reports(values: tuple[str, ...]) -> list[tuple[str, Path]]:
    reports = []
    for value in values:
        name, sep, file = value.partition("=")
        if not sep or not file or name not in FORMATS:
            raise click.BadParameter(
                f"{value!r}: expected FORMAT=FILE with FORMAT one of {', '.join(FORMATS)}",
                param_hint="--report",
            )
        reports.append((name, Path(file)))
    return reports


@click.command()
@scan_options
@fail_on_option
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="console",
              help="Format of the main report.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the main report here (default: stdout).")
@click.option("--report", "reports", multiple=True, metavar="FORMAT=FILE",
              help="Also write a report in FORMAT to FILE (repeatable).")
@click.option("--baseline", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Findings recorded in this baseline do not fail the gate.")
@click.option("--fail-on-error", is_flag=True,
              help="Exit 3 when an input could not be analyzed.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Colour in console output (NO_COLOR is honoured).")
@click.pass_context
def scan(ctx: click.Context, **kwargs: Any) -> None:
    """Scan PATHS (directories, files) and gate on the findings.

    Exit codes: 0 passed, 1 failed (findings at or above --fail-on), 2 usage or configuration
    error, 3 an input could not be analyzed and --fail-on-error is set.
    """
    from scanner.cli.main import configure_logging
    from scanner.cli.run import CliScan, execute, verdict
    from scanner.reporters.base import Report

    configure_logging(kwargs["verbose"], kwargs["quiet"])
    extra_reports = _parse_reports(kwargs["reports"])
    options = CliScan(**{k: kwargs[k] for k in CliScan.__dataclass_fields__})

    outputs = tuple(p for p in (kwargs["output"], *(f for _, f in extra_reports)) if p)
    completed = execute(options, baseline=kwargs["baseline"], outputs=outputs)
    decision = verdict(completed, kwargs["fail_on"], kwargs["fail_on_error"])
    report = Report(outcome=completed.outcome, findings=completed.findings, decision=decision,
                    lang=completed.lang)

    color = _use_color(kwargs["color"])
    main_to_stdout = kwargs["output"] is None
    failures = [error for error in (
        _write(report, kwargs["fmt"], kwargs["output"], color and main_to_stdout),
        *(_write(report, name, path, False) for name, path in extra_reports),
    ) if error]
    if not kwargs["quiet"] and not (kwargs["fmt"] == "console" and main_to_stdout):
        _write_stderr_summary(report, _use_color(kwargs["color"], sys.stderr))
    if failures:
        raise UsageError("; ".join(failures))
    ctx.exit(decision.exit_code)


def _write(report: Any, fmt: str, path: Path | None, color: bool) -> str | None:
    """Write one report; return what went wrong instead of raising, so that one unwritable
    destination does not cost the other reports."""
    from scanner.reporters.registry import reporter

    options = {"color": color} if fmt == "console" else {}
    text = reporter(fmt, **options).render(report)
    try:
        if path is None:
            click.echo(text, nl=False, color=color)  # click strips ANSI off a terminal otherwise
            return None
        path.write_text(text, encoding="utf-8")
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = path or "standard output"
        return f"{where}: cannot write the {fmt} report: {exc.strerror or exc}"
    logger.info("wrote %s report to %s", fmt, path)
    return None


def _write_stderr_summary(report: Any, color: bool) -> None:
    from scanner.reporters.console import ConsoleReporter

    summary = ConsoleReporter(color=color, summary_only=True).render(report)
    click.echo(summary, err=True, nl=False, color=color)


def _use_color(choice: str, stream: Any = None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())
