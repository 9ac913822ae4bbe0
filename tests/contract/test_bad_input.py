"""Bad inputs become analysis problems, never exceptions or hangs."""

from __future__ import annotations

import time
from pathlib import Path

from scanner.analyzers.base import AnalysisContext
from scanner.analyzers.contract import ContractAnalyzer
from scanner.models import Artifact

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def analyze(path: Path, config: dict[str, object] | None = None):
    artifact = Artifact(path, path.name, "contract")
    [result] = ContractAnalyzer().analyze([artifact], AnalysisContext(root=path.parent,
                                                                      config=config or {}))
    return result


def problem_of(path: Path, config: dict[str, object] | None = None) -> str:
    result = analyze(path, config)
    assert result.facts is None
    [problem] = result.problems
    assert not problem.partial
    return problem.message


def test_empty_file() -> None:
    assert problem_of(FIXTURES / "empty_contract.txt").endswith("the document is empty")


def test_image_only_pdf() -> None:
    assert "the PDF has no text layer" in problem_of(FIXTURES / "scanned_agreement.pdf")


def test_binary_file_named_as_a_contract() -> None:
    assert "not text" in problem_of(FIXTURES / "binary_agreement.txt")


def test_docx_with_entity_declarations_is_refused() -> None:
    message = problem_of(FIXTURES / "entity_agreement.docx")
    assert "declares a DTD or entities" in message


def test_file_over_the_size_limit() -> None:
    message = problem_of(FIXTURES / "gbk_保密协议.txt", {"max_bytes": 100})
    assert "larger than the 100-byte limit" in message


def test_gbk_encoded_contract_is_decoded() -> None:
    result = analyze(FIXTURES / "gbk_保密协议.txt")
    assert result.problems == ()
    assert result.facts is not None
    assert result.facts.type == "nda"
    assert sorted(result.facts.clauses) == [
        "confidentiality", "dispute_resolution", "governing_law", "term_renewal"]
    assert result.facts.values == {"governing_law": "CN", "dispute_venue": "arbitration:BAC"}


def test_docx_keeps_numbering_and_clauses() -> None:
    result = analyze(FIXTURES / "reseller_agreement.docx")
    assert result.facts is not None
    assert {k: c.line for k, c in result.facts.clauses.items()} == {
        "auto_renewal": 3, "term_renewal": 3, "governing_law": 4, "dispute_resolution": 7}
    assert result.facts.values == {"auto_renewal": True, "governing_law": "US-CA",
                                   "dispute_venue": "court:San Francisco"}


def test_one_bad_file_does_not_stop_the_others() -> None:
    paths = [FIXTURES / "empty_contract.txt", FIXTURES / "gbk_保密协议.txt"]
    results = ContractAnalyzer().analyze([Artifact(p, p.name, "contract") for p in paths],
                                         AnalysisContext(root=FIXTURES))
    assert [r.facts is not None for r in results] == [False, True]


def test_pathological_text_is_bounded(tmp_path: Path) -> None:
    # One 300,000-character "sentence" of repeated cue words, and unbalanced brackets.
    text = ("notify notify breach breach liability exceed fees ((((( 违约金违约金 " * 5000)
    path = tmp_path / "agreement.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = analyze(path)
    assert time.perf_counter() - started < 15
    assert result.facts is not None


def test_text_longer_than_the_review_limit_is_partial(tmp_path: Path) -> None:
    section = "## {n}. Payment\n\nCustomer shall pay the fees within thirty (30) days.\n\n"
    path = tmp_path / "long_agreement.md"
    path.write_text("".join(section.format(n=n) for n in range(1, 2001)), encoding="utf-8")
    result = analyze(path, {"max_chars": 10_000})
    assert result.facts is not None
    [problem] = result.problems
    assert problem.partial
    assert "only the first 10000 characters were reviewed" in problem.message


def test_html_contract_lines_point_into_the_html_source() -> None:
    result = analyze(FIXTURES / "service_agreement.html")
    assert result.facts is not None
    assert {k: c.line for k, c in result.facts.clauses.items()} == {
        "payment_terms": 6, "governing_law": 8, "term_renewal": 10, "auto_renewal": 11}
    assert dict(result.facts.values) == {"auto_renewal": True, "governing_law": "US-NY",
                                         "renewal_notice_days": 30.0}
    assert {k: c.line for k, c in result.facts.value_sources.items()} == {
        "auto_renewal": 11, "governing_law": 9, "renewal_notice_days": 11}
