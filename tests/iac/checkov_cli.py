"""Running checkov's own CLI on a directory for parity tests and the benchmark."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

FailedSet = set[tuple[str, str, str]]


def checkov_command() -> list[str]:
    beside_python = shutil.which("checkov", path=str(Path(sys.executable).parent))
    found = beside_python or shutil.which("checkov")
    if found is None:
        raise RuntimeError("checkov CLI not found")
    return [found]


def checkov_failed(root: Path, frameworks: Sequence[str] = ()) -> FailedSet:
    """The failed (check id, resource, file relative to root) set `checkov -d` reports."""
    root = root.absolute()
    command = [*checkov_command(), "-d", str(root), "-o", "json", "--skip-download"]
    if frameworks:
        command += ["--framework", *frameworks]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    data = json.loads(completed.stdout)
    reports = data if isinstance(data, list) else [data]
    return {
        (c["check_id"], c["resource"], _relative(c["file_path"], root))
        for report in reports
        for c in report.get("results", {}).get("failed_checks", [])
    }


def _relative(path: str, root: Path) -> str:
    prefix = root.as_posix().rstrip("/") + "/"
    return path[len(prefix):] if path.startswith(prefix) else path.lstrip("/")
