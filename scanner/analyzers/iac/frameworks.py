"""Which checkov frameworks a set of IaC files needs, found by sniffing names and first bytes.

Checkov runs only the frameworks named here, so this must never miss a framework a file needs;
a false positive only costs the time of one more checkov runner. Files are read at most
``SNIFF_BYTES`` deep and never parsed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from scanner.models import Artifact

logger = logging.getLogger(__name__)

SNIFF_BYTES = 64 * 1024

# Checkov's secrets scan reads every kind of file we hand it, so it always runs.
ALWAYS = ("secrets",)

_CLOUDFORMATION = re.compile(rb"AWSTemplateFormatVersion|[\"']?Type[\"']?\s*:\s*[\"']?AWS::")
_KUBERNETES = re.compile(rb"\bapiVersion[\"']?\s*:")
_KIND = re.compile(rb"\bkind[\"']?\s*:")
_ARM = re.compile(rb"schema\.management\.azure\.com/schemas/[^\"']*deploymentTemplate")
_DOCKERFILE = re.compile(r"^(dockerfile|containerfile)([.-].*)?$|\.dockerfile$", re.IGNORECASE)


def detect(artifacts: Iterable[Artifact]) -> tuple[str, ...]:
    """The sorted framework names (checkov's spelling) the artifacts call for."""
    found: set[str] = set(ALWAYS)
    for artifact in artifacts:
        found.update(frameworks_of(artifact.path))
    logger.debug("IaC frameworks detected: %s", ", ".join(sorted(found)))
    return tuple(sorted(found))


def frameworks_of(path: Path) -> set[str]:
    """The frameworks one file belongs to, judged by its name and, for YAML/JSON, its head."""
    name = path.name.lower()
    if name.endswith(".tf.json"):
        return {"terraform_json"}
    if name.endswith((".tf", ".tfvars")):
        return {"terraform"}
    if name.endswith(".bicep"):
        return {"bicep"}
    if _DOCKERFILE.search(path.name):
        return {"dockerfile"}
    if name in ("chart.yaml", "chart.yml"):
        return {"helm"}
    if name.endswith((".yaml", ".yml", ".json", ".template")):
        return _sniff_document(path, name.endswith(".json"))
    return set()


def _sniff_document(path: Path, is_json: bool) -> set[str]:
    head = _head(path)
    found: set[str] = set()
    if _CLOUDFORMATION.search(head):
        found.add("cloudformation")
    if _KUBERNETES.search(head) and _KIND.search(head):
        found.add("kubernetes")
    if is_json and _ARM.search(head):
        found.add("arm")
    return found


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError as exc:
        logger.debug("cannot sniff %s: %s", path, exc)
        return b""
