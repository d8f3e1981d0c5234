"""Behaviour of the scalar C ABI (tests/e2e/fixtures/basics), checked inside each interpreter."""

import math

import basics


def raises(exc_type, fn, *args, match=None):
    try:
        fn(*args)
    except exc_type as e:
        if match is not None and match not in str(e):
            raise AssertionError("%r does not mention %r" % (str(e), match))
        return e
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc_type.__name__))


def check_add():
    assert basics.Add(2, 3) == 5
    assert basics.Add(-(1 << 62), -(1 << 62)) == -(1 << 63)


def check_integer_limits_round_trip():
    cases = {
        basics.EchoInt8: (-128, 127), basics.EchoInt16: (-32768, 32767),
        basics.EchoInt32: (-(1 << 31), (1 << 31) - 1), basics.EchoInt64: (-(1 << 63), (1 << 63) - 1),
        basics.EchoInt: (-(1 << 63), (1 << 63) - 1), basics.EchoUint8: (0, 255),
        basics.EchoUint16: (0, 65535), basics.EchoUint32: (0, (1 << 32) - 1),
        basics.EchoUint64: (0, (1 << 64) - 1), basics.EchoUint: (0, (1 << 64) - 1),
        basics.EchoUintptr: (0, (1 << 64) - 1), basics.EchoByte: (0, 255),
        basics.EchoRune: (-(1 << 31), (1 << 31) - 1),
    }
    for fn, (lo, hi) in cases.items():
        assert fn(lo) == lo and fn(hi) == hi, fn.__name__
        assert type(fn(lo)) is int


def check_out_of_range_is_overflow_error_naming_the_parameter():
    e = raises(OverflowError, basics.EchoInt8, 128)
    assert "'v'" in str(e) and "int8" in str(e), str(e)
    raises(OverflowError, basics.EchoUint8, -1)
    raises(OverflowError, basics.EchoUint64, 1 << 64)
    raises(OverflowError, basics.EchoInt, 1 << 63)
    raises(OverflowError, basics.Add, 1, 1 << 70)


def check_wrong_type_is_type_error_naming_the_parameter():
    e = raises(TypeError, basics.Add, 1, "2")
    assert "'b'" in str(e) and "int" in str(e), str(e)
    e = raises(TypeError, basics.EchoString, 5)
    assert "'v'" in str(e) and "str" in str(e), str(e)
    raises(TypeError, basics.EchoString, None)
    raises(TypeError, basics.EchoFloat64, "1.0")
    raises(TypeError, basics.EchoBool, None)
    raises(TypeError, basics.EchoComplex128, "1+2j")
    raises(TypeError, basics.Add, 1.5, 2)


def check_wrong_arity_is_type_error():
    raises(TypeError, basics.Add, 1)
    raises(TypeError, basics.Add, 1, 2, 3)


def check_failure_sentinels_are_ordinary_results():
    # The cffi target marks a failed call by returning one rare value per type (and looks at
    # errno only then): a successful call that returns exactly that value must not raise.
    cases = {
        basics.EchoInt8: -113, basics.EchoUint8: 241, basics.EchoInt16: -32653,
        basics.EchoUint16: 65093, basics.EchoInt32: -1059947287, basics.EchoInt: -1059947287,
        basics.EchoInt64: -1059947287, basics.EchoUint32: 1059947287, basics.EchoUint: 1059947287,
        basics.EchoUint64: 1059947287, basics.EchoUintptr: 1059947287, basics.EchoRune: -1059947287,
        basics.EchoFloat64: -1.1754943508222875e-38, basics.EchoFloat32: -1.1754943508222875e-38,
    }
    for fn, v in cases.items():
        assert fn(v) == v, fn.__name__
    assert basics.EchoBool(False) is False
    basics.Nothing()
    assert basics.Len("") == 0


def check_floats_and_complex():
    assert basics.EchoFloat64(0.1) == 0.1
    assert basics.EchoFloat64(3) == 3.0
    assert math.isnan(basics.EchoFloat64(float("nan")))
    assert basics.EchoFloat64(float("inf")) == float("inf")
    assert basics.EchoFloat32(0.5) == 0.5
    assert abs(basics.EchoFloat32(0.1) - 0.1) < 1e-7
    assert basics.EchoComplex128(1 + 2j) == 1 + 2j
    assert basics.EchoComplex128(3) == 3 + 0j
    assert basics.EchoComplex64(0.5 - 1.5j) == 0.5 - 1.5j


def check_bool():
    assert basics.EchoBool(True) is True
    assert basics.EchoBool(False) is False


def check_strings_round_trip_unchanged():
    for s in ["", "gopher", "안녕하세요", "emoji \U0001F600", "nul\x00inside", "\x00", "a" * 100000,
              "surrogate-escaped \udcff bytes"]:
        assert basics.EchoString(s) == s, repr(s[:40])
    assert basics.Len("nul\x00inside") == 10
    assert basics.Len("안녕") == 6
    assert basics.Runes("안녕") == 2
    assert basics.Concat("Go", "파이썬") == "Go파이썬"


def check_multiple_results_are_tuples():
    assert basics.Divmod(17, 5) == (3, 2)
    assert basics.Cut("key=value", "=") == ("key", "value", True)
    assert basics.Cut("novalue", "=") == ("novalue", "", False)


def check_error_result_raises_package_error():
    assert basics.Parse("42") == 42
    e = raises(basics.Error, basics.Parse, "x42")
    assert isinstance(e, basics.GoError)
    assert 'parsing "x42"' in str(e), str(e)
    assert e.go_type == "*strconv.NumError", e.go_type
    assert basics.Check(1) is None
    e = raises(basics.Error, basics.Check, -1, match="check -1: negative value")
    assert e.go_type == "*fmt.wrapError", e.go_type


def check_panic_is_go_panic_and_process_survives():
    e = raises(basics.GoPanic, basics.Explode, "boom")
    assert str(e) == "boom"
    assert e.go_type == "string"
    assert "Explode" in e.go_stack, e.go_stack
    e = raises(basics.GoPanic, basics.Divmod, 1, 0, match="integer divide by zero")
    assert e.go_type == "runtime.boundsError" or "runtime" in e.go_type, e.go_type
    raises(basics.GoPanic, basics.ExplodeError, match="an error value")
    assert not issubclass(basics.GoPanic, basics.GoError)
    # The Go runtime is intact after panics: calls keep working.
    assert basics.Add(1, 1) == 2


def check_void_function_returns_none():
    assert basics.Nothing() is None


def check_constants():
    assert basics.MaxItems == 1024
    assert basics.Greeting == "안녕, gpic"
    assert basics.Pi == 3.14159
    assert basics.Enabled is True
    assert basics.Big == 1 << 63
    try:
        basics.MaxItems = 5
    except AttributeError:
        pass
    else:
        raise AssertionError("a constant was assigned")
    assert basics.MaxItems == 1024


def check_variables_read_and_write_go():
    assert basics.Verbose is False
    basics.Verbose = True
    assert basics.Verbose is True
    assert basics.Name == "gopher"
    basics.Name = "고퍼"
    assert basics.Name == "고퍼"
    assert basics.Count == 3
    basics.Count = 7
    assert basics.Count == 7
    basics.Ratio = 2
    assert basics.Ratio == 2.0
    try:
        basics.Count = "seven"
    except TypeError as e:
        assert "int" in str(e)
    else:
        raise AssertionError("a str was stored in an int variable")
    assert basics.Count == 7
    assert "Verbose" in dir(basics)


def check_docstrings():
    assert basics.__doc__.startswith("The scalar part of the C ABI")
    assert "두 정수를 더합니다" in basics.Add.__doc__
    assert "Adds two integers." in basics.Add.__doc__
    assert "func Add(a, b int) int" in basics.Add.__doc__ or "func Add(a int, b int) int" in basics.Add.__doc__
    assert basics.Add.__name__ == "Add" and basics.Add.__qualname__ == "Add"


def check_threads_call_concurrently():
    import threading
    errors = []

    def work():
        try:
            for i in range(2000):
                assert basics.Concat("a", str(i)) == "a" + str(i)
                try:
                    basics.Parse("bad")
                except basics.Error as e:
                    assert "bad" in str(e)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
