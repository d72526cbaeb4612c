"""Codes personnels, kept only as salted hashes that name their key derivation.

A stored code reads `<kdf>$<parameters>$<salt>$<hash>` (salt and hash in unpadded base64):
`scrypt$n=16384,r=8,p=1$…$…` where hashlib has scrypt (OpenSSL: server, phone), else
`pbkdf2-sha256$i=…$…$…`. The browser's Pyodide has neither hashlib.scrypt nor
hashlib.pbkdf2_hmac, so PBKDF2-HMAC-SHA256 is computed over `hmac` there. New codes use the
best derivation the platform has (chosen once, at start-up); every platform checks both kinds
when it can compute them. Comparisons are constant-time, and checking against no stored code
(an unknown NIR) costs the same work as checking a real one.
"""

import base64
import hashlib
import hmac
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

SCRYPT, PBKDF2 = "scrypt", "pbkdf2-sha256"
SCRYPT_PARAMETERS = {"n": 2**14, "r": 8, "p": 1}
# Measured in the app's own worker during a sign-in (README, « The web build »): 150,000 took
# 0.85-1.3 s on a busy 2-core machine, so 100,000 keeps one sign-in's check under about 1 s.
PBKDF2_PARAMETERS = {"i": 100_000}
# What a stored code may ask for: anything outside is refused rather than computed.
_BOUNDS = {
    SCRYPT: {"n": (2**10, 2**20), "r": (1, 32), "p": (1, 16)},
    PBKDF2: {"i": (10_000, 10_000_000)},
}
_MAXMEM = 64 * 1024 * 1024
_SALT_BYTES = 16
_HASH_BYTES = 32
_NO_SALT = bytes(_SALT_BYTES)

Derive = Callable[[bytes, bytes, dict[str, int]], bytes]


@dataclass(frozen=True)
class StoredCode:
    """A code's salted hash with the name and parameters of the derivation that made it."""

    kdf: str
    parameters: dict[str, int]
    salt: bytes
    digest: bytes

    def __str__(self) -> str:
        parameters = ",".join(f"{name}={value}" for name, value in self.parameters.items())
        return "$".join((self.kdf, parameters, _b64(self.salt), _b64(self.digest)))

    @classmethod
    def parse(cls, text: str) -> "StoredCode":
        """The stored form read back; ValueError if it is not one this module writes."""
        kdf, parameters, salt, digest = text.split("$")
        bounds = _BOUNDS.get(kdf, {})
        pairs = [item.split("=") for item in parameters.split(",")]
        values = {name: int(value) for name, value in pairs}
        if not bounds or values.keys() != bounds.keys():
            raise ValueError("unknown key derivation or parameters")
        if any(not low <= values[name] <= high for name, (low, high) in bounds.items()):
            raise ValueError("key derivation parameters out of bounds")
        if kdf == SCRYPT and values["n"] & (values["n"] - 1):
            raise ValueError("scrypt's n is a power of 2")
        if kdf == SCRYPT and 128 * values["r"] * values["n"] > _MAXMEM:
            raise ValueError("scrypt's parameters need more memory than allowed")
        return cls(kdf, values, _unb64(salt), _unb64(digest))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _scrypt(lib: Any) -> Derive:
    def derive(code: bytes, salt: bytes, p: dict[str, int]) -> bytes:
        digest: bytes = lib.scrypt(
            code, salt=salt, n=p["n"], r=p["r"], p=p["p"], maxmem=_MAXMEM, dklen=_HASH_BYTES
        )
        return digest

    return derive


def pbkdf2_sha256_over_hmac(code: bytes, salt: bytes, iterations: int) -> bytes:
    """PBKDF2-HMAC-SHA256 (RFC 8018), one 32-byte block, with nothing but `hmac`."""
    keyed = hmac.new(code, digestmod="sha256")  # the key's pads are hashed once, then copied
    mac = keyed.copy()
    mac.update(salt + b"\x00\x00\x00\x01")
    block = mac.digest()
    total = int.from_bytes(block, "big")
    for _ in range(iterations - 1):
        mac = keyed.copy()
        mac.update(block)
        block = mac.digest()
        total ^= int.from_bytes(block, "big")
    return total.to_bytes(_HASH_BYTES, "big")


def _pbkdf2(lib: Any) -> Derive:
    def derive(code: bytes, salt: bytes, p: dict[str, int]) -> bytes:
        if hasattr(lib, "pbkdf2_hmac"):
            digest: bytes = lib.pbkdf2_hmac("sha256", code, salt, p["i"], _HASH_BYTES)
            return digest
        return pbkdf2_sha256_over_hmac(code, salt, p["i"])

    return derive


class Codes:
    """Hashing and checking codes with the key derivations that a platform's hashlib offers."""

    def __init__(self, lib: ModuleType | Any = hashlib) -> None:
        self.derivations: dict[str, Derive] = {PBKDF2: _pbkdf2(lib)}
        if hasattr(lib, "scrypt"):
            self.derivations[SCRYPT] = _scrypt(lib)
        self.kdf = SCRYPT if SCRYPT in self.derivations else PBKDF2
        self.parameters = dict(SCRYPT_PARAMETERS if self.kdf == SCRYPT else PBKDF2_PARAMETERS)

    def hash(self, code: str, salt: bytes | None = None) -> str:
        """The stored form of a new code, with this platform's derivation."""
        salt = salt if salt is not None else os.urandom(_SALT_BYTES)
        digest = self.derivations[self.kdf](code.encode(), salt, self.parameters)
        return str(StoredCode(self.kdf, self.parameters, salt, digest))

    def matches(self, code: str, stored: str | None) -> bool:
        """Whether the code gives the stored hash, in constant time; None (no such account)
        and a stored form this platform cannot compute cost the same work, and are False."""
        try:
            found = StoredCode.parse(stored) if stored is not None else None
        except ValueError:
            log.error("a stored code is unreadable")
            found = None
        if found is not None and found.kdf not in self.derivations:
            log.error("a stored code uses %s, which this platform lacks", found.kdf)
            found = None
        if found is None:  # the same work as a real check, against a hash nothing gives
            self.derivations[self.kdf](code.encode(), _NO_SALT, self.parameters)
            return False
        digest = self.derivations[found.kdf](code.encode(), found.salt, found.parameters)
        return hmac.compare_digest(digest, found.digest)


_CODES = Codes()
KDF = _CODES.kdf  # the derivation of new codes on this platform


def hash_code(code: str) -> str:
    """The stored form of a code personnel (random salt)."""
    return _CODES.hash(code)


def code_matches(code: str, stored: str | None) -> bool:
    """Whether the code matches the stored form (None: no such account, same work)."""
    return _CODES.matches(code, stored)


def lookup_key(text: str) -> str:
    """A stable, non-reversible key for rate-limiting a typed NIR (known or not)."""
    return hashlib.sha256(b"procuration-sign-in:" + text.encode()).hexdigest()
