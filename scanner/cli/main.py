"""The ``govgate`` command: the click group, logging set-up and the error boundary.

Subcommands live in their own modules and import the heavy parts of govgate only when run, so
``govgate --help`` and a scan with nothing to analyze start fast.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

import click

from scanner import __version__
from scanner.cli.baseline import baseline
from scanner.cli.catalog import regulations, rules
from scanner.cli.init import init
from scanner.cli.scan import scan
from scanner.errors import GovgateError

logger = logging.getLogger("scanner")

EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 2
EXIT_BROKEN_PIPE = 141


class GovgateGroup(click.Group):
    """The error boundary: govgate errors become one line and their exit code, crashes a report."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GovgateError as exc:
            if _verbose():
                traceback.print_exc()
            click.echo(f"govgate: error: {exc}", err=True)
            if exc.hint:
                click.echo(f"govgate: hint: {exc.hint}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("govgate: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader of our output went away (`govgate rules list | head`): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_BROKEN_PIPE)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # the last boundary: any crash becomes a report file
            if _verbose():
                traceback.print_exc()
            path = _write_crash_report(exc)
            click.echo(f"govgate: internal error: {exc.__class__.__name__}: {exc}", err=True)
            click.echo(f"govgate: a crash report was written to {path}", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=GovgateGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="govgate")
def cli() -> None:
    """govgate: a compliance gate for IaC, Android apps, privacy policies and contracts.

    Findings name the regulation provisions they evidence (PIPL, GB/T 35273-2020, MLPS 2.0,
    the 2019 App identification method, GDPR, Google Play) and the exit code gates a pipeline.
    """


cli.add_command(scan)
cli.add_command(rules)
cli.add_command(regulations)
cli.add_command(baseline)
cli.add_command(init)


def configure_logging(verbosity: int, quiet: bool) -> None:
    """Configure the package logger only (never the root logger); logs go to stderr."""
    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    elif verbosity == 1:
        level = logging.INFO
    elif verbosity >= 2:
        level = logging.DEBUG

    handler = logging.StreamHandler(sys.stderr)
    fmt = "%(levelname)s %(name)s: %(message)s" if verbosity >= 2 else "govgate: %(message)s"
    handler.setFormatter(logging.Formatter(fmt))
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def main() -> None:
    cli(prog_name="govgate")


def _verbose() -> bool:
    return logger.isEnabledFor(logging.INFO) and logger.handlers != []


def _write_crash_report(exc: BaseException) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = Path(tempfile.gettempdir()) / f"govgate-crash-{stamp}-{os.getpid()}.txt"
    details = [
        f"govgate {__version__}",
        f"python {platform.python_version()} on {platform.platform()}",
        f"argv: {sys.argv}",
        "",
        "".join(traceback.format_exception(exc)),
    ]
    path.write_text("\n".join(details), encoding="utf-8")
    return path
