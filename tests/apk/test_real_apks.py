"""Facts of the real APKs in ../shared/testdata/apk (androguard's test corpus)."""

from __future__ import annotations

import pytest

from .conftest import analyzed, facts_of

CASES = {
    "a2dp.Vol_137.apk": ("a2dp.Vol", 15, 25, 17, [
        ("activity", "a2dp.Vol.main"), ("receiver", "a2dp.Vol.Starter"),
        ("receiver", "a2dp.Vol.Widget"), ("service", "a2dp.Vol.NotificationCatcher")]),
    "com.politedroid_4.apk": ("com.politedroid", 3, 3, 2, [
        ("activity", "com.politedroid.Preferences"), ("receiver", "com.politedroid.Update")]),
    "com.teleca.jamendo_35.apk": ("com.teleca.jamendo", 4, 8, 5, [
        ("activity", "com.teleca.jamendo.activity.HomeActivity"),
        ("activity", "com.teleca.jamendo.activity.AlbumActivity"),
        ("activity", "com.teleca.jamendo.activity.PlayerActivity"),
        ("activity", "com.teleca.jamendo.activity.SearchActivity"),
        ("activity", "com.teleca.jamendo.activity.SettingsActivity")] + [
        ("activity", f"com.teleca.jamendo.activity.{name}Activity") for name in (
            "Artist", "Playlist", "BrowsePlaylist", "Radio", "Download", "StarredAlbums",
            "IntentDistributor", "Splashscreen")]),
    "com.test.intent_filter.apk": ("com.test.intent_filter", 19, 28, 0, [
        ("activity", "com.test.intent_filter.TestActivity"),
        ("service", "com.test.intent_filter.TestService"),
        ("activity", "com.test.intent_filter.MainActivity")]),
    "Invalid.apk": ("re.androguard.android.invalid", 8, 15, 0, [
        ("activity", "re.androguard.android.invalid.MainActivity")]),
    "duplicate.permisssions_9999999.apk": ("duplicate.permisssions", 18, 27, 7, [
        ("activity", "info.guardianproject.urzip.MainActivity")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_manifest_facts(name: str, shared_apk) -> None:  # type: ignore[no-untyped-def]
    package, min_sdk, target_sdk, permission_count, exported = CASES[name]
    facts = facts_of(shared_apk(name))
    assert (facts.package, facts.min_sdk, facts.target_sdk) == (package, min_sdk, target_sdk)
    assert len(facts.permissions) == permission_count
    assert [(c.kind, c.name) for c in facts.components if c.exported] == exported


def test_a2dp_permissions_and_calls(shared_apk) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of(shared_apk("a2dp.Vol_137.apk"))
    assert facts.permissions[0].name == "android.permission.RECEIVE_BOOT_COMPLETED"
    assert facts.permission("android.permission.RECEIVE_SMS").high_risk
    assert facts.flags.allow_backup_explicit is True
    assert len(facts.pi_accesses) == 24
    assert ("android.location.LocationManager.getLastKnownLocation", "a2dp.Vol.StoreLoc",
            "grabGPS()V") in {(a.api, a.caller_class, a.caller_method) for a in facts.pi_accesses}


def test_jamendo_phone_state_listener(shared_apk) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of(shared_apk("com.teleca.jamendo_35.apk"))
    assert {(a.api, a.caller_method) for a in facts.pi_accesses} == {
        ("android.telephony.TelephonyManager.listen", "onCreate()V"),
        ("android.telephony.TelephonyManager.listen", "onDestroy()V"),
        ("android.os.Environment.getExternalStorageDirectory",
         "getDownloadPath()Ljava/lang/String;"),
    }


def test_duplicate_permissions_collapse(shared_apk) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of(shared_apk("duplicate.permisssions_9999999.apk"))
    # androguard's own get_permissions() misses the two uses-permission-sdk-23 entries.
    assert [(p.name.rpartition(".")[2], p.max_sdk) for p in facts.permissions] == [
        ("INTERNET", None), ("ACCESS_NETWORK_STATE", None), ("ACCESS_WIFI_STATE", None),
        ("CHANGE_WIFI_MULTICAST_STATE", None), ("REQUEST_IGNORE_BATTERY_OPTIMIZATIONS", 27),
        ("REQUEST_INSTALL_PACKAGES", None), ("WRITE_EXTERNAL_STORAGE", 18),
    ]
    assert facts.flags.debuggable


def test_invalid_apk_is_debuggable_and_signed(shared_apk) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of(shared_apk("Invalid.apk"))
    assert facts.flags.debuggable and facts.signing.schemes == ("v1",)


def test_multidex_without_manifest(shared_apk) -> None:  # type: ignore[no-untyped-def]
    facts, error = analyzed(shared_apk("multidex.apk"))
    assert (facts, error) == (None, "no AndroidManifest.xml in the archive")
