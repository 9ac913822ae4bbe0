"""The shared personal-information categories and the names reports show for them."""

from __future__ import annotations

from functools import cache

from scanner.catalog.tables import data_table
from scanner.models import LocalText


@cache
def pi_categories() -> dict[str, LocalText]:
    """Category key → its name in English and Chinese (``rulesets/data/pi-categories.yaml``)."""
    data = data_table("pi-categories.yaml")
    return {item["key"]: LocalText(en=item["en"], zh=item["zh"]) for item in data["categories"]}


def category_names(keys: str) -> LocalText:
    """Names for one key or a comma-separated list of keys; unknown keys are shown as they are."""
    names = [pi_categories().get(key.strip(), LocalText(key.strip(), key.strip()))
             for key in keys.split(",") if key.strip()]
    return LocalText(en=", ".join(n.en for n in names), zh="、".join(n.zh for n in names))
