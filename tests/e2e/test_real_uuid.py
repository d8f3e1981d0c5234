"""github.com/google/uuid@v1.6.0, fetched through the Go module proxy and bound whole
(tests/e2e/fixtures/real/uuid/uuid.gpi): UUID, a [16]byte with value-receiver methods, is a
bytes class compared and hashed as a value, whose methods run in Go; its Version and Variant
types, the Variant constants, the package's UUID variables, a struct with a UUID field, and
its errors. Expected UUIDs come from Python's own uuid module (RFC 4122 name-based UUIDs), an
implementation independent of the Go one."""

import os
import uuid as py_uuid

import pytest

from conftest import ROOT, TARGETS, run_python

GPI = os.path.join(ROOT, "tests", "e2e", "fixtures", "real", "uuid", "uuid.gpi")

CHECK = r'''
import json
import uuid

S = "f47ac10b-58cc-4372-8567-0e02b2c3d479"
u = uuid.Parse(S)
assert type(u) is uuid.UUID and isinstance(u, bytes) and len(u) == 16
assert u == bytes.fromhex(S.replace("-", "")) == uuid.MustParse(S.upper()) == uuid.ParseBytes(S.encode())
assert hash(u) == hash(uuid.Parse(S)) and len({u, uuid.Parse(S)}) == 1
assert str(u) == u.String() == S and u.URN() == "urn:uuid:" + S
assert repr(u).startswith("UUID(b'")
assert u.Version() == 4 and str(u.Version()) == "VERSION_4" and type(u.Version()) is uuid.Version
assert u.Variant() == uuid.RFC4122 and str(u.Variant()) == "RFC4122" and isinstance(u.Variant(), int)
assert [int(v) for v in (uuid.Invalid, uuid.RFC4122, uuid.Reserved, uuid.Microsoft, uuid.Future)] == [0, 1, 2, 3, 4]
assert u.MarshalText() == S.encode() and u.MarshalBinary() == bytes(u)
assert u.ClockSequence() == 0x0567 and u.NodeID() == bytes.fromhex("0e02b2c3d479")

# A UUID made from bytes in Python, checked like Go's [16]byte, and passed back to Go.
b = uuid.UUID(bytes(range(16)))
assert str(b) == "00010203-0405-0607-0809-0a0b0c0d0e0f" and uuid.FromBytes(bytes(range(16))) == b
assert uuid.UUID() == uuid.Nil == bytes(16) and str(uuid.Max) == "ffffffff-ffff-ffff-ffff-ffffffffffff"
for bad, exc in [(b"short", ValueError), ([256] * 16, OverflowError), ("text", TypeError)]:
    try:
        uuid.UUID(bad)
    except exc:
        pass
    else:
        raise SystemExit("UUID(%r) did not raise %s" % (bad, exc.__name__))

# Name-based UUIDs, to compare with Python's uuid module.
out = {
    "dns": str(uuid.NameSpaceDNS), "url": str(uuid.NameSpaceURL),
    "md5": str(uuid.NewMD5(uuid.NameSpaceDNS, b"python.org")),
    "sha1": str(uuid.NewSHA1(uuid.NameSpaceURL, b"https://go.dev")),
    "md5_plain": str(uuid.NewMD5(bytes(uuid.NameSpaceDNS), b"python.org")),
}

# NewHash takes a hash.Hash (the shipped gpic:std/hash, built with uuid): a Go one from the
# shipped crypto/sha1 and crypto/md5, or a Python object with its methods.
import hashlib
import hash as gohash
import md5
import sha1

h = sha1.New()
assert isinstance(h, gohash.Hash) and h.Size() == sha1.Size == 20 and h.BlockSize() == 64
assert h.Write(b"abc") == 3 and h.Sum(None) == hashlib.sha1(b"abc").digest()


class PyHash:
    """hash.Hash over hashlib: Go calls these methods."""

    def __init__(self, name):
        self.name, self.h = name, hashlib.new(name)

    def Write(self, p):
        self.h.update(p)
        return len(p)

    def Sum(self, b):
        return (b or b"") + self.h.digest()

    def Reset(self):
        self.h = hashlib.new(self.name)

    def Size(self):
        return self.h.digest_size

    def BlockSize(self):
        return self.h.block_size


# database/sql's driver.Value crosses as any: the UUID's string.
assert uuid.MustParse(S).Value() == S

out["hash_go_sha1"] = str(uuid.NewHash(sha1.New(), uuid.NameSpaceURL, b"https://go.dev", 5))
out["hash_go_md5"] = str(uuid.NewHash(md5.New(), uuid.NameSpaceDNS, b"python.org", 3))
out["hash_py_sha1"] = str(uuid.NewHash(PyHash("sha1"), uuid.NameSpaceURL, b"https://go.dev", 5))
try:
    uuid.NewHash(object(), uuid.NameSpaceURL, b"x", 5)
except TypeError as e:
    assert "Write" in str(e), e
else:
    raise SystemExit("NewHash took an object without hash.Hash's methods")

# Random UUIDs: version 4, RFC 4122, all different.
r = {uuid.New() for _ in range(100)} | {uuid.NewRandom() for _ in range(100)}
assert len(r) == 200 and all(x.Version() == 4 and x.Variant() == uuid.RFC4122 for x in r)
assert uuid.Parse(uuid.NewString()).Version() == 4

# Go's errors are raised as the package's Error with Go's message.
for call, arg, message in [(uuid.Parse, "nope", "invalid UUID length: 4"),
                           (uuid.Validate, "f47ac10b-58cc-4372-8567-0e02b2c3d47z", "invalid UUID format"),
                           (uuid.FromBytes, b"abc", "invalid UUID (got 3 bytes)")]:
    try:
        call(arg)
    except uuid.Error as e:
        assert str(e) == message, (str(e), message)
    else:
        raise SystemExit("%s(%r) did not raise" % (call.__name__, arg))
assert uuid.Validate(S) is None

# A struct with a UUID field: the field reads as a UUID, and takes bytes.
n = uuid.NullUUID(UUID=u, Valid=True)
assert type(n.UUID) is uuid.UUID and n.UUID == u and n.MarshalJSON() == b'"' + S.encode() + b'"'
n.UUID = bytes(16)
assert n.UUID == uuid.Nil and uuid.NullUUID().MarshalJSON() == b"null"

# Time of a version 1 UUID (RFC 4122's example is version 1).
t = uuid.Parse("c232ab00-9414-11ec-b3c8-9f6bdeced846").Time()
assert type(t) is uuid.Time and t.UnixTime() == (1645557742, 0)
print(json.dumps(out))
'''


@pytest.mark.parametrize("target, interpreter", TARGETS)
def test_uuid(build_cache, target, interpreter):
    out = build_cache(GPI, interpreter, target)
    r = run_python(interpreter, out, CHECK)
    assert r.returncode == 0, r.stdout + r.stderr
    got = __import__("json").loads(r.stdout.strip().splitlines()[-1])
    assert got["dns"] == str(py_uuid.NAMESPACE_DNS) and got["url"] == str(py_uuid.NAMESPACE_URL)
    assert got["md5"] == got["md5_plain"] == str(py_uuid.uuid3(py_uuid.NAMESPACE_DNS, "python.org"))
    assert got["sha1"] == str(py_uuid.uuid5(py_uuid.NAMESPACE_URL, "https://go.dev"))
    assert got["hash_go_sha1"] == got["hash_py_sha1"] == got["sha1"]
    assert got["hash_go_md5"] == got["md5"]
