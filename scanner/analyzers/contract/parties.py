"""Who a clause sentence is about: the first party it names, as a role.

"Either party may terminate" is about ``both``; "乙方有权随时解除本协议" about whatever role 乙方
has in this contract (its preamble alias, e.g. 受托方 → ``processor``, else ``party_b``);
"GitHub may terminate" about the role of the party labelled "GitHub". The risk rules compare
these roles with the roles the user names as their own side.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from scanner.analyzers.contract.patterns import Patterns
from scanner.analyzers.contract.structure import Party

logger = logging.getLogger(__name__)

# Limitation: the subject is the first party named before the first modal verb; sentences
# that put the acting party later ("Upon notice from the Customer, the Supplier may …") or
# use a passive voice get the wrong party or none.
SUBJECT_CHARS = 200
_MODAL = re.compile(
    r"\b(?:may|shall|will|must|can|has the right|have the right|is entitled|are entitled|"
    r"reserves?|agrees?|undertakes?|is liable|are liable)\b"
    r"|有权|应当|应|可以|须|同意|负责|承担|支付",
    re.IGNORECASE)


class PartyFinder:
    """Finds the first party mention of a sentence among the contract's parties and roles."""

    def __init__(self, parties: Sequence[Party], patterns: Patterns) -> None:
        self._named: list[tuple[str, re.Pattern[str]]] = []
        for party in parties:
            names = [n for n in (party.label, party.alias, party.name) if 1 < len(n) <= 80]
            alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            self._named.append((party.role, re.compile(
                rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)))
        self._generic = list(patterns.party_roles)

    def subject(self, text: str) -> str | None:
        """The role of the earliest party mention before the sentence's first modal verb
        ("may", "shall", 有权, 应…); None when no party is named there. Parties named in the
        contract win over generic words at the same place."""
        modal = _MODAL.search(text, 0, SUBJECT_CHARS)
        text = text[:modal.start()] if modal else text[:SUBJECT_CHARS]
        best: tuple[int, int, str] | None = None
        for rank, table in enumerate((self._named, self._generic)):
            for role, pattern in table:
                match = pattern.search(text)
                if match and (best is None or (match.start(), rank) < best[:2]):
                    best = (match.start(), rank, role)
        return best[2] if best else None
