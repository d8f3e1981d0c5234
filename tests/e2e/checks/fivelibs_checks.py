"""The shapes of five real libraries' APIs (tests/e2e/fixtures/fivelibs): sentinel errors,
named scalar types with methods, []error results, partial interfaces and conversion messages,
checked inside each interpreter and target."""

import enum

import fivelibs


def raises(exc_type, fn, *args, match=None):
    try:
        fn(*args)
    except exc_type as e:
        if match is not None and match not in str(e):
            raise AssertionError("%r does not mention %r" % (str(e), match))
        return e
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc_type.__name__))


# --- Sentinel errors ----------------------------------------------------------------------------

def check_sentinels_are_exception_classes_of_the_package():
    for name in ("ErrMagicMismatch", "ErrInvalidSemVer", "ErrEmpty"):
        cls = getattr(fivelibs, name)
        assert isinstance(cls, type) and issubclass(cls, fivelibs.Error), name
        assert issubclass(cls, fivelibs.GoError), name
        assert cls.__name__ == name and cls.__module__ == "fivelibs", (cls.__name__, cls.__module__)
        assert name in fivelibs.__all__, name
    assert "magic number" in fivelibs.ErrMagicMismatch.__doc__


def check_a_sentinel_returned_as_is_raises_its_class():
    e = raises(fivelibs.ErrEmpty, fivelibs.Decode, "")
    assert str(e) == "empty input", str(e)
    assert e.go_type == "*errors.errorString", e.go_type
    e = raises(fivelibs.ErrMagicMismatch, fivelibs.Decode, "XX")
    assert type(e) is fivelibs.ErrMagicMismatch


def check_a_wrapped_sentinel_raises_its_class_with_the_wrapping_message():
    e = raises(fivelibs.ErrMagicMismatch, fivelibs.Decode, "wrap:1")
    assert str(e) == 'decoding "wrap:1": invalid input: magic number mismatch', str(e)
    assert e.go_type == "*fmt.wrapError", e.go_type
    e = raises(fivelibs.ErrMagicMismatch, fivelibs.Decode, "deep:1")
    assert str(e) == "stream: frame 1: invalid input: magic number mismatch", str(e)
    # An error-only function (the status alone) reports the sentinel too.
    e = raises(fivelibs.ErrInvalidSemVer, fivelibs.Check, "1.0")
    assert str(e) == '"1.0": invalid semantic version', str(e)
    assert fivelibs.Check("v1.0") is None


def check_the_first_declared_sentinel_wins():
    # errors.Join(ErrInvalidSemVer, ErrMagicMismatch) is both; the .gpi declares
    # ErrMagicMismatch first.
    e = raises(fivelibs.Error, fivelibs.Decode, "both:")
    assert type(e) is fivelibs.ErrMagicMismatch, type(e)


def check_other_errors_stay_the_package_error():
    e = raises(fivelibs.Error, fivelibs.Decode, "plain")
    assert type(e) is fivelibs.Error, type(e)
    assert str(e) == "some other failure" and e.go_type == "*errors.errorString"


def check_old_code_catching_error_still_catches_sentinels():
    try:
        fivelibs.Decode("")
    except fivelibs.Error as e:
        assert isinstance(e, fivelibs.ErrEmpty)
    else:
        raise AssertionError("no error")
    assert fivelibs.Decode("ZSabc") == "abc"


# --- []error and map[K]error ------------------------------------------------------------------

def check_a_slice_of_errors_is_a_list_of_exceptions():
    c = fivelibs.NewConstraints(3)
    ok, errs = c.Validate([1, 5, 2])
    assert ok is False
    assert isinstance(errs, list) and len(errs) == 2, errs
    assert all(type(e) is fivelibs.ErrInvalidSemVer for e in errs), errs
    assert str(errs[0]) == "1 is less than 3: invalid semantic version", str(errs[0])
    assert errs[1].go_type == "*fmt.wrapError"
    assert c.Validate([4]) == (True, [])


def check_a_map_of_errors_holds_exceptions_and_none():
    got = fivelibs.Problems(["Good", "bad", ""])
    assert got["Good"] is None, got
    assert type(got["bad"]) is fivelibs.Error and str(got["bad"]) == "not capitalised: bad"
    assert type(got[""]) is fivelibs.ErrEmpty


# --- Named scalar types with methods -----------------------------------------------------------

def check_a_named_int_with_methods_is_an_int_enum():
    assert issubclass(fivelibs.Form, enum.IntEnum)
    assert fivelibs.Form(0) == fivelibs.Form(0) == fivelibs.NFC == 0
    assert fivelibs.Form(1) is fivelibs.NFD
    assert [m.name for m in fivelibs.Form] == ["NFC", "NFD", "NFKC", "NFKD"]
    form = fivelibs.Default()
    assert form is fivelibs.NFD and form == fivelibs.NFD
    assert fivelibs.Describe(fivelibs.NFKC) == "form 2"
    assert hash(fivelibs.NFC) == hash(0)


def check_methods_of_a_named_int_run_in_go_on_the_value():
    assert fivelibs.NFC.String("abc") == "ABC"
    assert fivelibs.NFD.String("ABC") == "abc"
    assert fivelibs.NFKD.String("x") == "3:x"
    assert fivelibs.NFC.Bytes(b"ab") == b"AB"
    assert fivelibs.NFC.IsNormalString("AB") is True
    assert fivelibs.NFC.IsNormalString("ab") is False
    # String(s string) is no Stringer: str() stays the enum's own (it needs no argument).
    assert str(fivelibs.NFC) in ("0", "Form.NFC"), str(fivelibs.NFC)


def check_a_stringer_named_int_gives_str():
    assert str(fivelibs.Fastest) == "fastest" and str(fivelibs.Better) == "better"
    assert fivelibs.Fastest.Next() == 2
    # 4 and 2 are no constants: unnamed Levels all the same, with Go's String() (issue 11).
    assert fivelibs.Better.Next() == 4 and type(fivelibs.Better.Next()) is fivelibs.Level
    assert str(fivelibs.Better.Next()) == "level(4)"
    assert fivelibs.Fastest.Next().__class__ is fivelibs.Level
    nxt = fivelibs.Level(1).Next()
    assert nxt == 2


def check_a_method_argument_error_names_the_method():
    e = raises(TypeError, fivelibs.NFC.String, 5)
    assert "Form.String() argument 's'" in str(e), str(e)


# --- Strings Go cannot carry ---------------------------------------------------------------------

def check_a_lone_surrogate_is_a_value_error_naming_the_parameter():
    e = raises(ValueError, fivelibs.Decode, "\ud800")
    assert "Decode() argument 'data'" in str(e) and "surrogate" in str(e), str(e)
    e = raises(ValueError, fivelibs.Problems, ["ok", "a\udbffb"])
    assert "Problems() argument 'words'" in str(e) and "element 1" in str(e), str(e)
    # surrogateescape's own range is raw bytes, and still crosses.
    assert fivelibs.Decode("ZS\udcff") == "\udcff"


# --- Interfaces declared with some of their methods -----------------------------------------------

def check_a_partial_interface_binds_the_real_go_type():
    c = fivelibs.DefaultCodec()
    assert c.Name() == "upper"
    assert c.Encode(b"abc") == b"ABC"
    assert fivelibs.CodecName(c) == "codec upper"


def check_a_python_object_cannot_be_a_partial_interface():
    class Mine:
        def Name(self):
            return "mine"

        def Encode(self, src):
            return src

    e = raises(TypeError, fivelibs.CodecName, Mine())
    assert "CodecName() argument 'c'" in str(e) and "only some of its methods" in str(e), str(e)


# --- Conversion messages -------------------------------------------------------------------------

def check_a_setter_error_reads_as_an_assignment():
    h = fivelibs.Header()
    try:
        h.WindowSize = "big"
    except TypeError as e:
        assert "cannot set Header.WindowSize: value must be" in str(e), str(e)
        assert "()" not in str(e), str(e)
    else:
        raise AssertionError("no error")
    try:
        h.WindowSize = -1
    except OverflowError as e:
        assert "cannot set Header.WindowSize" in str(e), str(e)
    else:
        raise AssertionError("no error")


def check_a_go_object_of_the_wrong_type_names_the_function():
    e = raises(TypeError, fivelibs.MinOf, fivelibs.Header())
    assert "MinOf() argument 'c' must be *fivelibs.Constraints, not *fivelibs.Header" in str(e), str(e)
    assert fivelibs.MinOf(fivelibs.NewConstraints(7)) == 7


# --- Opaque func types (functional options) ------------------------------------------------------

def check_functional_options_are_go_values_passed_back():
    opt = fivelibs.WithEncoderLevel(fivelibs.Better)
    assert isinstance(opt, fivelibs.EOption), type(opt)
    e = fivelibs.NewWriter(opt, fivelibs.WithEncoderConcurrency(4))
    assert e.Level() is fivelibs.Better and e.Concurrency() == 4
    default = fivelibs.NewWriter()
    assert default.Level() is fivelibs.Fastest and default.Concurrency() == 1
    # The option's own error comes back through NewWriter, as the sentinel it wraps.
    err = raises(fivelibs.ErrEmpty, fivelibs.NewWriter, fivelibs.WithEncoderLevel(0))
    assert str(err) == "level 0: empty input", str(err)


def check_an_opaque_func_type_cannot_be_made_or_called_in_python():
    raises(TypeError, fivelibs.EOption)
    opt = fivelibs.WithEncoderLevel(fivelibs.Fastest)
    raises(TypeError, opt)
    e = raises(TypeError, fivelibs.NewWriter, lambda o: None)
    assert "NewWriter() argument 'opts'" in str(e), str(e)
