"""Walking scan targets and sorting their files into domains.

Nothing found here is opened beyond a short sniff of its first bytes; nothing is executed or
imported. Directory symlinks are not followed (no loops), and hidden VCS and dependency folders
are skipped.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from scanner.models import AnalysisProblem, Artifact

logger = logging.getLogger(__name__)

SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", ".terraform", "__pycache__", ".venv", "venv",
    ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
})
MAX_FILES = 200_000
# govgate's own files are never inputs: its configuration (a YAML file checkov would otherwise
# read) and, passed in by the caller, the reports and baseline of the current run.
OWN_FILES = frozenset({"govgate.yaml", "govgate.yml", ".govgate.yaml"})

APK_SUFFIXES = frozenset({".apk", ".aab"})
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"})
IAC_SUFFIXES = frozenset({
    ".tf", ".tfvars", ".hcl", ".yaml", ".yml", ".json", ".template", ".bicep", ".dockerfile",
})
# Files checkov's secrets scan reads although they are not IaC.
SECRET_SUFFIXES = frozenset({
    ".py", ".js", ".ts", ".java", ".go", ".rb", ".php", ".cs", ".sh", ".bash", ".env", ".ini",
    ".cfg", ".conf", ".properties", ".xml", ".toml", ".pem", ".key",
})
IAC_NAMES = re.compile(r"^(dockerfile|containerfile)([.-].*)?$|^\.env(\..*)?$", re.IGNORECASE)

POLICY_NAME = re.compile(r"privacy|隐私|个人信息保护|personal[-_ ]?information", re.IGNORECASE)
CONTRACT_NAME = re.compile(
    r"contract|agreement|\bdpa\b|terms|addendum|协议|合同|条款", re.IGNORECASE
)


@dataclass(frozen=True)
class DomainPaths:
    """Globs from ``govgate.yaml`` that force files into a domain, or out of the scan.

    The globs are relative to ``base``, the directory holding the configuration file.
    """

    by_domain: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    base: Path | None = None


@dataclass
class Discovery:
    """What discovery found: inputs, notes for the log, and inputs it could not read."""

    artifacts: list[Artifact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[AnalysisProblem] = field(default_factory=list)

    def by_domain(self) -> dict[str, list[Artifact]]:
        grouped: dict[str, list[Artifact]] = {}
        for artifact in self.artifacts:
            grouped.setdefault(artifact.domain, []).append(artifact)
        return grouped


def discover(
    targets: Sequence[Path], root: Path, paths: DomainPaths | None = None,
    ignored: Iterable[Path] = (),
) -> Discovery:
    """Every input under ``targets``, with paths relative to ``root``; ``ignored`` files (the
    current run's reports and baseline) are left out."""
    paths = paths or DomainPaths()
    result = Discovery()
    seen: set[Path] = {p.resolve() for p in ignored}

    for target in targets:
        if not target.exists():
            result.warnings.append(f"{target}: no such file or directory")
            continue
        for file in _walk(target, result):
            resolved = file.resolve()
            if resolved in seen or file.name in OWN_FILES:
                continue
            seen.add(resolved)
            artifact = _classify(file, root, paths)
            if artifact is None:
                continue
            if os.access(file, os.R_OK):
                result.artifacts.append(artifact)
            else:
                result.problems.append(AnalysisProblem(artifact.rel, "permission denied"))

    logger.debug("discovered %d inputs", len(result.artifacts))
    return result


def relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, or absolute if outside it."""
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(root))  # no ".." left
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def _walk(target: Path, result: Discovery) -> Iterable[Path]:
    if target.is_file():
        yield target
        return

    def unreadable(error: OSError) -> None:
        result.problems.append(AnalysisProblem(
            str(error.filename), f"directory not scanned: {error.strerror or error}"))

    count = 0
    for directory, subdirs, files in os.walk(target, onerror=unreadable, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            path = Path(directory, name)
            if path.is_symlink() and not path.is_file():
                result.warnings.append(f"{path}: broken symbolic link, skipped")
                continue
            count += 1
            if count > MAX_FILES:
                result.warnings.append(f"{target}: more than {MAX_FILES} files, the rest skipped")
                return
            yield path


def _classify(file: Path, root: Path, paths: DomainPaths) -> Artifact | None:
    rel = relative(file, root)
    configured = relative(file, paths.base) if paths.base else rel
    if _matches(configured, paths.exclude):
        return None

    for domain, globs in paths.by_domain.items():
        if _matches(configured, globs):
            return Artifact(path=file, rel=rel, domain=domain)

    sniffed = _domain_of(file)
    return Artifact(path=file, rel=rel, domain=sniffed) if sniffed else None


def _domain_of(file: Path) -> str | None:
    suffix = file.suffix.lower()
    name = file.name
    if suffix in APK_SUFFIXES:
        return "apk"
    if suffix in DOCUMENT_SUFFIXES:
        if POLICY_NAME.search(name):
            return "policy"
        if CONTRACT_NAME.search(name):
            return "contract"
        return None
    if suffix in IAC_SUFFIXES or suffix in SECRET_SUFFIXES or IAC_NAMES.match(name):
        return "iac"
    return None


def _matches(rel: str, globs: Iterable[str]) -> bool:
    pure = PurePosixPath(rel)
    return any(pure.match(g) or fnmatch.fnmatch(rel, g) for g in globs)
