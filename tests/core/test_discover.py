"""Discovery: domains by name and config, skipped folders, symlink loops, large trees."""

from __future__ import annotations

import os
from pathlib import Path

from scanner.discover import DomainPaths, discover


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_files_sorted_into_domains(tmp_path: Path) -> None:
    _tree(tmp_path, {
        "infra/main.tf": "", "k8s/app.yaml": "", "Dockerfile": "", "app/settings.py": "",
        "build/app-release.apk": "", "docs/privacy-policy.md": "", "docs/隐私政策.html": "",
        "legal/dpa-acme.docx": "", "legal/服务协议.pdf": "", "README.md": "", "logo.png": "",
        ".git/config.json": "", "node_modules/x/index.js": "",
    })
    found = discover([tmp_path], tmp_path)
    assert sorted((a.rel, a.domain) for a in found.artifacts) == [
        ("Dockerfile", "iac"), ("app/settings.py", "iac"), ("build/app-release.apk", "apk"),
        ("docs/privacy-policy.md", "policy"), ("docs/隐私政策.html", "policy"),
        ("infra/main.tf", "iac"), ("k8s/app.yaml", "iac"), ("legal/dpa-acme.docx", "contract"),
        ("legal/服务协议.pdf", "contract"),
    ]


def test_config_paths_force_domains_and_exclude(tmp_path: Path) -> None:
    _tree(tmp_path, {"docs/notice.md": "", "vendor/x.tf": "", "main.tf": ""})
    paths = DomainPaths(by_domain={"policy": ("docs/notice.md",)}, exclude=("vendor/**",),
                        base=tmp_path)
    found = discover([tmp_path], tmp_path, paths)
    assert sorted((a.rel, a.domain) for a in found.artifacts) == [
        ("docs/notice.md", "policy"), ("main.tf", "iac")]


def test_symlink_loop_and_broken_link_do_not_hang(tmp_path: Path) -> None:
    _tree(tmp_path, {"a/main.tf": ""})
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    os.symlink(tmp_path / "missing.tf", tmp_path / "a" / "dangling.tf")
    found = discover([tmp_path], tmp_path)
    assert [a.rel for a in found.artifacts] == ["a/main.tf"]
    assert found.warnings == [f"{tmp_path / 'a' / 'dangling.tf'}: broken symbolic link, skipped"]


def test_ten_thousand_files_yield_only_the_inputs(tmp_path: Path) -> None:
    for index in range(10_000):
        (tmp_path / f"note-{index}.txt").write_text("")
    (tmp_path / "main.tf").write_text("")
    found = discover([tmp_path], tmp_path)
    assert [a.rel for a in found.artifacts] == ["main.tf"]


def test_missing_target_is_a_warning_and_others_continue(tmp_path: Path) -> None:
    _tree(tmp_path, {"main.tf": ""})
    found = discover([tmp_path / "nope", tmp_path], tmp_path)
    assert [a.rel for a in found.artifacts] == ["main.tf"]
    assert found.warnings == [f"{tmp_path / 'nope'}: no such file or directory"]


def test_unreadable_file_is_a_problem_not_an_input(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path, {"main.tf": "", "secret.tf": ""})
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p).name != "secret.tf"
                        and real_access(p, mode))
    found = discover([tmp_path], tmp_path)
    assert [a.rel for a in found.artifacts] == ["main.tf"]
    assert [(p.artifact, p.message) for p in found.problems] == [("secret.tf", "permission denied")]


def test_govgate_files_and_this_runs_outputs_are_not_inputs(tmp_path: Path) -> None:
    _tree(tmp_path, {"govgate.yaml": "version: 1\n", "main.tf": "", "out/report.json": "{}",
                     "baseline.json": "{}"})
    found = discover([tmp_path], tmp_path,
                     ignored=[tmp_path / "out" / "report.json", tmp_path / "baseline.json"])
    assert [a.rel for a in found.artifacts] == ["main.tf"]
