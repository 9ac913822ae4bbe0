"""Speed of the policy analyzer: cold pipeline load, warm analysis of a 30,000-character Chinese
policy, and characters per second in Chinese and English.

Usage: ``python bench/bench_policy_speed.py [--repeat N]``. Targets (issue 4): both pipelines
load in < 2 s cold; a 30,000-character Chinese policy is analysed in < 1 s warm on one core.
The peer measured in the same run is the bare tokenizer (``spacy.blank`` + jieba over the
same text): the ratio shows what the cue matching and fact building add on top of it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scanner.analyzers.policy import analyze_document  # noqa: E402
from scanner.documents import Document, parse_text  # noqa: E402
from scanner.nlp import blank_pipeline  # noqa: E402

LABELLED = ROOT / "tests" / "policy" / "labelled"
COLD_SNIPPET = (
    "import time; t = time.perf_counter();"
    "from scanner.analyzers.policy.elements import GROUPS, PATTERNS;"
    "from scanner.nlp import cue_pipeline;"
    "cue_pipeline('zh', PATTERNS, GROUPS); cue_pipeline('en', PATTERNS, GROUPS);"
    "print(time.perf_counter() - t)"
)


def corpus(lang: str, size: int) -> str:
    """Labelled policies of ``lang`` repeated (as numbered chapters) up to ``size`` characters."""
    pattern = "zh_*.md" if lang == "zh" else "en_*.md"
    texts = [p.read_text(encoding="utf-8") for p in sorted(LABELLED.glob(pattern))
             if "statute" not in p.name]
    parts: list[str] = []
    chapter = 0
    while sum(len(p) for p in parts) < size:
        chapter += 1
        parts.append(f"\n# Part {chapter}\n\n" + texts[chapter % len(texts)])
    return "".join(parts)[:size]


def cold_load() -> float:
    output = subprocess.run([sys.executable, "-c", COLD_SNIPPET], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    return float(output.strip().splitlines()[-1])


def timed_analysis(document: Document, repeat: int) -> float:
    analyze_document(document)  # warm: pipelines and patterns loaded
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        analyze_document(document)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def timed_tokenizer(text: str, lang: str, repeat: int) -> float:
    nlp = blank_pipeline(lang)
    sentences = [s.text for _, s in parse_text(text, "md").sentences()]
    list(nlp.pipe(sentences))
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        list(nlp.pipe(sentences))
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    colds = [cold_load() for _ in range(3)]
    print(f"cold load, zh + en pipelines (median of 3 processes): {statistics.median(colds):.2f} s"
          f"  (target < 2 s: {statistics.median(colds) / 2:.2f}x of budget)")

    for lang, size in (("zh", 30_000), ("en", 30_000)):
        text = corpus(lang, size)
        document = parse_text(text, "md", f"<{lang} corpus>")
        seconds = timed_analysis(document, args.repeat)
        tokenizer = timed_tokenizer(text, lang, args.repeat)
        print(f"{lang}: {len(text):,} chars analysed in {seconds:.3f} s warm "
              f"= {len(text) / seconds:,.0f} chars/s; bare tokenizer {tokenizer:.3f} s "
              f"(analysis/tokenizer = {seconds / tokenizer:.1f}x)")
        if lang == "zh":
            print(f"   target < 1 s for 30,000 zh chars: {seconds:.2f}x of budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
