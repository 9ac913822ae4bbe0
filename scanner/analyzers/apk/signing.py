"""Signing facts: which APK signature schemes are present and the signer certificates.

v1 certificates come from the PKCS#7 files under ``META-INF/``; v2/v3 certificates from the
first signer of the APK Signing Block.
"""

from __future__ import annotations

import hashlib
import logging
import struct

from scanner.analyzers.apk.archive import ApkArchive
from scanner.analyzers.apk.facts import Certificate, Signing

logger = logging.getLogger(__name__)

V1_SUFFIXES = (".RSA", ".DSA", ".EC")
MAX_V1_BYTES = 1 << 20


# Limitation: we report the signer certificate but do not verify signatures or digests, so a
# tampered APK with an intact certificate still looks signed.
def signing_facts(archive: ApkArchive) -> tuple[Signing, list[str]]:
    warnings: list[str] = []
    blocks, problem = archive.signing_schemes()
    if problem:
        warnings.append(problem)

    v1_files = [n for n in archive.names
                if n.startswith("META-INF/") and n.upper().endswith(V1_SUFFIXES)]
    schemes = (["v1"] if v1_files else []) + sorted(blocks)
    ders: list[bytes] = []
    for scheme in ("v3.1", "v3", "v2"):
        if scheme in blocks:
            ders.extend(_first_signer_certs(blocks[scheme]))
            break
    if not ders:
        for name in v1_files[:1]:
            try:
                ders.extend(_pkcs7_certs(archive.read(name, MAX_V1_BYTES)))
            except Exception as exc:  # a broken signature file is a warning, not a failure
                warnings.append(f"{name}: certificate unreadable: {exc}")

    certificates = []
    for der in ders[:4]:
        try:
            certificates.append(_certificate(der))
        except Exception as exc:  # malformed DER
            warnings.append(f"signer certificate unreadable: {exc}")
    return Signing(schemes=tuple(schemes), certificates=tuple(certificates)), warnings


def _first_signer_certs(value: bytes) -> list[bytes]:
    """Certificates of the first signer: signers > signer > signed data > certificates."""
    try:
        signers = _prefixed(value, 0)
        signer = _prefixed(signers, 0)
        signed_data = _prefixed(signer, 0)
        (digests_len,) = struct.unpack_from("<I", signed_data, 0)
        certs = _prefixed(signed_data, 4 + digests_len)
        found, offset = [], 0
        while offset + 4 <= len(certs):
            der = _prefixed(certs, offset)
            found.append(der)
            offset += 4 + len(der)
        return found
    except (struct.error, ValueError):
        return []


def _prefixed(data: bytes, offset: int) -> bytes:
    (length,) = struct.unpack_from("<I", data, offset)
    if offset + 4 + length > len(data):
        raise ValueError("length prefix beyond the block")
    return data[offset + 4 : offset + 4 + length]


def _pkcs7_certs(raw: bytes) -> list[bytes]:
    from asn1crypto import cms

    content = cms.ContentInfo.load(raw)["content"]
    return [c.chosen.dump() for c in content["certificates"]]


def _certificate(der: bytes) -> Certificate:
    from asn1crypto import x509

    cert = x509.Certificate.load(der)
    validity = cert["tbs_certificate"]["validity"]
    return Certificate(
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        sha256=hashlib.sha256(der).hexdigest(),
        not_after=validity["not_after"].native.isoformat(),
        not_before=validity["not_before"].native.isoformat(),
    )
