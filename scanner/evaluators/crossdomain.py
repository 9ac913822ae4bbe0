"""``crossdomain``: hold an app to what its privacy policy says.

An app is paired with its policy by ``FactBase.links`` (``{apk: rel, policy: rel}``, from
govgate.yaml or ``--policy``), or implicitly when a scan holds exactly one app and one policy.
``params.kind`` selects the check:

- ``undisclosed_pi``: a PI category the app's code reads (first party or in an SDK) that the
  policy never mentions as collected;
- ``unnamed_sdk``: an SDK embedded in the app that the policy does not name (``only_collecting``
  limits it to SDKs documented to collect PI or seen reading it);
- ``permission_purpose``: a dangerous permission whose PI category the policy never ties to a
  purpose in the same sentence;
- ``contradicted_denial``: the policy says it does not collect a category the app reads.

Findings point at the policy (the statement, or its top for an absence) and list the app's
call sites in ``properties``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from scanner.analyzers.apk.facts import ApkFacts, PiAccess
from scanner.analyzers.policy.facts import NEGATIVE, PolicyFacts
from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.policy_common import check, evidence, finding
from scanner.models import Location

logger = logging.getLogger(__name__)

PURPOSE_KEYS = ("purposes", "permissions_purpose")
MAX_SITES = 5


def pairs(facts: FactBase) -> Iterator[tuple[str, ApkFacts, str, PolicyFacts]]:
    """(apk rel, apk facts, policy rel, policy facts) for every linked app and policy."""
    apks = {r.artifact.rel: r.facts for r in facts.of("apk") if isinstance(r.facts, ApkFacts)}
    docs = {r.artifact.rel: r.facts for r in facts.of("policy")
            if isinstance(r.facts, PolicyFacts)}
    links = [(str(link.get("apk")), str(link.get("policy"))) for link in facts.links]
    if not links and len(apks) == 1 and len(docs) == 1:
        links = [(next(iter(apks)), next(iter(docs)))]
    for apk_rel, policy_rel in links:
        apk, policy = apks.get(apk_rel), docs.get(policy_rel)
        if apk is None or policy is None:
            logger.debug("link %s ↔ %s: one side has no facts", apk_rel, policy_rel)
            continue
        yield apk_rel, apk, policy_rel, policy


def app_reads(apk: ApkFacts) -> dict[str, list[PiAccess]]:
    """PI category → the call sites that read it, first party and in SDKs."""
    sites: dict[str, list[PiAccess]] = {}
    accesses = list(apk.pi_accesses) + [a for sdk in apk.sdks for a in sdk.pi_accesses]
    for access in accesses:
        if access not in sites.setdefault(access.pi, []):
            sites[access.pi].append(access)
    return sites


class CrossDomainEvaluator:
    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        kind = str(rule.params.get("kind"))
        check_of = {
            "undisclosed_pi": _undisclosed_pi, "unnamed_sdk": _unnamed_sdk,
            "permission_purpose": _permission_purpose,
            "contradicted_denial": _contradicted_denial,
        }.get(kind)
        if check_of is None:
            raise ValueError(f"{rule.id}: unknown crossdomain kind {kind!r}")

        result = RuleResult()
        for apk_rel, apk, policy_rel, policy in pairs(facts):
            check(result, rule, policy_rel)
            check_of(result, rule, apk_rel, apk, policy_rel, policy)
        return result


def _undisclosed_pi(result: RuleResult, rule: Rule, apk_rel: str, apk: ApkFacts,
                    policy_rel: str, policy: PolicyFacts) -> None:
    reads = app_reads(apk)
    for category in sorted(reads):
        if category in policy.pi_denied:
            continue  # reported by contradicted_denial
        if category in policy.pi_collected:
            mention = policy.pi_mentions_of(category)[0]
            evidence(result, rule, policy_rel, mention, f"pi:{category}", {"category": category})
            continue
        result.findings.append(finding(
            rule, policy_rel, f"pi:{category}", f"{category} read by {apk_rel}, not in policy",
            None, details=_sites(apk_rel, category, reads[category])))


def _unnamed_sdk(result: RuleResult, rule: Rule, apk_rel: str, apk: ApkFacts,
                 policy_rel: str, policy: PolicyFacts) -> None:
    only_collecting = bool(rule.params.get("only_collecting", True))
    for sdk in sorted(apk.sdks, key=lambda s: s.id):
        if only_collecting and not (sdk.collects or sdk.pi_accesses):
            continue
        named = policy.names_sdk(sdk.id)
        if named is not None:
            evidence(result, rule, policy_rel, None, f"sdk:{sdk.id}",
                     {"sdk": sdk.id, "named_as": named.name, "line": named.line})
            continue
        result.findings.append(finding(
            rule, policy_rel, f"sdk:{sdk.id}", f"SDK {sdk.id} in {apk_rel}, not in policy", None,
            details={"sdk": sdk.id, "sdk_name": sdk.name, "vendor": sdk.vendor, "apk": apk_rel,
                     "collects": ", ".join(sdk.collects)}))


# Limitation: a permission's purpose counts as stated when one sentence mentions its PI category
# and states a purpose; whether that purpose really needs the permission is not judged.
def _permission_purpose(result: RuleResult, rule: Rule, apk_rel: str, apk: ApkFacts,
                        policy_rel: str, policy: PolicyFacts) -> None:
    purpose_sentences = {m.start for key in PURPOSE_KEYS for m in policy.element(key).mentions}
    explained = {m.key for m in policy.pi_mentions if m.start in purpose_sentences
                 and m.polarity != NEGATIVE}
    for permission in sorted(apk.permissions, key=lambda p: p.name):
        if permission.protection != "dangerous" or not permission.pi:
            continue
        covered = [c for c in permission.pi if c in explained]
        if covered:
            mention = next(m for m in policy.pi_mentions if m.key == covered[0]
                           and m.start in purpose_sentences)
            evidence(result, rule, policy_rel, mention, f"permission:{permission.name}",
                     {"permission": permission.name})
            continue
        result.findings.append(finding(
            rule, policy_rel, f"permission:{permission.name}",
            f"{permission.name} requested by {apk_rel}, purpose not stated", None,
            details={"permission": permission.name, "category": ", ".join(permission.pi),
                     "apk": apk_rel}))


def _contradicted_denial(result: RuleResult, rule: Rule, apk_rel: str, apk: ApkFacts,
                         policy_rel: str, policy: PolicyFacts) -> None:
    reads = app_reads(apk)
    for category in policy.pi_denied:
        denial = next(m for m in policy.pi_mentions_of(category) if m.polarity == NEGATIVE)
        if category not in reads:
            evidence(result, rule, policy_rel, denial, f"denied:{category}",
                     {"category": category})
            continue
        details = _sites(apk_rel, category, reads[category])
        result.findings.append(finding(
            rule, policy_rel, f"denied:{category}", denial.text, denial, details=details,
            at=Location(path=policy_rel, start_line=denial.line, end_line=denial.end_line,
                        logical=f"denied:{category}", snippet=denial.text)))


def _sites(apk_rel: str, category: str, accesses: list[PiAccess]) -> dict[str, str | int]:
    shown = accesses[:MAX_SITES]
    return {
        "category": category, "apk": apk_rel, "count": len(accesses),
        "apis": ", ".join(sorted({a.api for a in shown})),
        "callers": "; ".join(f"{a.logical} [{a.attribution}]" for a in shown),
    }
