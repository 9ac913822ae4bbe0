"""``govgate init``: write a commented starter ``govgate.yaml``."""

from __future__ import annotations

from pathlib import Path

import click

from scanner.errors import UsageError

STARTER = """\
# govgate configuration. Paths and globs are relative to this file.
# Every key is optional; `govgate scan .` works without this file.
version: 1

# Which rules run: packs by name and/or every rule mapped to a regulation.
# `govgate rules list` and `govgate regulations list` show what exists.
# packs: [iac-cloud, cn-app-privacy]
# regulations: [cn-pipl, cn-mlps2]

# Fail the build on findings at or above this severity: info|low|medium|high|critical|never
fail_on: high

# Language of messages and reports: en | zh
lang: en

# Findings recorded here (see `govgate baseline create`) do not fail the build.
# baseline: .govgate-baseline.json

# Files that are not inputs.
exclude:
  - "tests/fixtures/**"

# Put files into a domain when their names do not say so.
paths:
  policy: ["docs/privacy-policy.md"]
  contract: ["legal/contracts/**"]

# Tie an app to its privacy policy: cross-domain rules check one against the other.
# apps:
#   - name: android app
#     apk: build/outputs/apk/release/app-release.apk
#     policy: docs/privacy-policy.md

# Accepted exceptions. A reason is mandatory; after `expires` the entry stops applying.
# suppressions:
#   - rule: GG-IAC-001
#     path: "terraform/legacy/**"
#     reason: "legacy bucket, migration tracked in OPS-123"
#     expires: "2027-06-30"

# Domain settings.
# iac:
#   default_severity: medium       # for failed checkov checks no pack maps
# apk:
#   store_profile: cn-default      # or google-play: which minimum target SDK applies
#   allowed_sdks: [umeng-analytics]
#   permissions:
#     android.permission.CAMERA: {purpose: "scan QR codes to add a device"}
# contract:
#   max_breach_notification_hours: 72
#   max_penalty_rate: 30
"""


@click.command()
@click.option("--path", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("govgate.yaml"), show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, force: bool) -> None:
    """Write a commented starter govgate.yaml."""
    if path.exists() and not force:
        raise UsageError(f"{path} already exists", hint="use --force to overwrite it")
    try:
        path.write_text(STARTER, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    click.echo(f"govgate: wrote {path}", err=True)
