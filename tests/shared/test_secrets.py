"""Codes personnels: scrypt where hashlib has it, PBKDF2-HMAC-SHA256 over hmac where it does not
(the browser's Pyodide); a stored code names its derivation, and every platform checks both."""

import hashlib
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared import secrets
from shared.secrets import PBKDF2, SCRYPT, Codes, Derive, StoredCode, pbkdf2_sha256_over_hmac

# What Pyodide's hashlib offers: sha256 and friends, no OpenSSL (no scrypt, no pbkdf2_hmac).
BROWSER_HASHLIB = SimpleNamespace(sha256=hashlib.sha256, new=hashlib.new)
SERVER, BROWSER = Codes(hashlib), Codes(BROWSER_HASHLIB)
CODE, OTHER = "24681357", "13572468"


def test_each_platform_hashes_new_codes_with_the_best_derivation_it_has():
    assert (SERVER.kdf, BROWSER.kdf) == (SCRYPT, PBKDF2)
    assert secrets.KDF == SCRYPT  # these tests run where OpenSSL gives hashlib scrypt
    assert StoredCode.parse(SERVER.hash(CODE)).parameters == {"n": 2**14, "r": 8, "p": 1}
    assert StoredCode.parse(BROWSER.hash(CODE)).parameters == secrets.PBKDF2_PARAMETERS


@pytest.mark.parametrize("codes", [SERVER, BROWSER], ids=["scrypt", "pbkdf2"])
def test_both_derivations_verify_their_own_hashes_and_refuse_a_wrong_code(codes):
    stored = codes.hash(CODE)
    assert codes.matches(CODE, stored)
    assert not codes.matches(OTHER, stored)
    assert not codes.matches(CODE[:-1], stored)
    assert codes.hash(CODE) != stored  # a new salt each time


def test_a_pbkdf2_hash_is_verified_on_either_platform():
    assert SERVER.matches(CODE, BROWSER.hash(CODE))  # checked with hashlib.pbkdf2_hmac
    salt, rounds = b"s" * 16, secrets.PBKDF2_PARAMETERS["i"]
    digest = hashlib.pbkdf2_hmac("sha256", CODE.encode(), salt, rounds)
    made_with_openssl = str(StoredCode(PBKDF2, {"i": rounds}, salt, digest))
    assert BROWSER.matches(CODE, made_with_openssl)  # checked over hmac
    assert not BROWSER.matches(OTHER, made_with_openssl)


def test_pbkdf2_over_hmac_gives_the_rfc_vector_and_what_hashlib_gives():
    # RFC 7914 § 11: PBKDF2-HMAC-SHA256 ("passwd", "salt", 1 iteration), its first 32 bytes.
    expected = "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    assert pbkdf2_sha256_over_hmac(b"passwd", b"salt", 1).hex() == expected
    for code, salt, rounds in (
        (b"", b"s" * 16, 1),
        (b"x" * 100, b"", 2),
        (CODE.encode(), b"\0", 9),
    ):
        assert pbkdf2_sha256_over_hmac(code, salt, rounds) == hashlib.pbkdf2_hmac(
            "sha256", code, salt, rounds
        )


def counting(codes: Codes) -> list[str]:
    """`codes`, changed to note the name of each derivation it runs in the list returned."""
    calls: list[str] = []

    def counted(kdf: str, derive: Derive) -> Derive:
        return lambda *args: calls.append(kdf) or derive(*args)

    for kdf, derive in list(codes.derivations.items()):
        codes.derivations[kdf] = counted(kdf, derive)
    return calls


def test_a_scrypt_hash_cannot_be_verified_where_scrypt_is_missing_and_costs_the_same():
    browser = Codes(BROWSER_HASHLIB)
    calls = counting(browser)
    assert not browser.matches(CODE, SERVER.hash(CODE))
    assert not browser.matches(CODE, None)  # no such account
    assert not browser.matches(CODE, "not a stored code")
    assert calls == [PBKDF2, PBKDF2, PBKDF2]  # the same work as a real check, every time


def test_an_unknown_account_costs_one_derivation_on_the_server_too():
    server = Codes(hashlib)
    calls = counting(server)
    assert not server.matches(CODE, None)
    assert calls == [SCRYPT]


@given(
    kdf=st.sampled_from([SCRYPT, PBKDF2]),
    salt=st.binary(max_size=32),
    digest=st.binary(min_size=1, max_size=64),
    log2_n=st.integers(10, 16),
    r=st.integers(1, 8),
    p=st.integers(1, 16),
    i=st.integers(10_000, 10_000_000),
)
def test_the_stored_format_parses_back(kdf, salt, digest, log2_n, r, p, i):
    parameters = {"n": 2**log2_n, "r": r, "p": p} if kdf == SCRYPT else {"i": i}
    stored = StoredCode(kdf, parameters, salt, digest)
    assert StoredCode.parse(str(stored)) == stored
    assert str(StoredCode.parse(str(stored))) == str(stored)


def test_the_stored_format_reads_as_documented():
    stored = StoredCode(SCRYPT, {"n": 16384, "r": 8, "p": 1}, b"\x00" * 16, b"\xff" * 32)
    assert str(stored) == "scrypt$n=16384,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$" + "/" * 42 + "8"
    assert str(StoredCode(PBKDF2, {"i": 150_000}, b"ab", b"cd")) == "pbkdf2-sha256$i=150000$YWI$Y2Q"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "md5$i=1$YWI$Y2Q",
        "pbkdf2-sha256$i=1$YWI$Y2Q",  # far too few iterations
        "pbkdf2-sha256$i=150000,n=2$YWI$Y2Q",
        "scrypt$n=16000,r=8,p=1$YWI$Y2Q",  # n is a power of 2
        "scrypt$n=1048576,r=32,p=1$YWI$Y2Q",  # 4 GiB
        "scrypt$n=16384,r=8$YWI$Y2Q",
        "scrypt$n=16384,r=8,p=1$YWI$Y2Q$",
        "scrypt$n=16384,r=8,p=1$Y*I$Y2Q",
        "pbkdf2-sha256$i=lots$YWI$Y2Q",
    ],
)
def test_a_stored_form_this_module_never_writes_is_refused(text):
    with pytest.raises(ValueError):
        StoredCode.parse(text)
