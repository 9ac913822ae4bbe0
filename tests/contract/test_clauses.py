"""Clause classification on tricky wording: negations, cross-references, definitions, headings.

Each case is one small contract and the exact set of clause keys expected from it.
"""

from __future__ import annotations

import pytest
from helpers import clause_keys, facts_of

CASES = [
    # A limitation of liability phrased as a negation with an exception is a cap, not an
    # unlimited-liability statement.
    ("en-negated-cap",
     "Neither party shall be liable for any indirect or consequential damages, except for "
     "breaches of confidentiality.",
     {"liability_cap"}),
    # The cap does not apply to some liabilities: that is uncapped liability.
    ("en-carve-out",
     "The limitations of liability in this Agreement shall not apply to either party's "
     "indemnification obligations.",
     {"unlimited_liability", "indemnity"}),
    # A cross-reference names the clause without being it.
    ("en-cross-reference",
     "Subject to Section 9 (Limitation of Liability) and Section 12 (Governing Law), Supplier "
     "shall deliver the Products by the Delivery Date.",
     set()),
    ("zh-cross-reference",
     "除第十条（争议解决）另有约定外，乙方应当按期交付。",
     set()),
    # A definition mentions terms without stating the clause.
    ("en-definition",
     "\"Force Majeure Event\" means an event beyond a party's reasonable control.",
     set()),
    ("zh-definition",
     "“不可抗力”是指不能预见、不能避免且不能克服的客观情况。",
     set()),
    # A definitions section, however its entries are worded, states no clause.
    ("en-definitions-section",
     "## 1. Definitions\n\n1.1 Termination Date means the date on which either party may "
     "terminate this Agreement for convenience.\n\n1.2 Notices means notices in writing.\n\n"
     "## 2. Delivery\n\nSupplier shall deliver the goods to Buyer's warehouse.",
     set()),
    ("en-auto-renewal-negated",
     "This Agreement shall not automatically renew.",
     set()),
    ("zh-auto-renewal-negated",
     "本合同期满后不自动续期，双方另行协商续签事宜。",
     {"term_renewal"}),
    ("en-auto-renewal",
     "After the Initial Term, this Agreement will renew automatically for successive one-year "
     "periods.",
     {"auto_renewal", "term_renewal"}),
    ("en-termination-for-convenience",
     "Customer may terminate this Agreement at any time for any reason upon thirty days' "
     "written notice.",
     {"termination", "unilateral_termination"}),
    ("zh-unilateral-termination",
     "甲方有权随时解除本合同，但应提前十日书面通知乙方。",
     {"termination", "unilateral_termination"}),
    ("zh-no-unilateral-termination",
     "任何一方不得单方解除本合同。",
     {"termination"}),
    ("en-personnel-vs-confidentiality",
     "The Processor shall ensure that persons authorised to process the personal data have "
     "committed themselves to confidentiality.",
     {"personnel_confidentiality"}),
    ("en-need-to-know-is-not-personnel",
     "The Recipient shall hold the Confidential Information in confidence and may disclose it "
     "only to its employees who need to know it.",
     {"confidentiality"}),
    ("en-audit-log-is-not-audit-right",
     "The platform keeps audit logs of administrator actions for ninety days.",
     set()),
    ("en-assignment-not-ip",
     "Neither party may assign this Agreement without the prior written consent of the other "
     "party.",
     {"assignment"}),
    ("en-subject-matter-boilerplate",
     "This Agreement is the entire agreement between the parties with respect to the subject "
     "matter of this Agreement.",
     set()),
    ("zh-breach-notification",
     "发生或者可能发生个人信息泄露、篡改、丢失的，受托方应当立即通知委托方。",
     {"breach_notification"}),
    ("zh-subentrustment",
     "未经委托方书面同意，受托方不得转委托第三方处理个人信息。",
     {"subprocessors"}),
    ("zh-deletion",
     "委托关系终止后，受托方应当返还或者删除全部个人信息。",
     {"deletion_return"}),
    ("en-governing-law-not-compliance",
     "Each party shall comply with all applicable laws in performing this Agreement.",
     set()),
    ("en-force-majeure",
     "Neither party is liable for failure to perform caused by events beyond its reasonable "
     "control.",
     {"force_majeure"}),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_clause_keys(name: str, text: str, expected: set[str]) -> None:
    assert clause_keys(text) == expected


def test_heading_alone_marks_the_clause_at_its_line() -> None:
    text = "# Supply Agreement\n\n## 7. Force Majeure\n\nSee the master terms.\n"
    facts = facts_of(text)
    assert set(facts.clauses) == {"force_majeure"}
    assert facts.clauses["force_majeure"].line == 3


def test_document_title_is_not_a_clause() -> None:
    text = "# Mutual Non-Disclosure Agreement\n\nThe parties will meet on Monday.\n"
    assert clause_keys(text) == set()


def test_inline_label_lends_its_type() -> None:
    text = ("2.3 Nature and purpose. The Supplier analyses order records to produce monthly "
            "sales reports.\n")
    facts = facts_of(text)
    assert set(facts.clauses) == {"nature_purpose"}


def test_negated_auto_renewal_is_kept_as_a_negative_statement() -> None:
    facts = facts_of("This Agreement shall not automatically renew.")
    assert set(facts.negated) == {"auto_renewal"}
    assert facts.values["auto_renewal"] is False


def test_clause_location_and_quote() -> None:
    text = "# Terms\n\n## 12. Law\n\n12.1 This Agreement is governed by the laws of Ireland.\n"
    clause = facts_of(text).clauses["governing_law"]
    assert (clause.line, clause.end_line) == (5, 5)
    assert clause.text == "12.1 This Agreement is governed by the laws of Ireland."
    assert clause.section == "12. Law > 12.1"


def test_subjects_name_the_party_a_sentence_is_about() -> None:
    text = ("委托方（甲方）：甲公司\n受托方（乙方）：乙公司\n\n"
            "第一条 解除\n乙方有权随时解除本协议。\n")
    facts = facts_of(text, "协议.txt")
    assert facts.clauses["unilateral_termination"].subjects == ("processor",)
