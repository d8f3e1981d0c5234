"""XXH64 (seed 0) in pure Python: what the Sum64 workloads check each contender's answer against.

The Go side is gpicbench.Sum64 (bench/gopkg/bench.go); this is the same algorithm written out
again, so that a binding that hands Go the wrong bytes fails its check instead of looking fast.
Runs on CPython 3 and PyPy 3.9.
"""
import struct

_M = (1 << 64) - 1
P1 = 11400714785074694791
P2 = 14029467366897019727
P3 = 1609587929392839161
P4 = 9650029242287828579
P5 = 2870177450012600261


def _rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & _M


def _round(acc, lane):
    return (_rotl((acc + lane * P2) & _M, 31) * P1) & _M


def _merge(h, v):
    return ((h ^ _round(0, v)) * P1 + P4) & _M


def xxh64(data):
    b = bytes(data)
    n = len(b)
    pos = 0
    if n >= 32:
        v1, v2, v3, v4 = (P1 + P2) & _M, P2, 0, (-P1) & _M
        stripes = n // 32
        lanes = struct.unpack_from("<%dQ" % (stripes * 4), b)
        for i in range(0, stripes * 4, 4):
            v1 = _round(v1, lanes[i])
            v2 = _round(v2, lanes[i + 1])
            v3 = _round(v3, lanes[i + 2])
            v4 = _round(v4, lanes[i + 3])
        pos = stripes * 32
        h = (_rotl(v1, 1) + _rotl(v2, 7) + _rotl(v3, 12) + _rotl(v4, 18)) & _M
        for v in (v1, v2, v3, v4):
            h = _merge(h, v)
    else:
        h = P5
    h = (h + n) & _M
    while n - pos >= 8:
        h ^= _round(0, struct.unpack_from("<Q", b, pos)[0])
        h = (_rotl(h, 27) * P1 + P4) & _M
        pos += 8
    if n - pos >= 4:
        h ^= (struct.unpack_from("<I", b, pos)[0] * P1) & _M
        h = (_rotl(h, 23) * P2 + P3) & _M
        pos += 4
    while pos < n:
        h ^= (b[pos] * P5) & _M
        h = (_rotl(h, 11) * P1) & _M
        pos += 1
    h ^= h >> 33
    h = (h * P2) & _M
    h ^= h >> 29
    h = (h * P3) & _M
    h ^= h >> 32
    return h
