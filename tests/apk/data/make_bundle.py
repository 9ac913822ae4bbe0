"""Rebuild clean-bundle.aab: the clean-app fixture laid out as an Android App Bundle.

aapt2 links the fixture's manifest and resources in protobuf format (as bundletool expects);
the DEX comes from the committed clean-app.apk. Needs Debian's aapt2 and android-framework-res.
Usage: python tests/apk/data/make_bundle.py
"""

from __future__ import annotations

import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
SOURCE = FIXTURES / "src" / "clean-app"
FRAMEWORK = Path("/usr/share/android-framework-res/framework-res.apk")


def build(target: Path = HERE / "clean-bundle.aab") -> Path:
    with tempfile.TemporaryDirectory() as work:
        compiled, linked = Path(work, "res.zip"), Path(work, "proto.apk")
        subprocess.run(["aapt2", "compile", "--dir", str(SOURCE / "res"), "-o", str(compiled)],
                       check=True)
        subprocess.run(["aapt2", "link", "--proto-format", "-I", str(FRAMEWORK),
                        "--manifest", str(SOURCE / "AndroidManifest.xml"),
                        "--min-sdk-version", "24", "--target-sdk-version", "34",
                        "--version-code", "7", "--version-name", "2.0.1",
                        "-o", str(linked), str(compiled)], check=True)
        with zipfile.ZipFile(linked) as proto, zipfile.ZipFile(FIXTURES / "clean-app.apk") as apk, \
                zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr(_entry("BundleConfig.pb"), b"")
            out.writestr(_entry("base/manifest/AndroidManifest.xml"),
                         proto.read("AndroidManifest.xml"))
            out.writestr(_entry("base/resources.pb"), proto.read("resources.pb"))
            out.writestr(_entry("base/res/xml/network_security_config.xml"),
                         proto.read("res/xml/network_security_config.xml"))
            out.writestr(_entry("base/dex/classes.dex"), apk.read("classes.dex"))
    return target


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


if __name__ == "__main__":
    print(build())
