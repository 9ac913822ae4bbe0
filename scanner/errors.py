"""govgate's exception tree; the CLI turns each into one line and an exit code."""

from __future__ import annotations


class GovgateError(Exception):
    """Base of every error govgate reports to the user as a single line."""

    exit_code = 2
    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class UsageError(GovgateError):
    """A command-line option or argument that cannot be honoured."""


class ConfigError(GovgateError):
    """A ``govgate.yaml`` (or baseline file) that is unreadable or invalid."""


class CatalogError(GovgateError):
    """A regulation file or rule pack that is unreadable, invalid or inconsistent."""
