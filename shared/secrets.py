"""Codes personnels, kept only as salted scrypt hashes and compared in constant time."""

import hashlib
import hmac
import os

_N, _R, _P = 2**14, 8, 1
_MAXMEM = 64 * 1024 * 1024
_SALT_BYTES = 16


def hash_code(code: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    """(salt, hash) of a code personnel."""
    salt = salt if salt is not None else os.urandom(_SALT_BYTES)
    digest = hashlib.scrypt(code.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM, dklen=32)
    return salt, digest


def code_matches(code: str, salt: bytes, expected: bytes) -> bool:
    """Whether the code gives the stored hash, in constant time."""
    return hmac.compare_digest(hash_code(code, salt)[1], expected)


def lookup_key(text: str) -> str:
    """A stable, non-reversible key for rate-limiting a typed NIR (known or not)."""
    return hashlib.sha256(b"procuration-sign-in:" + text.encode()).hexdigest()
