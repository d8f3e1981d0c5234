"""Go's any and embedded structs (tests/e2e/fixtures/dynamic), run under each interpreter and
target by runner.py."""

import array
import dynamic


def raises(exc, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc as e:
        return e
    raise AssertionError("%s did not raise %s" % (getattr(fn, "__name__", fn), exc.__name__))


# --- any: Python values cross as Go's natural dynamic values -------------------------------------

def check_any_round_trip():
    for v in [None, True, False, 0, -5, 2**63 - 1, -2**63, 2**64 - 1, 1.5, float("inf"), 1 + 2j, "", "héllo",
              b"", b"\x00\xff", [], [1, "a", None, [2.5]], {}, {"a": 1, "b": [True, {"c": None}]}]:
        got = dynamic.Echo(v)
        assert got == v and type(got) is type(v), (v, got)


def check_any_go_types():
    # What Go receives, by its own %T: an int is Go's int, a dict map[string]any, ...
    assert dynamic.Describe(None) == "<nil> <nil>"
    assert dynamic.Describe(True) == "bool true"
    assert dynamic.Describe(7) == "int 7"
    assert dynamic.Describe(2**63) == "uint64 9223372036854775808"
    assert dynamic.Describe(0.5) == "float64 0.5"
    assert dynamic.Describe(1j) == "complex128 (0+1i)"
    assert dynamic.Describe("s") == "string s"
    assert dynamic.Describe(b"ab") == "[]uint8 [97 98]"
    assert dynamic.Describe(bytearray(b"a")) == "[]uint8 [97]"
    assert dynamic.Describe([1, "x"]) == "[]interface {} [1 x]"
    assert dynamic.Describe((1, 2)) == "[]interface {} [1 2]"
    assert dynamic.Describe({"k": 1}) == "map[string]interface {} map[k:1]"


def check_any_tuple_becomes_list():
    assert dynamic.Echo((1, (2, 3))) == [1, [2, 3]]


def check_any_go_values():
    n = dynamic.Natural()
    assert n["int8"] == -3 and type(n["int8"]) is int
    assert n["uint64"] == 2**64 - 1
    assert n["float32"] == 1.5 and type(n["float32"]) is float
    assert n["celsius"] == 21.5 and type(n["celsius"]) is float
    assert n["string"] == "s"
    assert n["bytes"] == b"b" and type(n["bytes"]) is bytes
    assert n["strings"] == ["a", "b"]
    assert n["ints"] == [1, 2]
    assert n["array"] == [True, False]
    assert n["intmap"] == {1: "x"}
    assert n["complex"] == 1 + 2j
    assert n["nilptr"] is None and n["nil"] is None
    assert n["nested"] == [{"k": [1, "two", None]}]
    # A bound struct inside an any is an object of its class, pointer or value.
    p = n["point"]
    assert isinstance(p, dynamic.Point) and (p.X, p.Y) == (1.0, 2.0) and p.Sum() == 3.0
    q = n["pointval"]
    assert isinstance(q, dynamic.Point) and q.Sum() == 7.0


def check_any_map_keys_sorted():
    # A Go map inside an any comes back with its string keys in order (Go's own order is random).
    for _ in range(5):
        assert list(dynamic.Echo({"b": 1, "c": 2, "a": 3, "d": 4})) == ["a", "b", "c", "d"]


def check_any_opaque_go_value():
    s = dynamic.NewSecret(42)
    assert type(s).__name__ == "GoValue" and not isinstance(s, dynamic.Point)
    assert s.go_type == "*dynamic.secret"
    assert repr(s) == "<Go value of type *dynamic.secret>"
    # Handed back, Go gets the very value it made.
    assert dynamic.Reveal(s) == 42
    assert dynamic.Echo(s) == s
    e = raises(dynamic.Error, dynamic.Reveal, 5)
    assert "not a secret: int" in str(e)


def check_any_bound_object_to_go():
    p = dynamic.Point(X=1, Y=2)
    assert dynamic.IsPoint(p) is True
    assert dynamic.IsPoint({"X": 1}) is False
    back = dynamic.Echo(p)
    assert isinstance(back, dynamic.Point) and back == p


def check_any_in_containers():
    assert dynamic.Total([1, 2.5, True and 3]) == 6.5
    e = raises(dynamic.Error, dynamic.Total, [1, "x"])
    assert "not a number: string" in str(e)
    assert dynamic.Keys({"b": None, "a": [1]}) == ["a", "b"]


def check_any_fields_and_vars():
    b = dynamic.Box(Value={"x": [1, 2]}, Items=[1, "two", None])
    assert b.Value == {"x": [1, 2]}
    assert b.Items == [1, "two", None]
    b.Value = 3.25
    assert b.Value == 3.25
    assert dynamic.Box().Value is None
    dynamic.Last = ["kept", 1]
    assert dynamic.Last == ["kept", 1]
    dynamic.Last = None
    assert dynamic.Last is None


def check_any_callbacks_and_interfaces():
    assert dynamic.Apply(lambda v: [v, v], {"a": 1}) == [{"a": 1}, {"a": 1}]
    assert dynamic.Apply(lambda v: None, 1) is None

    class V:
        def Value(self):
            return {"from": "python"}

    assert dynamic.Fetch(V()) == {"from": "python"}


def check_any_value_implementing_declared_interface():
    # A Go value of a type the .gpi does not declare, implementing an interface it does: an
    # object of the interface's class, whose methods Go runs on the value.
    v = dynamic.NewValuer()
    assert isinstance(v, dynamic.Valuer), type(v)
    assert v.Value() == 1 and v.Value() == 2
    assert dynamic.Fetch(v) == 3
    assert dynamic.Echo(v) == v


def check_any_bad_values():
    e = raises(TypeError, dynamic.Echo, {1, 2})
    assert "Go any" in str(e) and "set" in str(e)
    e = raises(TypeError, dynamic.Echo, object())
    assert "object" in str(e)
    raises(TypeError, dynamic.Echo, {1: "int key"})
    raises(OverflowError, dynamic.Echo, 2**64)
    raises(OverflowError, dynamic.Echo, -2**63 - 1)
    e = raises(TypeError, dynamic.Echo, [1, object()])
    assert "element 1" in str(e)
    deep = []
    for _ in range(200):
        deep = [deep]
    raises(ValueError, dynamic.Echo, deep)
    loop = []
    loop.append(loop)
    raises(ValueError, dynamic.Echo, loop)
    # A Go value that contains itself: a Go panic, not a crash.
    raises(dynamic.GoPanic, dynamic.Cycle)
    assert dynamic.Echo("still fine") == "still fine"


def check_any_handles_released():
    dynamic.collect()
    before = dynamic.handle_count()
    for _ in range(50):
        dynamic.Reveal(dynamic.NewSecret(1))
        dynamic.Natural()
    dynamic.collect()
    assert dynamic.handle_count() <= before + 2, (before, dynamic.handle_count())


# --- embedded structs: promoted fields and methods -----------------------------------------------

def check_promoted_fields():
    t = dynamic.NewTop()
    assert t.Name == "top"                 # Top's own Name hides Base.Name
    assert t.ID == 7 and t.Level == 1       # promoted through *Mid and Mid.Base
    assert t.Base.Name == "base"            # the embedded field itself, promoted from Mid
    assert t.Mid.Base.ID == 7
    t.ID = 9                                # written through, as Go's t.ID = 9
    assert t.Mid.Base.ID == 9 and t.Base.ID == 9
    t.Level = 4
    assert t.Mid.Level == 4


def check_promoted_methods():
    t = dynamic.NewTop()
    assert t.Describe() == "7:base"         # (*Base).Describe through *Mid and Base
    assert t.Tag() == "base"                # a value-receiver method
    assert t.Up() == 2 and t.Level == 2     # (*Mid).Up changes the embedded Mid
    m = dynamic.Mid(Base=dynamic.Base(ID=3, Name="m"), Level=0)
    assert m.ID == 3 and m.Name == "m" and m.Describe() == "3:m"


def check_promoted_constructor_takes_own_fields():
    m = dynamic.Mid(Level=5)
    assert m.Level == 5 and m.ID == 0
    raises(TypeError, dynamic.Mid, ID=1)
    m.ID = 2
    assert m.Base.ID == 2


def check_ambiguous_not_promoted():
    ab = dynamic.AB(A=dynamic.A(V=1), B=dynamic.B(V=2, W=3))
    assert ab.W == 3
    assert not hasattr(ab, "V")
    assert ab.A.V == 1 and ab.B.V == 2


def check_nil_embedded_pointer_panics():
    t = dynamic.Top(Name="no mid")
    assert t.Name == "no mid" and t.Mid is None
    raises(dynamic.GoPanic, lambda: t.ID)
    raises(dynamic.GoPanic, t.Describe)
