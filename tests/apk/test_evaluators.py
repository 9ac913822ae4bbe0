"""Both APK packs over the fixture APKs: exact findings, and the config knobs that turn them off."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import pytest

from scanner.analyzers.apk.facts import ApkFacts, AppFlags, NetworkSecurityConfig
from scanner.analyzers.base import AnalysisResult
from scanner.catalog.loader import load_catalog
from scanner.catalog.model import Catalog
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.registry import evaluator
from scanner.models import Artifact

from .conftest import FIXTURES, facts_of

DEVICE_ID = ("android.telephony.TelephonyManager.getDeviceId@com.example.tracker.DeviceInfo."
             "readDeviceId(Landroid/content/Context;)Ljava/lang/String;")
UMENG = "@com.umeng.analytics.MobclickAgent.onResume(Landroid/content/Context;)V"
IMEI = "android.telephony.TelephonyManager.getImei" + UMENG
MAC = "android.net.wifi.WifiInfo.getMacAddress" + UMENG
JPUSH_APPS = ("android.content.pm.PackageManager.getInstalledPackages"
              "@cn.jpush.android.api.JPushInterface.init(Landroid/content/Context;)V")
P = "android.permission."
ANDROID_ID = ("android.provider.Settings$Secure.getString"
              "@cn.jiguang.api.JCoreInterface.init(Landroid/content/Context;)V")
SERIAL_FIELD = "android.os.Build.SERIAL@com.mob.MobSDK.init(Landroid/content/Context;)V"
ZOO_SDKS = ("applovin", "facebook-appevents", "google-ads", "google-ads-identifier",
            "jiguang-core", "jverification", "mobpush", "mobtech-core")

EXPECTED = {
    "tracker-app.apk": {
        ("GG-APK-001", P + "READ_CONTACTS"), ("GG-APK-001", P + "CAMERA"),
        ("GG-APK-002", P + "READ_PHONE_STATE"), ("GG-APK-002", P + "ACCESS_FINE_LOCATION"),
        ("GG-APK-002", P + "READ_SMS"),
        ("GG-APK-003", P + "READ_SMS"), ("GG-APK-003", P + "QUERY_ALL_PACKAGES"),
        ("GG-APK-004", DEVICE_ID), ("GG-APK-005", IMEI), ("GG-APK-005", MAC),
        ("GG-APK-006", "jpush"), ("GG-APK-006", "umeng-analytics"),
        ("GG-APK-007", JPUSH_APPS),
        ("GG-APK-008", "android:debuggable"), ("GG-APK-009", "android:allowBackup"),
        ("GG-APK-010", "cleartext:base"),
        ("GG-APK-011", "activity:com.example.tracker.DeepLinkActivity"),
        ("GG-APK-011", "service:com.example.tracker.SyncService"),
        ("GG-PLAY-001", P + "READ_SMS"), ("GG-PLAY-004", P + "QUERY_ALL_PACKAGES"),
        ("GG-PLAY-006", DEVICE_ID), ("GG-PLAY-006", IMEI), ("GG-PLAY-006", MAC),
        ("GG-PLAY-007", "jpush"), ("GG-PLAY-007", "umeng-analytics"),
        ("GG-PLAY-008", "targetSdkVersion"),
        ("GG-PLAY-009", P + "READ_CONTACTS"), ("GG-PLAY-009", P + "CAMERA"),
        ("GG-PLAY-010", "cleartext:base"),
    },
    # targetSdk 34: enough for Chinese stores, below Google Play's API 35 for new apps and updates.
    "clean-app.apk": {("GG-APK-002", P + "CAMERA"), ("GG-PLAY-008", "targetSdkVersion")},
    "legacy-app.apk": {
        ("GG-APK-002", P + "READ_CONTACTS"), ("GG-APK-009", "android:allowBackup"),
        ("GG-APK-010", "cleartext:base"), ("GG-APK-011", "service:com.example.legacy.SyncService"),
        ("GG-APK-011", "provider:com.example.legacy.NotesProvider"),
        ("GG-APK-012", "targetSdkVersion"),
        ("GG-PLAY-008", "targetSdkVersion"), ("GG-PLAY-010", "cleartext:base"),
    },
    "sdk-zoo-app.apk": {
        ("GG-APK-001", P + "ACCESS_COARSE_LOCATION"), ("GG-APK-001", P + "WRITE_EXTERNAL_STORAGE"),
        ("GG-APK-002", P + "READ_CALL_LOG"), ("GG-APK-002", P + "READ_PHONE_STATE"),
        *(("GG-APK-003", P + n) for n in ("ACCESS_BACKGROUND_LOCATION", "MANAGE_EXTERNAL_STORAGE",
                                           "REQUEST_INSTALL_PACKAGES", "SYSTEM_ALERT_WINDOW",
                                           "READ_CALL_LOG")),
        ("GG-APK-004", "android.os.Build.getSerial@com.mobile.Thing.serial()Ljava/lang/String;"),
        ("GG-APK-005", ANDROID_ID), ("GG-APK-005", SERIAL_FIELD),
        *(("GG-APK-006", s) for s in ZOO_SDKS), *(("GG-PLAY-007", s) for s in ZOO_SDKS),
        ("GG-APK-007", "android.telephony.TelephonyManager.getSimOperator@cn.jiguang.verifysdk"
                       ".api.JVerificationInterface.init(Landroid/content/Context;)V"),
        ("GG-APK-007", "android.provider.ContactsContract$CommonDataKinds$Phone.CONTENT_URI"
                       "@com.mob.pushsdk.MobPush.readContacts(Landroid/content/Context;)"
                       "Landroid/database/Cursor;"),
        ("GG-APK-009", "android:allowBackup"), ("GG-APK-010", "cleartext:base"),
        ("GG-APK-011", "provider:com.example.zoo.SharedProvider"),
        ("GG-PLAY-001", P + "READ_CALL_LOG"), ("GG-PLAY-002", P + "MANAGE_EXTERNAL_STORAGE"),
        ("GG-PLAY-003", P + "ACCESS_BACKGROUND_LOCATION"),
        ("GG-PLAY-005", P + "REQUEST_INSTALL_PACKAGES"),
        ("GG-PLAY-006", ANDROID_ID), ("GG-PLAY-006", SERIAL_FIELD),
        ("GG-PLAY-006", "android.os.Build.getSerial@com.mobile.Thing.serial()Ljava/lang/String;"),
        ("GG-PLAY-008", "targetSdkVersion"),
        ("GG-PLAY-009", P + "ACCESS_COARSE_LOCATION"),
        ("GG-PLAY-009", P + "WRITE_EXTERNAL_STORAGE"),
        ("GG-PLAY-010", "cleartext:base"),
        ("GG-PLAY-011", "service:com.example.zoo.ScreenReaderService"),
    },
    "multidex-app.apk": {
        ("GG-APK-001", P + "READ_EXTERNAL_STORAGE"), ("GG-APK-009", "android:allowBackup"),
        ("GG-PLAY-008", "targetSdkVersion"), ("GG-PLAY-009", P + "READ_EXTERNAL_STORAGE"),
    },
}


@cache
def catalog() -> Catalog:
    return load_catalog()


def run(facts: ApkFacts, config: Mapping[str, Any] | None = None,
        packs: tuple[str, ...] = ("cn-app-privacy", "google-play")) -> list[RuleResult]:
    artifact = Artifact(path=FIXTURES / "app.apk", rel="app.apk", domain="apk")
    base = FactBase(results={"apk": (AnalysisResult(artifact, facts),)})
    context = EvalContext(catalog=catalog(), config=config or {})
    return [evaluator(rule.evaluator).evaluate(rule, base, context)
            for pack in packs for rule in catalog().packs[pack].rules]


def pairs(results: list[RuleResult]) -> set[tuple[str, str]]:
    return {(f.rule_id, f.identity) for r in results for f in r.findings}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_findings(name: str) -> None:
    results = run(facts_of(FIXTURES / name))
    assert pairs(results) == EXPECTED[name]
    assert sum(len(r.checks) for r in results) == 23  # every rule checked the one APK


def test_locations_and_provisions() -> None:
    findings = {(f.rule_id, f.identity): f for r in run(facts_of(FIXTURES / "tracker-app.apk"))
                for f in r.findings}
    unused = findings[("GG-APK-001", P + "CAMERA")]
    assert (unused.location.path, unused.location.entry, unused.location.logical) == (
        "app.apk", "AndroidManifest.xml", "uses-permission[android.permission.CAMERA]")
    assert "cn-app-method-2019:4.1" in unused.provisions and unused.severity.label == "medium"
    imei = findings[("GG-APK-005", IMEI)]
    assert (imei.location.entry, imei.location.logical) == (
        "classes.dex", "Lcom/umeng/analytics/MobclickAgent;->onResume(Landroid/content/Context;)V")
    assert imei.properties["attribution"] == "umeng-analytics"
    assert "umeng-analytics" in imei.message.zh


def test_declared_purposes_and_allowed_sdks_become_evidence() -> None:
    config = {"apk": {
        "permissions": {P + "READ_PHONE_STATE": {"purpose": "fraud control"},
                        P + "ACCESS_FINE_LOCATION": {"purpose": "store finder"},
                        P + "READ_SMS": {"purpose": "OTP autofill"},
                        P + "QUERY_ALL_PACKAGES": {"justification": "launcher"}},
        "allowed_sdks": ["jpush", "umeng-analytics"],
    }}
    results = run(facts_of(FIXTURES / "tracker-app.apk"), config)
    left = {rule for rule, _ in pairs(results)}
    assert not left & {"GG-APK-002", "GG-APK-003", "GG-APK-006", "GG-PLAY-001", "GG-PLAY-004",
                       "GG-PLAY-007"}
    assert sum(len(r.evidence) for r in results) == 3 + 2 + 2 + 1 + 1 + 2


@pytest.mark.parametrize(("config", "expected"), [
    ({}, {"GG-PLAY-008"}),
    ({"apk": {"store_profile": "google-play"}}, {"GG-APK-012", "GG-PLAY-008"}),
    ({"apk": {"store_profile": "google-play-existing"}}, set()),
    ({"apk": {"store_profile": "cn-default"}}, {"GG-PLAY-008"}),  # Play keeps its own floor
    ({"apk": {"min_target_sdk": 40}}, {"GG-APK-012", "GG-PLAY-008"}),
])
def test_target_sdk_profiles(config: dict[str, Any], expected: set[str]) -> None:
    results = run(facts_of(FIXTURES / "clean-app.apk"), config)
    assert {rule for rule, _ in pairs(results) if rule in ("GG-APK-012", "GG-PLAY-008")} == expected


def test_cleartext_domains_in_network_security_config() -> None:
    nsc = NetworkSecurityConfig("res/xml/nsc.xml", base_cleartext=False,
                                cleartext_domains=("api.example.cn",))
    facts = ApkFacts(package="x", target_sdk=34,
                     flags=AppFlags(allow_backup=False, network_security_config=nsc))
    findings = [f for r in run(facts, packs=("cn-app-privacy",)) for f in r.findings
                if f.rule_id == "GG-APK-010"]
    assert [(f.identity, f.location.entry, f.location.logical) for f in findings] == [
        ("cleartext:api.example.cn", "res/xml/nsc.xml", "domain-config[api.example.cn]")]


def test_unused_permission_not_judged_when_code_tier_incomplete() -> None:
    facts = facts_of(FIXTURES / "tracker-app.apk")
    partial = ApkFacts.from_dict({**facts.to_dict(), "code_scanned": False})
    assert not {r for r, _ in pairs(run(partial)) if r in ("GG-APK-001", "GG-PLAY-009")}
