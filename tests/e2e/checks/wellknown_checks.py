"""The standard library's well-known types (issue 11 §2) on tests/e2e/fixtures/wellknown, inside
each interpreter: time.Time <-> aware datetime, time.Duration <-> timedelta, *big.Int <-> int,
Python streams as io.Reader and io.Writer, and context.Context parameters with a timeout."""

import datetime
import io
import socket
import threading
import time

import wellknown

UTC = datetime.timezone.utc


def raises(exc, fn, *args):
    try:
        fn(*args)
    except exc as e:
        return str(e)
    raise AssertionError("%s%r did not raise %s" % (fn.__name__, args, exc.__name__))


# --- time.Time -------------------------------------------------------------------------------

def check_time_result_is_aware_utc_datetime():
    t = wellknown.Unix(1700000000, 123456789)
    assert t == datetime.datetime(2023, 11, 14, 22, 13, 20, 123456, tzinfo=UTC), t
    assert t.tzinfo is UTC


def check_time_nanoseconds_are_floored_to_microseconds():
    assert wellknown.Unix(0, 999).microsecond == 0
    assert wellknown.Unix(-1, 1999).microsecond == 1  # before 1970 too: floor, not toward zero
    assert wellknown.Unix(-1, 1999).second == 59


def check_time_argument_keeps_microseconds_exactly():
    t = datetime.datetime(2001, 2, 3, 4, 5, 6, 789012, tzinfo=UTC)
    assert wellknown.UnixNano(t) == 981173106789012000
    assert wellknown.Format(t) == "2001-02-03T04:05:06.789012Z"


def check_time_zone_crosses_both_ways():
    t = datetime.datetime(2020, 6, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9), "KST"))
    assert wellknown.Zone(t) == ("KST", 9 * 3600)
    assert wellknown.Format(t) == "2020-06-01T12:00:00+09:00"
    back = wellknown.InZone(t, "CET", 3600)
    assert back == t  # the same instant
    assert back.utcoffset() == datetime.timedelta(hours=1) and back.tzname() == "CET"
    assert back.hour == 4


def check_time_round_trips():
    t = datetime.datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert wellknown.Add(t, datetime.timedelta(0)) == t
    early = datetime.datetime(1, 1, 1, tzinfo=UTC)
    assert wellknown.Add(early, datetime.timedelta(0)) == early


def check_naive_datetime_is_refused():
    msg = raises(ValueError, wellknown.UnixNano, datetime.datetime(2020, 1, 1))
    assert "timezone-aware" in msg, msg


def check_time_wrong_type_is_type_error():
    msg = raises(TypeError, wellknown.UnixNano, 5)
    assert "datetime.datetime (Go time.Time)" in msg and "int" in msg, msg


def check_time_in_containers():
    days = wellknown.Days(3)
    assert days == [datetime.datetime(2024, 1, d, 12, tzinfo=UTC) for d in (1, 2, 3)], days


# --- time.Duration ---------------------------------------------------------------------------

def check_duration_crosses_as_timedelta():
    a = datetime.datetime(2024, 1, 1, tzinfo=UTC)
    b = a + datetime.timedelta(days=2, microseconds=5)
    assert wellknown.Between(a, b) == datetime.timedelta(days=2, microseconds=5)
    assert wellknown.Nanoseconds(datetime.timedelta(seconds=1, microseconds=1)) == 1000001000
    assert wellknown.Nanoseconds(datetime.timedelta(microseconds=-1)) == -1000


def check_duration_is_floored_to_microseconds():
    assert wellknown.FromNanoseconds(1999) == datetime.timedelta(microseconds=1)
    assert wellknown.FromNanoseconds(-1) == datetime.timedelta(microseconds=-1)


def check_duration_out_of_range_is_overflow_error():
    msg = raises(OverflowError, wellknown.Nanoseconds, datetime.timedelta(days=300 * 366))
    assert "time.Duration" in msg, msg
    raises(TypeError, wellknown.Nanoseconds, 1.5)


def check_duration_in_map():
    assert wellknown.Total({"a": datetime.timedelta(seconds=1), "b": datetime.timedelta(milliseconds=5)}) == \
        datetime.timedelta(seconds=1, milliseconds=5)


def check_struct_fields_of_well_known_types():
    at = datetime.datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    e = wellknown.Event(Name="launch", At=at, Took=datetime.timedelta(minutes=90), Size=2 ** 100)
    assert e.At == at and e.Took == datetime.timedelta(minutes=90) and e.Size == 2 ** 100
    assert e.Ends() == at + datetime.timedelta(minutes=90)
    e.Size = None
    assert e.Size is None
    e.Took = datetime.timedelta(seconds=1)
    assert e.Ends() == at + datetime.timedelta(seconds=1)


# --- *big.Int --------------------------------------------------------------------------------

def check_big_int_crosses_as_int():
    f = wellknown.Factorial(30)
    assert f == 265252859812191058636308480000000, f
    assert type(f) is int
    assert wellknown.Mul(-(2 ** 200), 3) == -3 * 2 ** 200
    assert wellknown.Mul(0, 5) == 0
    assert wellknown.BigString(-(10 ** 40)) == "-1" + "0" * 40


def check_big_int_none_is_nil():
    assert wellknown.Mul(None, 5) is None
    assert wellknown.BigString(None) == "<nil>"


def check_big_int_wrong_type():
    msg = raises(TypeError, wellknown.BigString, 1.5)
    assert "Go *big.Int" in msg, msg


# --- io.Reader / io.Writer --------------------------------------------------------------------

def check_bytesio_is_a_reader():
    assert wellknown.Upper(io.BytesIO(b"hello, go")) == "HELLO, GO"


def check_file_objects_are_readers_and_writers(tmp=None):
    import os
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "src")
        with open(src, "wb") as f:
            f.write(b"x" * 100000)
        with open(src, "rb") as r, open(os.path.join(d, "dst"), "wb") as w:
            assert wellknown.Copy(w, r) == 100000
        with open(os.path.join(d, "dst"), "rb") as f:
            assert f.read() == b"x" * 100000


def check_writer_gets_each_write():
    out = io.BytesIO()
    assert wellknown.WriteLines(out, ["a", "bc"]) is None
    assert out.getvalue() == b"a\nbc\n"


def check_reader_is_streamed_not_slurped():
    class Lines:
        def __init__(self):
            self.asked = 0

        def read(self, n):
            self.asked += 1
            if self.asked > 3:
                raise AssertionError("read past the first line")
            return b"first line\nsecond" if self.asked == 1 else b"..."

    s = Lines()
    assert wellknown.FirstLine(s) == "first line"
    assert s.asked == 1


def check_reader_exception_is_go_error():
    class Broken:
        def read(self, n):
            raise OSError("disk on fire")

    msg = raises(wellknown.Error, wellknown.Upper, Broken())
    assert "disk on fire" in msg, msg


def check_socket_is_reader_and_writer():
    a, b = socket.socketpair()
    try:
        def feed():
            b.sendall(b"over the socket")
            b.shutdown(socket.SHUT_WR)

        t = threading.Thread(target=feed)
        t.start()
        assert wellknown.Upper(a) == "OVER THE SOCKET"
        t.join()
        assert wellknown.WriteLines(a, ["back"]) is None
        assert b.recv(100) == b"back\n"
    finally:
        a.close()
        b.close()


def check_none_reader_is_nil():
    assert wellknown.IsNilReader(None) is True
    assert wellknown.IsNilReader(io.BytesIO()) is False


def check_non_stream_is_type_error():
    msg = raises(TypeError, wellknown.Upper, b"bytes are no stream")
    assert "Go io.Reader" in msg, msg
    msg = raises(TypeError, wellknown.WriteLines, 5, [])
    assert "Go io.Writer" in msg, msg


# --- context.Context --------------------------------------------------------------------------

def check_context_none_has_no_deadline():
    assert wellknown.HasDeadline(None) == (False, datetime.timedelta(0))
    assert wellknown.Wait(None, datetime.timedelta(milliseconds=1)) is None


def check_context_timeout_in_seconds_or_timedelta():
    ok, left = wellknown.HasDeadline(30)
    assert ok and datetime.timedelta(seconds=29) < left <= datetime.timedelta(seconds=30), left
    ok, left = wellknown.HasDeadline(datetime.timedelta(minutes=1))
    assert ok and datetime.timedelta(seconds=59) < left <= datetime.timedelta(seconds=60), left


def check_context_timeout_cancels_the_call():
    start = time.monotonic()
    msg = raises(wellknown.Error, wellknown.Wait, 0.05, datetime.timedelta(seconds=30))
    assert "deadline exceeded" in msg, msg
    assert time.monotonic() - start < 5


def check_context_bad_timeout():
    raises(ValueError, wellknown.Wait, -1, datetime.timedelta(0))
    raises(TypeError, wellknown.Wait, "soon", datetime.timedelta(0))


# --- typed time.Duration constants ---------------------------------------------------------------

def check_duration_constants_are_timedeltas():
    assert wellknown.Day == datetime.timedelta(days=1), wellknown.Day
    assert wellknown.Week == datetime.timedelta(weeks=1)
    assert wellknown.Tick == datetime.timedelta(microseconds=1500)
    assert type(wellknown.Day) is datetime.timedelta
    assert wellknown.Nanoseconds(wellknown.Week) == 7 * 24 * 3600 * 10**9


# --- *big.Float <-> decimal.Decimal ---------------------------------------------------------------

def check_big_float_result_is_decimal_of_go_text():
    from decimal import Decimal
    d = wellknown.FloatOf(10.11)
    assert type(d) is Decimal and d == Decimal("10.11"), d  # Go's shortest text at 53 bits
    third = wellknown.Third(200)
    assert third == Decimal(wellknown.FloatText(third)[0]), third
    assert len(third.as_tuple().digits) > 55  # 200 bits of 1/3, not a float's 17 digits
    assert wellknown.HalfOf(None) is None
    assert wellknown.FloatText(None) == ("<nil>", 0)


def check_big_float_argument_is_exact():
    from decimal import Decimal
    # A Decimal reaches Go with the precision its digits need, and comes back the same.
    many = Decimal("12345678901234567890.123456789012345678901")
    text, prec = wellknown.FloatText(many)
    assert Decimal(text) == many and prec > 64, (text, prec)
    import decimal
    with decimal.localcontext() as ctx:
        ctx.prec = 100
        assert wellknown.HalfOf(many) == many / 2
    assert wellknown.HalfOf(Decimal("0.1")) == Decimal("0.05")
    assert wellknown.FloatText(Decimal("-0")) == ("-0", 64)
    # A float at 53 bits, exactly (as big.NewFloat); an int at its bit length.
    assert wellknown.FloatText(0.1) == ("0.1", 53)
    text, prec = wellknown.FloatText(2**100 + 1)
    assert Decimal(text) == 2**100 + 1 and prec == 101, (text, prec)
    assert wellknown.FloatText(Decimal("Infinity")) == ("+Inf", 64)
    assert wellknown.FloatText(float("-inf"))[0] == "-Inf"
    assert wellknown.HalfOf(Decimal("-Infinity")) == Decimal("-Infinity")


def check_big_float_bad_values_raise():
    from decimal import Decimal
    assert "NaN" in raises(ValueError, wellknown.FloatText, Decimal("NaN"))
    assert "NaN" in raises(ValueError, wellknown.FloatText, float("nan"))
    assert "decimal.Decimal, int or float (Go *big.Float), not str" in raises(TypeError, wellknown.FloatText, "1.5")
    raises(TypeError, wellknown.FloatText, True)


# --- Go streams returned to Python -----------------------------------------------------------------

def check_go_reader_is_a_readable_file_object_read_in_chunks():
    r = wellknown.Endless()
    assert isinstance(r, io.RawIOBase) and r.readable() and not r.writable()
    before = wellknown.EndlessReads()
    assert r.read(5) == b"abcde"
    buf = bytearray(30)
    assert r.readinto(buf) == 30 and bytes(buf[:3]) == b"abc"
    # Each read is one Go Read of what Python asked for: an endless reader is never slurped.
    assert wellknown.EndlessReads() - before == 2
    r.close()
    assert r.closed
    assert "closed" in raises(ValueError, r.read, 1)


def check_go_reader_iterates_lines_and_reads_to_the_end():
    assert list(wellknown.Text("one\ntwo\nthree")) == [b"one\n", b"two\n", b"three"]
    r = wellknown.Text("x" * 100000)
    assert r.read() == b"x" * 100000
    assert r.read(10) == b""  # at the end
    assert io.BufferedReader(wellknown.Text("a\nb\n")).readlines() == [b"a\n", b"b\n"]
    with wellknown.Text("ctx") as r:
        assert r.read() == b"ctx"
    assert r.closed
    assert wellknown.NilReader() is None


def check_go_read_closer_close_calls_go_close_once():
    before = wellknown.Closes()
    r = wellknown.Open("hello")
    assert r.read() == b"hello"
    r.close()
    r.close()
    assert wellknown.Closes() - before == 1
    # Dropping an unclosed one closes it, as Python's own files do.
    r = wellknown.Open("dropped")
    del r
    import gc
    gc.collect()
    assert wellknown.Closes() - before == 2
    # An io.Reader's Close is not Python's to call.
    r = wellknown.Text("x")
    r.close()
    assert wellknown.Closes() - before == 2


def check_go_reader_error_comes_after_its_data():
    r = wellknown.Failing("partial")
    assert r.read(100) == b"partial"
    assert "disk on fire" in raises(wellknown.Error, r.read, 100)


def check_go_writer_is_a_writable_file_object():
    w = wellknown.Collect()
    assert w.writable() and not w.readable()
    start = len(wellknown.Collected())
    assert w.write(b"hello ") == 6
    w.write(bytearray(b"world"))
    w.write(memoryview(b"!!"))
    assert wellknown.Collected()[start:] == "hello world!!"
    assert "not an io.Reader" in raises(io.UnsupportedOperation, w.read, 1)
    raises(TypeError, w.write, "text")
    w.close()
    assert wellknown.Collected()[start:] == "hello world!!<closed>"


def check_go_writer_flush_calls_go_flush():
    w = wellknown.Buffered()
    start = len(wellknown.Collected())
    w.write(b"buffered")
    assert wellknown.Collected()[start:] == ""  # still in Go's bufio.Writer
    w.flush()
    assert wellknown.Collected()[start:] == "buffered"
    w.write(b" and closed")
    w.close()  # flushes first, as Python's files do; a bufio.Writer has no Close
    assert wellknown.Collected()[start:] == "buffered and closed"


def check_go_stream_as_a_field_and_back_to_go():
    m = wellknown.NewMessage("hi", "the body")
    body = m.Body
    assert body.read(3) == b"the"
    # Handed back to Go, a Go stream is the Go value itself (no Python in between).
    assert wellknown.IsStringsReader(wellknown.Text("x"))
    assert wellknown.Upper(body) == " BODY"
    assert not wellknown.IsStringsReader(io.BytesIO(b"x"))
    m.Body = io.BytesIO(b"python bytes")
    assert wellknown.ReadBody(m) == "python bytes"
    m.Body = None
    assert m.Body is None
    # Written by Python into a Go writer through Go: Copy(dst Go writer, src Go reader).
    w = wellknown.Collect()
    start = len(wellknown.Collected())
    assert wellknown.Copy(w, wellknown.Text("piped")) == 5
    assert wellknown.Collected()[start:] == "piped"
    w.close()


def check_go_stream_used_after_close_raises():
    r = wellknown.Text("abc")
    r.close()
    assert "closed" in raises(ValueError, wellknown.Upper, r)
