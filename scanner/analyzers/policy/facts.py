"""The facts the policy analyzer finds in one privacy policy, as frozen dataclasses.

Cross-domain rules and the JSON report read these; field names are a contract (add fields, do
not rename them). Element keys and PI categories use the vocabularies of REGULATIONS.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ELEMENT_KEYS = (
    "controller_identity", "contact", "pi_types", "sensitive_pi", "purposes", "third_party_sdk",
    "sharing_transfer", "retention", "storage_location", "security_measures", "right_access",
    "right_correction", "right_deletion", "right_withdraw_consent", "account_cancellation",
    "complaint_channel", "minors", "policy_updates", "effective_date", "permissions_purpose",
    "cross_border",
)
PI_CATEGORIES = (
    "device_id", "location", "contacts", "phone_state", "camera", "microphone", "sms",
    "call_log", "storage", "installed_apps", "clipboard", "calendar", "sensors", "biometrics",
    "account", "identity_document", "financial", "health", "network",
)
AFFIRMATIVE = "affirmative"
NEGATIVE = "negative"
PRESENT, ABSENT = "present", "absent"


@dataclass(frozen=True)
class Mention:
    """One place a key (element or PI category) is stated: the sentence, its line and span.

    ``line``/``end_line`` are lines of the input file (for HTML, the source line of the
    element); ``start``/``end`` the span of the sentence in the extracted text; ``cue`` the
    words that matched; ``section`` the heading path.
    """

    key: str
    polarity: str
    conditional: bool
    line: int
    end_line: int
    start: int
    end: int
    text: str
    cue: str
    section: str = ""


@dataclass(frozen=True)
class ElementFact:
    """An element of REGULATIONS.md: ``present`` (some affirmative statement), ``negative``
    (only explicit negative statements) or ``absent``, with every mention."""

    key: str
    status: str
    mentions: tuple[Mention, ...] = ()

    @property
    def first(self) -> Mention | None:
        preferred = [m for m in self.mentions if m.polarity == AFFIRMATIVE] or list(self.mentions)
        return preferred[0] if preferred else None


@dataclass(frozen=True)
class SdkMention:
    """A third party or SDK the policy names; ``sdk_ids`` are rows of rulesets/data/sdks.yaml
    the name stands for (empty for a name not in the table)."""

    name: str
    sdk_ids: tuple[str, ...]
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ValueMention:
    """A value read from the text: a retention period or a response time."""

    value: str
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PolicyFacts:
    source: str
    kind: str
    lang: str
    encoding: str | None
    chars: int
    sections: int
    sentences: int
    elements: tuple[ElementFact, ...]
    pi_collected: tuple[str, ...]
    pi_denied: tuple[str, ...]
    pi_mentions: tuple[Mention, ...]
    sdks: tuple[SdkMention, ...]
    retention_periods: tuple[ValueMention, ...]
    response_times: tuple[ValueMention, ...]
    warnings: tuple[str, ...] = ()
    document_type: str = "policy"

    def element(self, key: str) -> ElementFact:
        found = next((e for e in self.elements if e.key == key), None)
        return found if found is not None else ElementFact(key, ABSENT)

    def status(self, key: str) -> str:
        return self.element(key).status

    def pi_mentions_of(self, category: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.pi_mentions if m.key == category)

    def names_sdk(self, sdk_id: str) -> SdkMention | None:
        return next((s for s in self.sdks if sdk_id in s.sdk_ids), None)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _lists(asdict(self))
        data["elements"] = {e.key: {"status": e.status,
                                    "mentions": [_lists(asdict(m)) for m in e.mentions]}
                            for e in self.elements}
        return data


def _lists(value: Any) -> Any:
    """``asdict`` output with tuples turned into lists, as JSON has them."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value
