"""The gate's verdict: which findings fail the build, and the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scanner.models import Finding, Severity

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ANALYSIS_ERROR = 3
ANALYSIS_ERROR_RULE = "GG-META-001"
FAIL_ON_CHOICES = ("info", "low", "medium", "high", "critical", "never")


@dataclass(frozen=True)
class Decision:
    threshold: str
    failing: tuple[Finding, ...]
    analysis_errors: int  # inputs with at least one analysis-error finding
    exit_code: int

    @property
    def passed(self) -> bool:
        return self.exit_code == EXIT_PASSED


def decide(findings: Sequence[Finding], fail_on: str, fail_on_error: bool) -> Decision:
    """Findings at or above ``fail_on`` that count fail the gate; analysis errors only exit 3."""
    errors = len({f.location.path for f in findings if f.rule_id == ANALYSIS_ERROR_RULE})
    failing: tuple[Finding, ...] = ()
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        failing = tuple(
            f for f in findings
            if f.counts and f.severity >= threshold and f.rule_id != ANALYSIS_ERROR_RULE
        )

    if fail_on_error and errors:
        code = EXIT_ANALYSIS_ERROR
    else:
        code = EXIT_FAILED if failing else EXIT_PASSED
    return Decision(threshold=fail_on, failing=failing, analysis_errors=errors, exit_code=code)
