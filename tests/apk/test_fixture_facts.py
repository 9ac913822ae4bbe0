"""Exact facts of the three fixture APKs built from source (see fixtures/README.md)."""

from __future__ import annotations

from scanner.analyzers.apk.facts import ApkFacts, Component

from .conftest import FIXTURES, facts_of

CERT = "9bd932c45705779ebd83e64a20b1ed2e9806df4f829efe1e47c8034ed850c97e"


def _sites(facts: ApkFacts) -> set[tuple[str, str, str, str, str, str]]:
    return {(a.dex, a.caller_class, a.caller_method.partition("(")[0], a.api, a.pi, a.attribution)
            for a in facts.pi_accesses}


def test_tracker_identity_flags_and_signing() -> None:
    facts = facts_of(FIXTURES / "tracker-app.apk")
    assert (facts.package, facts.version_code, facts.version_name) == (
        "com.example.tracker", 3, "1.2.0")
    assert (facts.min_sdk, facts.target_sdk) == (21, 28)
    assert facts.dex_files == ("classes.dex",) and not facts.multidex
    assert facts.signing.schemes == ("v1",)
    assert [c.sha256 for c in facts.signing.certificates] == [CERT]
    assert (facts.flags.debuggable, facts.flags.allow_backup, facts.flags.uses_cleartext_traffic,
            facts.flags.cleartext_permitted, facts.flags.network_security_config) == (
        True, True, True, True, None)
    assert [(p.name, p.protection) for p in facts.defined_permissions] == [
        ("com.example.tracker.permission.INTERNAL", "signature")]
    assert facts.warnings == () and facts.code_scanned


def test_tracker_permissions() -> None:
    facts = facts_of(FIXTURES / "tracker-app.apk")
    assert [(p.name, p.max_sdk, p.custom) for p in facts.permissions] == [
        ("android.permission.READ_PHONE_STATE", None, False),
        ("android.permission.ACCESS_FINE_LOCATION", None, False),
        ("android.permission.READ_CONTACTS", None, False),
        ("android.permission.READ_SMS", None, False),
        ("android.permission.CAMERA", None, False),
        ("android.permission.QUERY_ALL_PACKAGES", None, False),
    ]
    high = {p.name for p in facts.permissions if p.high_risk}
    assert high == {"android.permission.READ_SMS", "android.permission.QUERY_ALL_PACKAGES"}
    assert facts.permission("android.permission.CAMERA").pi == ("camera",)


def test_tracker_call_sites_and_attribution() -> None:
    facts = facts_of(FIXTURES / "tracker-app.apk")
    tracker, umeng = "com.example.tracker.DeviceInfo", "com.umeng.analytics.MobclickAgent"
    assert _sites(facts) == {
        ("classes.dex", tracker, "readDeviceId",
         "android.telephony.TelephonyManager.getDeviceId", "device_id", "first_party"),
        ("classes.dex", tracker, "lastLocation",
         "android.location.LocationManager.getLastKnownLocation", "location", "first_party"),
        ("classes.dex", tracker, "readSms", "content://sms", "sms", "first_party"),
        ("classes.dex", umeng, "onResume",
         "android.telephony.TelephonyManager.getImei", "device_id", "umeng-analytics"),
        ("classes.dex", umeng, "onResume",
         "android.net.wifi.WifiManager.getConnectionInfo", "network", "umeng-analytics"),
        ("classes.dex", umeng, "onResume",
         "android.net.wifi.WifiInfo.getMacAddress", "device_id", "umeng-analytics"),
        ("classes.dex", "cn.jpush.android.api.JPushInterface", "init",
         "android.content.pm.PackageManager.getInstalledPackages", "installed_apps", "jpush"),
    }
    sms = next(a for a in facts.pi_accesses if a.kind == "content_uri")
    assert sms.logical == ("Lcom/example/tracker/DeviceInfo;->readSms(Landroid/content/Context;)"
                           "Landroid/database/Cursor;")


def test_tracker_sdks() -> None:
    facts = facts_of(FIXTURES / "tracker-app.apk")
    assert [(s.id, s.matched_prefix, s.class_count, len(s.pi_accesses), s.version)
            for s in facts.sdks] == [
        ("jpush", "cn.jpush.android", 1, 1, None),
        ("umeng-analytics", "com.umeng.analytics", 1, 3, None),
    ]
    assert [s.permissions for s in facts.sdks] == [
        ("android.permission.QUERY_ALL_PACKAGES",),
        ("android.permission.ACCESS_WIFI_STATE", "android.permission.READ_PHONE_STATE"),
    ]


def test_tracker_components_effective_export() -> None:
    facts = facts_of(FIXTURES / "tracker-app.apk")
    assert facts.components == (
        Component("activity", "com.example.tracker.MainActivity", True, None, "intent-filter",
                  has_intent_filter=True, actions=("android.intent.action.MAIN",), launcher=True),
        Component("activity", "com.example.tracker.DeepLinkActivity", True, None, "intent-filter",
                  has_intent_filter=True, actions=("android.intent.action.VIEW",)),
        Component("service", "com.example.tracker.SyncService", True, True, "explicit"),
        Component("provider", "com.example.tracker.DataProvider", False, None,
                  "provider-default"),
        Component("receiver", "com.example.tracker.SyncReceiver", True, True, "explicit",
                  permission="com.example.tracker.permission.INTERNAL", has_intent_filter=True,
                  actions=("com.example.tracker.action.SYNC",)),
    )


def test_clean_app() -> None:
    facts = facts_of(FIXTURES / "clean-app.apk")
    assert (facts.package, facts.version_code, facts.version_name, facts.min_sdk,
            facts.target_sdk) == ("com.example.clean", 7, "2.0.1", 24, 34)
    assert facts.signing.schemes == ("v2", "v3")
    assert [c.sha256 for c in facts.signing.certificates] == [CERT]
    assert facts.signing.certificates[0].subject.startswith("Common Name: govgate test fixture")
    nsc = facts.flags.network_security_config
    assert nsc is not None and (nsc.resource, nsc.base_cleartext, nsc.cleartext_domains,
                                nsc.error) == (
        "res/xml/network_security_config.xml", False, (), None)
    assert (facts.flags.allow_backup, facts.flags.debuggable, facts.flags.cleartext_permitted,
            facts.flags.cleartext_reason) == (
        False, False, False, "network-security-config base-config")
    assert [p.name for p in facts.permissions] == ["android.permission.CAMERA"]
    assert _sites(facts) == {("classes.dex", "com.example.clean.CameraActivity", "openBackCamera",
                              "android.hardware.camera2.CameraManager.openCamera", "camera",
                              "first_party")}
    assert facts.sdks == ()
    assert [(c.name, c.exported, c.reason) for c in facts.components] == [
        ("com.example.clean.MainActivity", True, "explicit"),
        ("com.example.clean.CameraActivity", False, "explicit"),
        ("com.example.clean.UploadService", False, "explicit"),
    ]


def test_multidex_app() -> None:
    facts = facts_of(FIXTURES / "multidex-app.apk")
    assert (facts.package, facts.target_sdk, facts.multidex) == ("com.example.multidex", 33, True)
    assert facts.dex_files == ("classes.dex", "classes2.dex")
    assert facts.signing.schemes == ("v1", "v2")
    assert [(p.name, p.max_sdk) for p in facts.permissions] == [
        ("android.permission.INTERNET", None),
        ("android.permission.READ_EXTERNAL_STORAGE", 32),
    ]
    assert (facts.flags.allow_backup, facts.flags.allow_backup_explicit,
            facts.flags.cleartext_permitted) == (True, None, False)
    assert _sites(facts) == {("classes2.dex", "com.example.multidex.ClipReader", "read",
                              "android.content.ClipboardManager.getPrimaryClip", "clipboard",
                              "first_party")}


def test_facts_round_trip_through_dict() -> None:
    facts = facts_of(FIXTURES / "tracker-app.apk")
    assert ApkFacts.from_dict(facts.to_dict()) == facts


def test_app_bundle_gives_the_same_facts_as_the_apk() -> None:
    """data/clean-bundle.aab is clean-app in bundle layout (protobuf manifest and resources)."""
    bundle = facts_of(FIXTURES.parent / "data" / "clean-bundle.aab")
    apk = facts_of(FIXTURES / "clean-app.apk")
    assert (bundle.format, bundle.dex_files, bundle.signing.schemes) == (
        "aab", ("base/dex/classes.dex",), ())
    assert bundle.flags.network_security_config is not None
    assert bundle.flags.network_security_config.resource == (
        "base/res/xml/network_security_config.xml")
    same = ("package", "version_code", "version_name", "min_sdk", "target_sdk", "permissions",
            "components")
    assert [getattr(bundle, f) for f in same] == [getattr(apk, f) for f in same]
    assert (bundle.flags.allow_backup, bundle.flags.cleartext_permitted,
            bundle.flags.cleartext_reason) == (False, False, "network-security-config base-config")
    assert [(a.dex, a.api) for a in bundle.pi_accesses] == [
        ("base/dex/classes.dex", "android.hardware.camera2.CameraManager.openCamera")]


def test_sdk_zoo_attribution_nesting_and_versions() -> None:
    facts = facts_of(FIXTURES / "sdk-zoo-app.apk")
    assert (facts.package, facts.target_sdk, facts.signing.schemes) == (
        "com.example.zoo", 33, ("v1", "v2", "v3"))
    assert [(s.id, s.matched_prefix, s.class_count, s.version) for s in facts.sdks] == [
        ("applovin", "com.applovin", 1, "12.1.0"),
        ("facebook-appevents", "com.facebook.appevents", 1, "16.0.1"),
        ("google-ads", "com.google.android.gms.ads", 1, None),
        ("google-ads-identifier", "com.google.android.gms.ads.identifier", 2, None),
        ("jiguang-core", "cn.jiguang", 1, None),
        ("jverification", "cn.jiguang.verifysdk", 1, None),
        ("mobpush", "com.mob.pushsdk", 1, None),
        ("mobtech-core", "com.mob", 1, None),
        ("wechat-opensdk", "com.tencent.mm.opensdk", 2, "android 6.8.0"),
    ]
    zoo = "com.example.zoo."
    assert {(a.caller_class, a.caller_method.partition("(")[0], a.api, a.pi, a.attribution,
             a.kind) for a in facts.pi_accesses} == {
        (zoo + "AdHelper", "adId",
         "com.google.android.gms.ads.identifier.AdvertisingIdClient.getAdvertisingIdInfo",
         "device_id", "first_party", "invoke"),
        (zoo + "AdHelper", "adId",
         "com.google.android.gms.ads.identifier.AdvertisingIdClient$Info.getId",
         "device_id", "first_party", "invoke"),
        (zoo + "CallLogReader", "lastCall", "android.provider.CallLog$Calls.getLastOutgoingCall",
         "call_log", "first_party", "invoke"),
        ("cn.jiguang.api.JCoreInterface", "init", "android.provider.Settings$Secure.getString",
         "device_id", "jiguang-core", "invoke"),
        ("cn.jiguang.verifysdk.api.JVerificationInterface", "init",
         "android.telephony.TelephonyManager.getSimOperator", "phone_state", "jverification",
         "invoke"),
        ("com.umengx.Other", "peek", "android.content.ClipboardManager.getText", "clipboard",
         "first_party", "invoke"),
        ("com.mobile.Thing", "serial", "android.os.Build.getSerial", "device_id", "first_party",
         "invoke"),
        ("com.mob.MobSDK", "init", "android.os.Build.SERIAL", "device_id", "mobtech-core",
         "field"),
        ("com.mob.pushsdk.MobPush", "readContacts",
         "android.provider.ContactsContract$CommonDataKinds$Phone.CONTENT_URI", "contacts",
         "mobpush", "field"),
    }


def test_sdk_zoo_manifest() -> None:
    facts = facts_of(FIXTURES / "sdk-zoo-app.apk")
    assert [(p.name.rpartition(".")[2], p.max_sdk, p.protection, p.high_risk, p.custom)
            for p in facts.permissions] == [
        ("INTERNET", None, "normal", False, False),
        ("ACCESS_COARSE_LOCATION", None, "dangerous", False, False),
        ("ACCESS_BACKGROUND_LOCATION", None, "dangerous", True, False),
        ("MANAGE_EXTERNAL_STORAGE", None, "special", True, False),
        ("REQUEST_INSTALL_PACKAGES", None, "special", True, False),
        ("SYSTEM_ALERT_WINDOW", None, "special", True, False),
        ("READ_CALL_LOG", None, "dangerous", True, False),
        ("RECEIVE_BOOT_COMPLETED", None, "normal", False, False),
        ("WRITE_EXTERNAL_STORAGE", 28, "dangerous", False, False),
        ("C2D", None, None, False, True),
        ("READ_PHONE_STATE", None, "dangerous", False, False),  # uses-permission-sdk-23
    ]
    assert [(p.name, p.protection) for p in facts.defined_permissions] == [
        ("com.example.zoo.permission.READ", "normal")]
    nsc = facts.flags.network_security_config
    assert nsc is not None and (nsc.base_cleartext, nsc.cleartext_domains) == (True, ())
    assert (facts.flags.debuggable, facts.flags.allow_backup, facts.flags.cleartext_permitted) == (
        False, True, True)
    assert [(c.kind, c.name.rpartition(".")[2], c.exported, c.permission, c.read_permission,
             c.write_permission) for c in facts.components] == [
        ("activity", "MainActivity", True, None, None, None),
        ("service", "ScreenReaderService", True,
         "android.permission.BIND_ACCESSIBILITY_SERVICE", None, None),
        ("provider", "SharedProvider", True, None, "com.example.zoo.permission.READ", None),
    ]


def test_legacy_app_defaults() -> None:
    facts = facts_of(FIXTURES / "legacy-app.apk")
    assert (facts.package, facts.min_sdk, facts.target_sdk, facts.signing.schemes) == (
        "com.example.legacy", 9, 16, ("v1",))
    flags = facts.flags
    assert (flags.allow_backup, flags.cleartext_permitted, flags.cleartext_reason) == (
        True, True, "platform default for targetSdk 16 (< 28)")
    components = [(c.kind, c.name.rpartition(".")[2], c.exported, c.reason)
                  for c in facts.components]
    assert components == [
        ("activity", "MainActivity", True, "intent-filter"),
        ("activity", "SettingsActivity", False, "default"),
        ("service", "SyncService", True, "intent-filter"),
        ("provider", "NotesProvider", True, "provider-default-target-le-16"),
    ]
    assert [(a.caller_method, a.api, a.kind) for a in facts.pi_accesses] == [
        ("onStart()V", "android.provider.ContactsContract$Contacts.CONTENT_URI", "field")]
