"""Rules backed by checkov checks: each failed record of a listed check becomes a finding.

A rule's ``check.params.checks`` lists checkov check ids (``CKV_AWS_19``, ``CKV_SECRET_2``...).
Every failed record of those checks yields one finding that names the resource and the check;
every file on which any of them was evaluated yields a ``Check`` (a JUnit testcase).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from scanner.analyzers.base import AnalysisResult
from scanner.analyzers.iac.facts import CheckRecord, IacFileFacts
from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.models import Check, Finding, LocalText, Location, Severity

logger = logging.getLogger(__name__)

MAX_SNIPPET_CHARS = 2000


class CheckovEvaluator:
    """Maps the checkov checks a rule lists onto findings of that rule."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        wanted = frozenset(str(c) for c in rule.params.get("checks", ()))
        result = RuleResult()
        for rel, records in iac_records(facts.of("iac")):
            evaluated = [r for r in records if r.check_id in wanted]
            if not evaluated:
                continue
            result.checks.append(Check(rule.id, rel))
            result.findings.extend(
                finding_for(rule, record, rule.severity) for record in failed_once(evaluated)
            )
        return result


def iac_records(results: Iterable[AnalysisResult]) -> Iterator[tuple[str, tuple[CheckRecord, ...]]]:
    """(artifact path, records) for every IaC analysis result that carries checkov facts."""
    for analysis in results:
        if isinstance(analysis.facts, IacFileFacts):
            yield analysis.artifact.rel, analysis.facts.records


def failed_once(records: Iterable[CheckRecord]) -> list[CheckRecord]:
    """Failed records, each (check, resource, file, lines) once, in a stable order."""
    unique = {(r.check_id, r.resource, r.file, r.start_line): r for r in records if r.failed}
    return [unique[key] for key in sorted(unique)]


def resource_name(record: CheckRecord) -> str:
    """The resource as a stable name within its file. checkov names a Dockerfile instruction
    after the file's path (``/app/Dockerfile.ADD``); keep only the instruction, so the name does
    not change with the directory govgate runs from."""
    name = record.resource
    for prefix in (f"/{record.file}", record.file):
        if record.framework == "dockerfile" and name.startswith(prefix):
            return name[len(prefix):].lstrip(".") or "Dockerfile"
    return name


def finding_for(rule: Rule, record: CheckRecord, severity: Severity) -> Finding:
    """The finding for one failed checkov record under ``rule``."""
    resource = resource_name(record)
    values = {
        "resource": resource,
        "check_id": record.check_id,
        "check_name": record.check_name,
        "file": record.file,
    }
    message = rule.message.format(**values) if rule.message else _default_message(record, resource)
    location = Location(
        path=record.file,
        start_line=max(record.start_line, 1),
        end_line=max(record.end_line, record.start_line, 1),
        logical=resource,
        snippet=record.code[:MAX_SNIPPET_CHARS] or None,
    )
    return Finding(
        rule_id=rule.id,
        severity=severity,
        domain="iac",
        message=message,
        location=location,
        provisions=rule.maps_to,
        identity=f"{resource}:{record.check_id}",
        # The evidence is the failing check on that resource, not its code: editing another
        # attribute of the resource keeps the fingerprint while the check still fails.
        evidence=f"{record.check_id} failed on {resource}",
        source=f"checkov:{record.check_id}",
        properties={
            "checkov_check_id": record.check_id,
            "checkov_check_name": record.check_name,
            "framework": record.framework,
            "resource": record.resource,  # checkov's own name, for comparing with checkov
        },
    )


def _default_message(record: CheckRecord, resource: str) -> LocalText:
    if record.framework == "secrets":
        # checkov names a secret by a hash of its value: say what was found, not the hash.
        return LocalText(
            en=f"{record.check_name} committed in {record.file} (checkov {record.check_id})",
            zh=f"{record.file} 中提交了{record.check_name}（checkov {record.check_id}）",
        )
    return LocalText(
        en=f"{resource} fails checkov {record.check_id}: {record.check_name}",
        zh=f"{resource} 未通过 checkov 检查 {record.check_id}：{record.check_name}",
    )
