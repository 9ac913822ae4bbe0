"""The APK data tables in rulesets/data load, validate and hold no duplicate or ambiguous rows."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

import pytest

from scanner.catalog.paths import data_file
from scanner.yamlfile import DataFileError, load_yaml, validate

# The PI categories of ../shared/REGULATIONS.md ("Shared vocabularies").
PI_VOCABULARY = {
    "device_id", "location", "contacts", "phone_state", "camera", "microphone", "sms", "call_log",
    "storage", "installed_apps", "clipboard", "calendar", "sensors", "biometrics", "account",
    "identity_document", "financial", "health", "network",
}

# Every runtime (dangerous) permission of Android 14 (API 34).
ANDROID_14_DANGEROUS = {
    "android.permission." + name for name in (
        "ACCEPT_HANDOVER", "ACCESS_BACKGROUND_LOCATION", "ACCESS_COARSE_LOCATION",
        "ACCESS_FINE_LOCATION", "ACCESS_MEDIA_LOCATION", "ACTIVITY_RECOGNITION",
        "ANSWER_PHONE_CALLS", "BLUETOOTH_ADVERTISE", "BLUETOOTH_CONNECT", "BLUETOOTH_SCAN",
        "BODY_SENSORS", "BODY_SENSORS_BACKGROUND", "CALL_PHONE", "CAMERA", "GET_ACCOUNTS",
        "NEARBY_WIFI_DEVICES", "POST_NOTIFICATIONS", "PROCESS_OUTGOING_CALLS", "READ_CALENDAR",
        "READ_CALL_LOG", "READ_CONTACTS", "READ_EXTERNAL_STORAGE", "READ_MEDIA_AUDIO",
        "READ_MEDIA_IMAGES", "READ_MEDIA_VIDEO", "READ_MEDIA_VISUAL_USER_SELECTED",
        "READ_PHONE_NUMBERS", "READ_PHONE_STATE", "READ_SMS", "RECEIVE_MMS", "RECEIVE_SMS",
        "RECEIVE_WAP_PUSH", "RECORD_AUDIO", "SEND_SMS", "USE_SIP", "UWB_RANGING",
        "WRITE_CALENDAR", "WRITE_CALL_LOG", "WRITE_CONTACTS", "WRITE_EXTERNAL_STORAGE",
    )
} | {"com.android.voicemail.permission.ADD_VOICEMAIL"}

# Google Play permission declarations named in the issue, and the slugs they map to.
PLAY_DECLARATIONS = {
    "android.permission.READ_SMS": "sms-call-log",
    "android.permission.SEND_SMS": "sms-call-log",
    "android.permission.RECEIVE_SMS": "sms-call-log",
    "android.permission.READ_CALL_LOG": "sms-call-log",
    "android.permission.WRITE_CALL_LOG": "sms-call-log",
    "android.permission.QUERY_ALL_PACKAGES": "package-visibility",
    "android.permission.MANAGE_EXTERNAL_STORAGE": "all-files-access",
    "android.permission.ACCESS_BACKGROUND_LOCATION": "background-location",
    "android.permission.REQUEST_INSTALL_PACKAGES": "request-install-packages",
    "android.permission.BIND_ACCESSIBILITY_SERVICE": "accessibility",
}

# Prefixes that would claim unrelated code of a large vendor or the platform itself.
TOO_BROAD = {
    "com.google", "com.google.android", "com.google.android.gms", "com.google.firebase",
    "com.facebook", "com.tencent", "com.tencent.mm", "com.alibaba", "com.alibaba.sdk.android",
    "com.taobao", "com.alipay", "com.baidu", "com.huawei", "com.huawei.hms", "com.xiaomi",
    "com.bytedance", "com.bytedance.sdk", "com.ss.android", "com.netease", "com.amazon",
    "com.microsoft", "com.android", "com.unity3d", "com.qq", "com.sina", "com.meizu", "com.vivo",
    "com.heytap", "com.hihonor", "com.kwai", "com.amap", "com.amap.api", "cn.jpush",
}
PLATFORM_ROOTS = ("android.", "androidx.", "java.", "javax.", "kotlin.", "dalvik.", "org.json.")

# Intended nestings: (outer prefix, inner prefix). Any other nesting is an error.
INTENDED_NESTINGS = {
    ("cn.jiguang", "cn.jiguang.verifysdk"),
    ("cn.jiguang", "cn.jiguang.analytics"),
    ("cn.jiguang", "cn.jiguang.share"),
    ("cn.jiguang", "cn.jiguang.ads"),
    ("com.mob", "com.mob.pushsdk"),
    ("com.huawei.hms.ads", "com.huawei.hms.ads.identifier"),
    ("com.google.android.gms.ads", "com.google.android.gms.ads.identifier"),
}

CHINESE_SDKS = {
    "umeng-analytics", "tencent-bugly", "tencent-mta", "jpush", "getui-push", "xiaomi-push",
    "huawei-push", "oppo-push", "vivo-push", "meizu-push", "honor-push", "alibaba-push",
    "baidu-location", "baidu-map", "baidu-mobstat", "baidu-mobads", "amap-location", "amap-map",
    "tencent-map", "tencent-location", "gdt", "csj", "kuaishou-ads", "weibo-sdk",
    "wechat-opensdk", "qq-connect", "alipay", "unionpay", "sensorsdata", "growingio",
    "talkingdata", "sharesdk", "bytedance-applog", "iflytek-msc", "shumei", "tongdun",
    "netease-yidun-captcha", "qiyu", "agora", "tencent-imsdk", "tencent-trtc", "rongcloud",
    "alibaba-utdid",
}
GLOBAL_SDKS = {
    "firebase-analytics", "firebase-crashlytics", "firebase-messaging", "google-ads",
    "facebook-appevents", "facebook-audience-network", "appsflyer", "adjust", "branch", "sentry",
    "mixpanel", "amplitude", "segment", "onesignal", "braze", "applovin", "unity-ads",
    "ironsource", "vungle", "chartboost", "inmobi", "mopub", "flurry", "bugsnag", "newrelic",
    "instabug",
}


@cache
def table(name: str) -> Any:
    path = data_file(f"{name}.yaml")
    data = load_yaml(path)
    validate(data, name, path)
    return data


def boundary_prefix(outer: str, inner: str, separator: str = ".") -> bool:
    return inner != outer and inner.startswith(outer + separator)


def duplicates(values: list[Any]) -> list[Any]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


@pytest.mark.parametrize("name", ["android-apis", "android-permissions", "sdks"])
def test_table_loads_and_validates(name: str) -> None:
    assert table(name)["version"] == 1


@pytest.mark.parametrize("name", ["android-apis", "android-permissions", "sdks"])
def test_schema_pi_enum_is_the_shared_vocabulary(name: str) -> None:
    text = resources.files("scanner.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    assert set(json.loads(text)["$defs"]["piCategory"]["enum"]) == PI_VOCABULARY


def test_schema_rejects_a_malformed_row(tmp_path: Any) -> None:
    bad = tmp_path / "sdks.yaml"
    bad.write_text("version: 1\nsdks:\n- {id: x, name: X, vendor: V, category: ads,\n"
                   "   prefixes: [Com.Bad], collects: [device_id], source: s}\n", "utf-8")
    with pytest.raises(DataFileError, match=r"sdks.yaml:4: \$\.sdks\[0\]\.prefixes\[0\]"):
        validate(load_yaml(bad), "sdks", bad)


def test_api_table_size_and_uniqueness() -> None:
    apis = table("android-apis")
    methods = [(row["class"], row["method"]) for row in apis["apis"]]
    fields = [(row["class"], row["field"]) for row in apis["fields"]]
    uris = [row["uri"] for row in apis["content_uris"]]

    assert len(methods) >= 60
    assert duplicates(methods) == []
    assert duplicates(fields) == []
    assert duplicates(uris) == []


def test_content_uris_do_not_nest() -> None:
    uris = [row["uri"] for row in table("android-apis")["content_uris"]]
    nested = [(a, b) for a in uris for b in uris if boundary_prefix(a, b, "/")]
    assert nested == []


def test_api_table_covers_the_required_families() -> None:
    apis = table("android-apis")
    methods = {f"{row['class']}.{row['method']}" for row in apis["apis"]}
    required = {
        "android.telephony.TelephonyManager.getDeviceId",
        "android.telephony.TelephonyManager.getImei",
        "android.telephony.TelephonyManager.getMeid",
        "android.telephony.TelephonyManager.getSubscriberId",
        "android.telephony.TelephonyManager.getSimSerialNumber",
        "android.os.Build.getSerial",
        "android.provider.Settings$Secure.getString",
        "android.net.wifi.WifiInfo.getMacAddress",
        "java.net.NetworkInterface.getHardwareAddress",
        "android.bluetooth.BluetoothAdapter.getAddress",
        "com.google.android.gms.ads.identifier.AdvertisingIdClient.getAdvertisingIdInfo",
        "android.location.LocationManager.getLastKnownLocation",
        "android.location.LocationManager.requestLocationUpdates",
        "android.location.LocationManager.getCurrentLocation",
        "com.google.android.gms.location.FusedLocationProviderClient.getLastLocation",
        "android.net.wifi.WifiManager.getScanResults",
        "android.telephony.TelephonyManager.getCellLocation",
        "android.telephony.TelephonyManager.getAllCellInfo",
        "android.telephony.SmsManager.sendTextMessage",
        "android.telephony.SmsManager.getAllMessagesFromIcc",
        "android.content.ClipboardManager.getPrimaryClip",
        "android.content.ClipboardManager.getText",
        "android.content.pm.PackageManager.getInstalledPackages",
        "android.content.pm.PackageManager.getInstalledApplications",
        "android.content.pm.PackageManager.queryIntentActivities",
        "android.hardware.Camera.open",
        "android.hardware.camera2.CameraManager.openCamera",
        "android.media.AudioRecord.startRecording",
        "android.media.MediaRecorder.setAudioSource",
        "android.accounts.AccountManager.getAccounts",
        "android.telephony.TelephonyManager.getLine1Number",
        "android.telephony.TelephonyManager.getNetworkOperator",
        "android.net.wifi.WifiManager.getConnectionInfo",
        "android.net.wifi.WifiInfo.getSSID",
        "android.net.wifi.WifiInfo.getBSSID",
        "android.hardware.SensorManager.registerListener",
        "android.hardware.biometrics.BiometricPrompt.authenticate",
    }
    assert required - methods == set()

    uri_categories = {row["pi"] for row in apis["content_uris"]}
    assert {"contacts", "call_log", "sms", "calendar", "storage"} <= uri_categories


def test_every_pi_key_is_in_the_shared_vocabulary() -> None:
    apis = table("android-apis")
    used = {row["pi"] for section in ("apis", "fields", "content_uris") for row in apis[section]}
    used |= {row["pi"] for row in table("android-permissions")["permissions"] if row["pi"]}
    used |= {pi for row in table("sdks")["sdks"] for pi in row["collects"]}
    assert used - PI_VOCABULARY == set()


def test_permissions_named_by_apis_are_in_the_permission_table() -> None:
    apis = table("android-apis")
    named = {perm for section in ("apis", "fields", "content_uris")
             for row in apis[section] for perm in row["permissions"]}
    known = {row["name"] for row in table("android-permissions")["permissions"]}
    assert named - known == set()


def test_permission_table() -> None:
    rows = table("android-permissions")["permissions"]
    by_name = {row["name"]: row for row in rows}

    assert duplicates([row["name"] for row in rows]) == []
    dangerous = {name for name, row in by_name.items() if row["protection"] == "dangerous"}
    assert ANDROID_14_DANGEROUS - dangerous == set()
    for name, slug in PLAY_DECLARATIONS.items():
        assert (by_name[name]["play_restricted"], by_name[name]["play_policy"]) == (True, slug)
        assert by_name[name]["high_risk"] is True
    assert all(row["play_restricted"] for row in rows if "play_policy" in row)


def test_sdk_table_size_ids_and_coverage() -> None:
    sdks = table("sdks")["sdks"]
    ids = [row["id"] for row in sdks]

    assert len(sdks) >= 120
    assert duplicates(ids) == []
    assert CHINESE_SDKS - set(ids) == set()
    assert GLOBAL_SDKS - set(ids) == set()
    categories = {row["category"] for row in sdks}
    assert {"analytics", "push", "ads", "maps_location", "login_share", "payment",
            "crash_reporting", "vendor_push"} <= categories


def test_sdk_prefixes_are_unique_specific_and_nest_only_as_declared() -> None:
    data = table("sdks")
    owner = [(prefix, row["id"]) for row in data["sdks"] for prefix in row["prefixes"]]
    prefixes = [prefix for prefix, _ in owner]

    assert duplicates(prefixes) == []
    assert sorted(set(prefixes) & TOO_BROAD) == []
    assert [p for p in prefixes if (p + ".").startswith(PLATFORM_ROOTS)] == []

    nestings = {(a, b) for a in prefixes for b in prefixes if boundary_prefix(a, b)}
    assert nestings == INTENDED_NESTINGS
    declared = {(row["outer"], row["inner"]) for row in data["nested_prefixes"]}
    assert declared == INTENDED_NESTINGS


def longest_match(class_name: str) -> str | None:
    """The SDK id owning a dotted class name: the longest prefix at a package boundary."""
    best: tuple[int, str] | None = None
    for row in table("sdks")["sdks"]:
        for prefix in row["prefixes"]:
            if class_name.startswith(prefix + ".") and (best is None or len(prefix) > best[0]):
                best = (len(prefix), row["id"])
    return best[1] if best else None


@pytest.mark.parametrize(("class_name", "sdk_id"), [
    ("com.umeng.analytics.MobclickAgent", "umeng-analytics"),
    ("cn.jpush.android.api.JPushInterface", "jpush"),
    ("cn.jiguang.verifysdk.api.JVerificationInterface", "jverification"),
    ("cn.jiguang.api.JCoreInterface", "jiguang-core"),
    ("com.google.android.gms.ads.identifier.AdvertisingIdClient", "google-ads-identifier"),
    ("com.google.android.gms.ads.MobileAds", "google-ads"),
    ("com.bytedance.sdk.openadsdk.TTAdSdk", "csj"),
    ("com.bytedance.sdk.open.douyin.DouYinOpenApiFactory", "douyin-opensdk"),
    ("com.tencent.mm.opensdk.openapi.WXAPIFactory", "wechat-opensdk"),
    ("com.unity3d.player.UnityPlayer", None),
    ("com.facebook.react.ReactActivity", None),
    ("com.umengx.Other", None),
    ("com.mobile.Thing", None),
])
def test_prefixes_match_at_a_package_boundary(class_name: str, sdk_id: str | None) -> None:
    assert longest_match(class_name) == sdk_id


def test_sdk_sources_and_version_hints() -> None:
    for row in table("sdks")["sdks"]:
        assert row["source"].strip() == row["source"]
        hint = row.get("version_hint")
        if hint is not None:
            assert hint.partition("#")[0].rpartition(".")[2][:1].isupper(), row["id"]
