"""Build large synthetic multidex APKs for bench_apk.py (written to a temp dir, never committed).

``build`` generates smali sources — thousands of distinct classes spread over several DEX files,
in first-party and SDK-looking packages, with ordinary code (string constants, arithmetic,
switches, array data, calls between generated methods) and a sprinkling of calls to tracked
APIs — and assembles them with Debian's apktool (offline). An incompressible stored asset then
brings the file to the requested size, the way real large apps carry media and native
libraries. Needs apktool, aapt and android-framework-res (as the fixture build does).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

FRAMEWORK = Path("/usr/share/android-framework-res/framework-res.apk")
PACKAGES = ("com/example/big/feature", "com/example/big/ui", "com/umeng/analytics/pro",
            "cn/jpush/android/service", "com/tencent/bugly/crashreport", "com/amap/api/location")
TRACKED_CALLS = (
    "invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;",
    "invoke-virtual {v0}, Landroid/net/wifi/WifiInfo;->getMacAddress()Ljava/lang/String;",
    "invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation("
    "Ljava/lang/String;)Landroid/location/Location;",
    "invoke-virtual {v0, v2}, Landroid/content/pm/PackageManager;->getInstalledPackages(I)"
    "Ljava/util/List;",
)
MANIFEST = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.big"
    android:versionCode="1" android:versionName="1.0">
    <uses-permission android:name="android.permission.READ_PHONE_STATE"/>
    <uses-permission android:name="android.permission.ACCESS_FINE_LOCATION"/>
    <application android:label="big"/>
</manifest>
"""
APKTOOL_YML = """!!brut.androlib.meta.MetaInfo
apkFileName: big.apk
compressionType: false
isFrameworkApk: false
packageInfo:
  forcedPackageId: '127'
  renameManifestPackage: null
sdkInfo:
  minSdkVersion: '21'
  targetSdkVersion: '33'
sharedLibrary: false
sparseResources: false
unknownFiles: {}
usesFramework:
  ids:
  - 1
  tag: null
version: 2.7.0
versionInfo:
  versionCode: '1'
  versionName: '1.0'
"""


def build(target: Path, megabytes: int = 24, classes: int = 12_000, per_dex: int = 2_500,
          methods: int = 12, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "src")
        _write_sources(source, rng, classes, per_dex, methods)
        framework = Path(work, "framework")
        subprocess.run(["apktool", "if", "-p", str(framework), str(FRAMEWORK)], check=True,
                       capture_output=True)
        unpadded = Path(work, "big.apk")
        subprocess.run(["apktool", "b", "-a", shutil.which("aapt") or "aapt",
                        "-p", str(framework), "-o", str(unpadded), str(source)],
                       check=True, capture_output=True)
        shutil.copy(unpadded, target)

    padding = max(0, megabytes * 1_000_000 - target.stat().st_size - 200)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_STORED) as out:
        out.writestr("assets/media.bin", os.urandom(padding))
    return target


def _write_sources(root: Path, rng: random.Random, classes: int, per_dex: int,
                   methods: int) -> None:
    (root / "res" / "values").mkdir(parents=True)
    (root / "res" / "values" / "strings.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<resources/>\n')
    (root / "AndroidManifest.xml").write_text(MANIFEST)
    (root / "apktool.yml").write_text(APKTOOL_YML)
    for index in range(classes):
        dex = index // per_dex
        folder = "smali" if dex == 0 else f"smali_classes{dex + 1}"
        package = PACKAGES[index % len(PACKAGES)]
        path = root / folder / package / f"C{index}.smali"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_class(f"L{package}/C{index};", index, rng, methods))


def _class(name: str, index: int, rng: random.Random, methods: int) -> str:
    lines = [f".class public final {name}", ".super Ljava/lang/Object;", ""]
    for number in range(methods):
        lines += _method(name, index, number, rng, methods)
    return "\n".join(lines) + "\n"


def _method(name: str, index: int, number: int, rng: random.Random, methods: int) -> list[str]:
    body = [f".method public static m{number}(Ljava/lang/Object;I)I", "    .locals 4",
            f'    const-string v1, "key-{index}-{number}-{rng.randrange(10**6)}"',
            "    const/4 v2, 0x0",
            "    add-int/lit8 v3, p1, 0x7",
            "    mul-int/lit8 v3, v3, 0x3",
            "    packed-switch p1, :switch_data"]
    if rng.random() < 0.002:  # a few tracked calls among many ordinary ones
        body += ["    move-object v0, p0", "    " + rng.choice(TRACKED_CALLS)]
    callee = (number + 1) % methods
    body += [f"    invoke-static {{p0, v3}}, {name}->m{callee}(Ljava/lang/Object;I)I",
             "    move-result v3",
             "    const/4 v0, 0x3", "    new-array v0, v0, [I",
             "    fill-array-data v0, :array_data",
             "    return v3",
             "    :switch_data", "    .packed-switch 0x0", "        :case", "        :case",
             "    .end packed-switch",
             "    :case", "    return v2",
             "    :array_data", "    .array-data 4", "        0x1", "        0x2", "        0x3",
             "    .end array-data",
             ".end method", ""]
    return body


if __name__ == "__main__":
    out = build(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 24,
                int(sys.argv[3]) if len(sys.argv) > 3 else 12_000)
    print(out, out.stat().st_size)
