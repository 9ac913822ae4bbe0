"""Running checkov in-process over one scan root, offline and quietly, with a framework filter.

Checkov is imported here lazily, one runner module per framework actually needed, and each module
only once per process. Its ``main`` module and runner registry are never imported: they configure
the root logger at import and fetch policy metadata from the vendor's platform. Runners are driven
directly with a ``RunnerFilter`` that forbids downloading external modules, so nothing is fetched.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

from scanner.analyzers.iac.facts import CheckRecord

logger = logging.getLogger(__name__)

# Framework name (checkov's spelling) -> "module:class" of its runner.
RUNNERS: dict[str, str] = {
    "terraform": "checkov.terraform.runner:Runner",
    "terraform_json": "checkov.terraform_json.runner:TerraformJsonRunner",
    "cloudformation": "checkov.cloudformation.runner:Runner",
    "kubernetes": "checkov.kubernetes.runner:Runner",
    "helm": "checkov.helm.runner:Runner",
    "dockerfile": "checkov.dockerfile.runner:Runner",
    "secrets": "checkov.secrets.runner:Runner",
    "arm": "checkov.arm.runner:Runner",
    "bicep": "checkov.bicep.runner:Runner",
}

# Settings checkov reads from the environment when its modules load; only defaults are set,
# so a user's own value wins. None of them enables any network access.
_ENVIRONMENT = {
    "BC_SKIP_MAPPING": "TRUE",
    "CKV_SKIP_PACKAGE_UPDATE_CHECK": "TRUE",
    "CKV_VALIDATE_SECRETS": "FALSE",
}


@dataclass(frozen=True)
class CheckovOutcome:
    """What one checkov run over a root produced."""

    records: tuple[CheckRecord, ...] = ()
    parse_errors: tuple[tuple[str, str], ...] = ()  # (file relative to root, framework)
    failures: tuple[str, ...] = ()  # runners that could not run, one message each


def run_checkov(
    root: Path,
    frameworks: Sequence[str],
    skip_paths: Sequence[str] = (),
    secrets_all_files: bool = False,
    relative_to: Path | None = None,
) -> CheckovOutcome:
    """Run checkov's runners for ``frameworks`` over ``root``; never raises for a bad input.

    Like ``checkov -d``, the secrets scan reads only IaC file types and Dockerfiles unless
    ``secrets_all_files`` is set (then it reads source files such as ``.py`` and ``.env`` too).
    Paths in the outcome are relative to ``relative_to`` (the scan root), default ``root``.
    """
    root = root.absolute()
    base = (relative_to or root).absolute()
    records: list[CheckRecord] = []
    parse_errors: list[tuple[str, str]] = []
    failures: list[str] = []

    with _contained_logs():
        try:
            runner_filter = _runner_filter(frameworks, skip_paths, secrets_all_files)
        except ImportError as exc:
            return CheckovOutcome(failures=(f"checkov is not available: {exc}",))
        for framework in frameworks:
            try:
                reports = _run_one(framework, root, runner_filter)
            except Exception as exc:  # noqa: BLE001 - checkov's failures become problems
                logger.debug("checkov %s runner failed", framework, exc_info=True)
                failures.append(f"checkov {framework} runner failed: {type(exc).__name__}: {exc}")
                continue
            for report in reports:
                records.extend(_records(report, root, base))
                parse_errors.extend(
                    (_relative(p, root, base), framework) for p in report.parsing_errors
                )

    return CheckovOutcome(tuple(records), tuple(parse_errors), tuple(failures))


def _run_one(framework: str, root: Path, runner_filter: Any) -> list[Any]:
    runner = _runner_class(framework)()
    result = runner.run(
        root_folder=str(root),
        external_checks_dir=None,
        files=None,
        runner_filter=runner_filter,
        collect_skip_comments=True,
    )
    return result if isinstance(result, list) else [result]


def _runner_filter(
    frameworks: Sequence[str], skip_paths: Sequence[str], secrets_all_files: bool
) -> Any:
    _prepare_environment()
    module = import_module("checkov.runner_filter")
    return module.RunnerFilter(
        framework=list(frameworks),
        download_external_modules=False,
        include_all_checkov_policies=True,
        show_progress_bar=False,
        excluded_paths=list(skip_paths),
        enable_secret_scan_all_files=secrets_all_files,
    )


@cache
def _runner_class(framework: str) -> type[Any]:
    """The runner class of one framework, imported on first use only (logs already contained)."""
    _prepare_environment()
    module_name, _, class_name = RUNNERS[framework].partition(":")
    runner: type[Any] = getattr(import_module(module_name), class_name)
    # Checkov's modules live as long as the process: keep the collector from walking them
    # on every collection during the scan and again at interpreter exit.
    gc.freeze()
    return runner


@cache
def _prepare_environment() -> None:
    for name, value in _ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def _records(report: Any, root: Path, base: Path) -> Iterator[CheckRecord]:
    framework = str(report.check_type)
    for group in (report.failed_checks, report.passed_checks, report.skipped_checks):
        for record in group:
            yield _record(record, framework, root, base)


def _record(record: Any, framework: str, root: Path, base: Path) -> CheckRecord:
    result = record.check_result.get("result")
    lines = list(record.file_line_range or [0, 0]) + [0, 0]
    code = "".join(str(text) for _, text in (record.code_block or ()))
    file = _relative(record.file_abs_path or record.file_path, root, base)
    return CheckRecord(
        check_id=str(record.check_id),
        check_name=str(record.check_name or ""),
        result=str(getattr(result, "value", result)).lower(),
        resource=_resource(str(record.resource), str(record.file_path or ""), file),
        file=file,
        start_line=int(lines[0] or 0),
        end_line=int(lines[1] or 0),
        code=code,
        framework=framework,
        suppress_comment=record.check_result.get("suppress_comment"),
    )


def _resource(resource: str, checkov_path: str, file: str) -> str:
    """The resource name, with a file path in it (Dockerfile instructions) made root-relative.

    Checkov names a Dockerfile instruction ``/<path from its scan directory>.<INSTRUCTION>``;
    rewriting the path keeps the name the same as ``checkov -d <scan root>`` gives, and stable
    when the directory checkov walks changes.
    """
    if checkov_path.startswith("/") and resource.startswith(checkov_path + "."):
        return "/" + file + resource[len(checkov_path):]
    return resource


def _relative(path: str, root: Path, base: Path) -> str:
    """A checkov path (absolute, or root-relative with a leading slash) relative to ``base``."""
    candidate = Path(path)
    if not candidate.is_absolute() or not candidate.exists():
        candidate = root / path.lstrip("/")
    for anchor in (base, base.resolve()):
        try:
            return candidate.relative_to(anchor).as_posix()
        except ValueError:
            continue
    return candidate.as_posix()  # outside the scan root, e.g. a module in a sibling directory


class _ForwardHandler(logging.Handler):
    """Re-emits checkov's log records at debug level under this module's logger."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("scanner.") or not logger.isEnabledFor(logging.DEBUG):
            return
        logger.debug("checkov[%s] %s", record.levelname.lower(), record.getMessage())


@contextmanager
def _contained_logs() -> Iterator[None]:
    """Keep checkov's logging off the user's console while it imports and runs.

    Checkov logs through module loggers under ``checkov`` and through the root logger's module
    functions, which call ``logging.basicConfig`` when the root has no handler. A temporary root
    handler prevents that, and the ``checkov`` logger stops propagating for the duration.
    """
    # Limitation: records checkov sends straight to the root logger still reach any handler
    # the host application put on the root logger itself.
    root, checkov_logger = logging.getLogger(), logging.getLogger("checkov")
    handler, propagate = _ForwardHandler(), checkov_logger.propagate
    root.addHandler(handler)
    checkov_logger.addHandler(handler)
    checkov_logger.propagate = False
    # Some checkov modules call colorama.init() at import, which replaces sys.stdout and
    # sys.stderr with wrappers that strip colour (and slow every write): put the real ones back.
    streams = sys.stdout, sys.stderr
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams
        checkov_logger.propagate = propagate
        checkov_logger.removeHandler(handler)
        root.removeHandler(handler)
