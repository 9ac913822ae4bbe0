"""The facts the IaC analyzer produces: every checkov record of a file, as frozen dataclasses.

Checkov's own record objects are mutable and carry much that a rule never needs; these keep what
the evaluators and reports use (check id and name, result, resource address, file, line range,
the code block and the framework) and nothing that ties the rest of govgate to checkov's types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RESULTS = ("passed", "failed", "skipped")


@dataclass(frozen=True)
class CheckRecord:
    """One checkov check evaluated on one resource of one file."""

    check_id: str
    check_name: str
    result: str
    resource: str
    file: str
    start_line: int
    end_line: int
    code: str
    framework: str
    suppress_comment: str | None = None

    @property
    def failed(self) -> bool:
        return self.result == "failed"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "check_id": self.check_id,
            "check_name": self.check_name,
            "result": self.result,
            "resource": self.resource,
            "file": self.file,
            "start_line": self.start_line,
            "end_line": self.end_line,
            "code": self.code,
            "framework": self.framework,
        }
        if self.suppress_comment is not None:
            data["suppress_comment"] = self.suppress_comment
        return data


@dataclass(frozen=True)
class IacFileFacts:
    """Everything checkov said about one file (possibly nothing: a file with no resources)."""

    path: str
    records: tuple[CheckRecord, ...] = ()

    @property
    def failed(self) -> tuple[CheckRecord, ...]:
        return tuple(r for r in self.records if r.failed)

    @property
    def frameworks(self) -> tuple[str, ...]:
        return tuple(sorted({r.framework for r in self.records}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "frameworks": list(self.frameworks),
            "records": [r.to_dict() for r in self.records],
        }
