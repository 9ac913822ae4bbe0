"""Loading YAML data files safely, and pointing schema errors at the line they concern."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

MAX_DATA_FILE_BYTES = 8 * 1024 * 1024
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataFileError(Exception):
    """A data file that cannot be read or does not match its schema (message is user-ready)."""


def load_yaml(path: Path) -> Any:
    """Parse one YAML file with the safe loader; errors name the file and line."""
    try:
        if path.stat().st_size > MAX_DATA_FILE_BYTES:
            raise DataFileError(f"{path}: larger than {MAX_DATA_FILE_BYTES} bytes")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read: {exc}") from exc

    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader (libyaml's if present)
    except ValueError as exc:  # a scalar YAML types but cannot build, e.g. the date 2030-02-30
        where, value = _unbuildable_scalar(text)
        raise DataFileError(f"{path}{where}: invalid value {value}: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(f"{path}{where}: invalid YAML: {problem}") from exc


def _unbuildable_scalar(text: str) -> tuple[str, str]:
    """The ``:line`` and text of the first scalar the safe constructor rejects."""
    constructor = yaml.SafeLoader("")
    pending = [yaml.compose(text, Loader=yaml.SafeLoader)]
    while pending:
        node = pending.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node)
            except ValueError:
                return f":{node.start_mark.line + 1}", repr(node.value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            pending.extend(value for _, value in node.value)
    return "", ""


@cache
def schema(name: str) -> dict[str, Any]:
    """One of the JSON Schemas shipped in ``scanner/schemas``."""
    text = resources.files("scanner.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _validator(name: str) -> Any:
    """A validator for a shipped schema, its local ``$ref``s inlined: resolving them on every
    node dominates validation time otherwise."""
    from jsonschema import Draft202012Validator

    document = schema(name)
    definitions = document.get("$defs", {})
    return Draft202012Validator(_inline(document, definitions))


def _inline(node: Any, definitions: dict[str, Any], depth: int = 0) -> Any:
    if isinstance(node, list):
        return [_inline(item, definitions, depth) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/") and depth < 16:
        target = definitions[ref.removeprefix("#/$defs/")]
        return _inline(target, definitions, depth + 1)
    return {key: _inline(value, definitions, depth) for key, value in node.items()}


def validate(data: Any, schema_name: str, path: Path) -> None:
    """Validate against a shipped schema; raise one error naming file, line and field."""
    from jsonschema.exceptions import best_match

    errors = list(_validator(schema_name).iter_errors(data))
    if not errors:
        return

    first = best_match(errors)
    field_path = list(first.absolute_path)
    line = line_of(path, field_path)
    where = f":{line}" if line else ""
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise DataFileError(f"{path}{where}: {json_path(field_path)}: {first.message}{more}")


def json_path(parts: Sequence[Any]) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def line_of(path: Path, parts: Sequence[Any]) -> int | None:
    """The 1-based line of the node at ``parts`` in a YAML file, or of its nearest parent."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None

    line = node.start_mark.line + 1 if node is not None else None
    for part in parts:
        node = _child(node, part)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node | None, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        item: yaml.Node = node.value[part]
        return item
    return None
