"""Benchmark: `govgate scan` against checkov's own CLI on the same directories.

For each target (the demo project, a generated Terraform tree of >= 500 resources, TerraGoat)
it runs, alternating, `govgate scan DIR --format json`, `checkov -d DIR --framework <the same>`
and a default `checkov -d DIR`, and prints median wall times, the ratios, each command's peak
RSS, and whether the failed-check sets are equal. It also prints the import time of the checkov
pieces govgate loads and of `scanner.cli`, and for TerraGoat the counts per check and provision.

    python bench/bench_iac.py [--runs 5] [--resources 600]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scanner.analyzers.iac.frameworks import detect  # noqa: E402
from scanner.discover import discover  # noqa: E402

TERRAGOAT = REPO.parent / "shared" / "testdata" / "iac" / "terragoat"
FailedSet = set[tuple[str, str, str]]

RESOURCE_TEMPLATES = (
    'resource "aws_s3_bucket" "b{n}" {{\n  bucket = "bench-{n}"\n}}\n',
    'resource "aws_security_group" "sg{n}" {{\n  name = "sg-{n}"\n  description = "bench"\n'
    '  ingress {{\n    description = "ssh"\n    from_port = 22\n    to_port = 22\n'
    '    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }}\n}}\n',
    'resource "aws_db_instance" "db{n}" {{\n  engine = "mysql"\n  instance_class = "db.t3.micro"\n'
    '  allocated_storage = 20\n  storage_encrypted = {flag}\n}}\n',
    'resource "aws_ebs_volume" "v{n}" {{\n  availability_zone = "eu-central-1a"\n  size = 8\n'
    '  encrypted = {flag}\n}}\n',
    'resource "alicloud_oss_bucket" "o{n}" {{\n  bucket = "bench-oss-{n}"\n  acl = "{acl}"\n}}\n',
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--resources", type=int, default=600)
    args = parser.parse_args()

    print_import_times()
    with tempfile.TemporaryDirectory(prefix="govgate-bench-") as scratch:
        generated = generate_tree(Path(scratch) / "generated", args.resources)
        targets = [("demo", REPO / "examples" / "demo"), ("generated", generated)]
        if TERRAGOAT.is_dir():
            targets.append(("terragoat", TERRAGOAT))
        for name, root in targets:
            bench_target(name, root, args.runs)


def generate_tree(root: Path, resources: int) -> Path:
    """``resources`` Terraform resources, ten per file, in nested directories."""
    for n in range(resources):
        folder = root / f"stack{n // 100:02d}" / f"part{(n // 10) % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        template = RESOURCE_TEMPLATES[n % len(RESOURCE_TEMPLATES)]
        text = template.format(n=n, flag="true" if n % 2 else "false",
                               acl="private" if n % 3 else "public-read")
        with (folder / "main.tf").open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    return root


def bench_target(name: str, root: Path, runs: int) -> None:
    artifacts = discover([root], root).by_domain().get("iac", [])
    frameworks = list(detect(artifacts))
    commands = {
        "govgate": [*tool("govgate"), "scan", ".", "--format", "json", "-q"],
        "checkov --framework": [*tool("checkov"), "-d", ".", "-o", "json", "--framework",
                                *frameworks],
        "checkov (default)": [*tool("checkov"), "-d", ".", "-o", "json"],
    }
    times: dict[str, list[float]] = {label: [] for label in commands}
    rss: dict[str, list[int]] = {label: [] for label in commands}
    outputs: dict[str, str] = {}
    for _ in range(runs):
        for label, command in commands.items():
            seconds, peak_kb, stdout = measure(command, root)
            times[label].append(seconds)
            rss[label].append(peak_kb)
            outputs[label] = stdout

    ours = govgate_failed(outputs["govgate"])
    print(f"\n== {name}: {root} ({len(artifacts)} IaC inputs; frameworks {' '.join(frameworks)})")
    base = statistics.median(times["govgate"])
    for label in commands:
        median = statistics.median(times[label])
        ratio = base / median if median else float("nan")
        line = f"  {label:22s} median {median:6.2f}s  peak RSS {max(rss[label]) / 1024:7.1f} MB"
        if label != "govgate":
            theirs = checkov_failed(outputs[label])
            line += f"  govgate/this = {ratio:4.2f}x  failed sets equal: {ours == theirs}"
            line += f" ({len(ours)} vs {len(theirs)})"
        print(line)
    if name == "terragoat":
        print_counts(outputs["govgate"])


def tool(name: str) -> list[str]:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found on PATH")
    return [found]


def measure(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KB) and stdout of one run of ``command``."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = 0
        out.seek(0)
        return seconds, usage.ru_maxrss, out.read().decode("utf-8", "replace")


def govgate_failed(stdout: str) -> FailedSet:
    findings = json.loads(stdout)["findings"]
    return {
        (f["properties"]["checkov_check_id"], f["properties"]["resource"], f["location"]["path"])
        for f in findings
        if str(f.get("source") or "").startswith("checkov:")
    }


def checkov_failed(stdout: str) -> FailedSet:
    data = json.loads(stdout)
    reports = data if isinstance(data, list) else [data]
    return {
        (c["check_id"], c["resource"], c["file_path"].lstrip("/"))
        for report in reports
        for c in report.get("results", {}).get("failed_checks", [])
    }


def print_counts(stdout: str) -> None:
    findings = [f for f in json.loads(stdout)["findings"] if f.get("source")]
    per_check = Counter(f["properties"]["checkov_check_id"] for f in findings)
    per_provision = Counter(p["ref"] for f in findings for p in f.get("provisions", ()))
    per_rule = Counter(f["rule_id"] for f in findings)
    print(f"  findings: {len(findings)} from {len(per_check)} distinct checkov checks")
    print("  per rule: " + ", ".join(f"{r} {n}" for r, n in sorted(per_rule.items())))
    print("  top checks: " + ", ".join(f"{c} {n}" for c, n in per_check.most_common(15)))
    print("  per provision: " + ", ".join(f"{p} {n}" for p, n in sorted(per_provision.items())))


def print_import_times() -> None:
    script = (
        "import time, logging; logging.getLogger().addHandler(logging.NullHandler())\n"
        "from importlib import import_module\n"
        "for name in ('scanner.cli.main', 'checkov.runner_filter', 'checkov.terraform.runner',"
        " 'checkov.secrets.runner', 'checkov.kubernetes.runner', 'checkov.dockerfile.runner',"
        " 'checkov.cloudformation.runner', 'checkov.main'):\n"
        "    t = time.perf_counter(); import_module(name)\n"
        "    print(f'  import {name:32s} +{time.perf_counter() - t:5.2f}s')\n"
    )
    print("import cost (cumulative order, one process):")
    subprocess.run([sys.executable, "-c", script], cwd=REPO, check=False)


if __name__ == "__main__":
    main()
