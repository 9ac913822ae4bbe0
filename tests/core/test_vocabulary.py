"""The PI-category vocabulary: exactly the shared keys, each named in both languages."""

from __future__ import annotations

from scanner.vocabulary import category_names, pi_categories

SHARED_KEYS = [
    "device_id", "location", "contacts", "phone_state", "camera", "microphone", "sms",
    "call_log", "storage", "installed_apps", "clipboard", "calendar", "sensors", "biometrics",
    "account", "identity_document", "financial", "health", "network",
]


def test_vocabulary_has_the_shared_keys_in_order() -> None:
    assert list(pi_categories()) == SHARED_KEYS


def test_names_for_lists_and_unknown_keys() -> None:
    names = category_names("sms, call_log, browser_history")
    assert names.en == "text messages (SMS), call log, browser_history"
    assert names.zh == "短信、通话记录、browser_history"
