"""The one table of report formats; each reporter module loads only when its format is asked for."""

from __future__ import annotations

from importlib import import_module

from scanner.reporters.base import Reporter

FORMATS: dict[str, str] = {
    "console": "scanner.reporters.console:ConsoleReporter",
    "json": "scanner.reporters.json_report:JsonReporter",
    "sarif": "scanner.reporters.sarif:SarifReporter",
    "junit": "scanner.reporters.junit:JunitReporter",
    "markdown": "scanner.reporters.markdown:MarkdownReporter",
    "html": "scanner.reporters.html:HtmlReporter",
}


def reporter(name: str, **options: object) -> Reporter:
    """An instance of the named format's reporter; ``options`` go to its constructor."""
    module_name, _, class_name = FORMATS[name].partition(":")
    instance: Reporter = getattr(import_module(module_name), class_name)(**options)
    return instance
