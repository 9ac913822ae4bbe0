"""Applying suppressions (config and inline) and the baseline to findings.

The result keeps every finding: a suppressed or baselined one is marked, not dropped, so reports
can show it and SARIF can carry it as suppressed.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from scanner.config import ConfigSuppression
from scanner.discover import relative
from scanner.gate.baseline import anchored_fingerprint
from scanner.gate.inline import InlineMarks
from scanner.models import Finding, LocalText, Location, Severity, Suppression

logger = logging.getLogger(__name__)

NO_REASON_RULE = "GG-META-002"
EXPIRED_RULE = "GG-META-003"


@dataclass
class GateInput:
    """What the gate applies. Config suppression globs are relative to ``config_dir``; baseline
    fingerprints are anchored at ``baseline_path``'s directory."""

    root: Path
    suppressions: tuple[ConfigSuppression, ...] = ()
    baseline: frozenset[str] = frozenset()
    baseline_path: Path | None = None
    inline: bool = True
    today: date = field(default_factory=date.today)
    config_path: str = "govgate.yaml"
    config_dir: Path | None = None


def apply_gate(findings: Iterable[Finding], gate: GateInput) -> list[Finding]:
    """Mark suppressed and baselined findings; add findings about the suppressions themselves."""
    active, expired = _split_by_expiry(gate.suppressions, gate.today)
    marks = InlineMarks(gate.root)
    extra: list[Finding] = [_expired_finding(s, gate.config_path) for s in expired]
    reported_marks: set[tuple[str, int]] = set()

    result = []
    for finding in findings:
        suppression = _config_suppression(finding, active, gate)
        if suppression is None and gate.inline:
            suppression, bad_mark = _inline_suppression(finding, marks)
            if bad_mark and bad_mark not in reported_marks:
                reported_marks.add(bad_mark)
                extra.append(_no_reason_finding(finding.rule_id, *bad_mark))

        in_baseline = _in_baseline(finding, gate)
        result.append(replace(finding, suppression=suppression, in_baseline=in_baseline))

    for finding in extra:
        logger.warning("%s", finding.message.en)
    return result + extra


def _split_by_expiry(
    suppressions: Iterable[ConfigSuppression], today: date
) -> tuple[list[ConfigSuppression], list[ConfigSuppression]]:
    active, expired = [], []
    for suppression in suppressions:
        if suppression.expires and date.fromisoformat(suppression.expires) < today:
            expired.append(suppression)
        else:
            active.append(suppression)
    return active, expired


def _in_baseline(finding: Finding, gate: GateInput) -> bool:
    if not gate.baseline or gate.baseline_path is None:
        return False
    return anchored_fingerprint(finding, gate.root, gate.baseline_path) in gate.baseline


def _config_suppression(
    finding: Finding, suppressions: Iterable[ConfigSuppression], gate: GateInput
) -> Suppression | None:
    path = finding.location.path
    if gate.config_dir is not None and not path.startswith(("http://", "https://")):
        path = relative(gate.root / path, gate.config_dir)
    for entry in suppressions:
        if entry.rule not in (finding.rule_id, "*"):
            continue
        if entry.path and not fnmatch.fnmatch(path, entry.path):
            continue
        if entry.fingerprint and entry.fingerprint != finding.fingerprint:
            continue
        return Suppression(reason=entry.reason, origin=gate.config_path, expires=entry.expires)
    return None


def _inline_suppression(
    finding: Finding, marks: InlineMarks
) -> tuple[Suppression | None, tuple[str, int] | None]:
    location = finding.location
    if location.start_line is None or location.entry is not None:
        return None, None

    end = location.end_line or location.start_line
    mark = marks.matching(location.path, finding.rule_id, location.start_line, end)
    if mark is None:
        return None, None
    if not mark.reason:
        return None, (mark.path, mark.line)
    origin = f"{mark.path}:{mark.line}"
    return Suppression(reason=mark.reason, origin=origin, in_source=True), None


def _no_reason_finding(rule_id: str, path: str, line: int) -> Finding:
    message = LocalText(
        en=f"Inline suppression of {rule_id} has no reason, so it does not apply",
        zh=f"对 {rule_id} 的内联抑制未写理由，因此不生效",
    )
    return Finding(
        rule_id=NO_REASON_RULE, severity=Severity.MEDIUM, domain="meta", message=message,
        location=Location(path=path, start_line=line, end_line=line),
        identity=f"govgate:ignore {rule_id}", evidence=f"govgate:ignore {rule_id}",
    )


def _expired_finding(entry: ConfigSuppression, origin: str) -> Finding:
    scope = f" for {entry.path}" if entry.path else ""
    message = LocalText(
        en=f"Suppression of {entry.rule}{scope} expired on {entry.expires}; "
        "its findings count again",
        zh=f"对 {entry.rule}{scope} 的抑制已于 {entry.expires} 过期，相关结果重新计入",
    )
    return Finding(
        rule_id=EXPIRED_RULE, severity=Severity.INFO, domain="meta", message=message,
        location=Location(path=origin), identity=f"{entry.rule}|{entry.path}|{entry.expires}",
        evidence=entry.reason,
    )
