"""Named slice, array and map types (issue 11 §1), on tests/e2e/fixtures/named inside each
interpreter: each is a class over its values' Python type whose constructor checks a value as
Go checks the underlying type, and whose instances are what Go returns; and str() of an
interface value whose Go type has String() is that String() on every target."""

import array

import named


def raises(exc, fn, *args):
    try:
        fn(*args)
    except exc as e:
        return str(e)
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc.__name__))


def check_classes_subclass_the_python_type_of_their_values():
    assert issubclass(named.ID, bytes) and issubclass(named.SliceUint8, bytes)
    assert issubclass(named.SliceInt16, array.array) and issubclass(named.Floats, array.array)
    assert issubclass(named.Pair, array.array)
    assert issubclass(named.Names, list) and issubclass(named.Grid, list) and issubclass(named.IDs, list)
    assert issubclass(named.Counts, dict) and issubclass(named.ByID, dict)


def check_results_are_instances():
    i = named.MakeID("ab")
    assert type(i) is named.ID and i == b"ab\x00\x00"
    assert hash(i) == hash(b"ab\x00\x00")
    b = named.Bytes(3)
    assert type(b) is named.SliceUint8 and b == b"\x00\x00\x00"
    h = named.Halves(3)
    assert type(h) is named.Floats and h.tolist() == [0.0, 0.5, 1.0] and h.typecode == "d"
    p = named.Swap([1, 2])
    assert type(p) is named.Pair and p.tolist() == [2, 1]
    u = named.Upper(["a", "b"])
    assert type(u) is named.Names and u == ["A", "B"]
    two = named.Two()
    assert type(two) is named.IDs and [type(x) for x in two] == [named.ID, named.ID]
    assert two == [b"ab\x00\x00", b"cd\x00\x00"]
    c = named.Count(["x", "y", "x"])
    assert type(c) is named.Counts and c == {"x": 2, "y": 1}
    idx = named.Index(two)
    assert type(idx) is named.ByID and idx == {b"ab\x00\x00": ["ab"], b"cd\x00\x00": ["cd"]}
    assert all(type(k) is named.ID and type(v) is named.Names for k, v in idx.items())


def check_constructors_check_like_go():
    assert named.ID(b"abcd") == b"abcd" and type(named.ID(b"abcd")) is named.ID
    assert named.ID() == bytes(4) and named.ID([1, 2, 3, 4]) == b"\x01\x02\x03\x04"
    assert "needs 4" in raises(ValueError, named.ID, b"abc")
    assert "out of range" in raises(OverflowError, named.SliceUint8, [256])
    assert named.SliceUint8([1, 255]) == b"\x01\xff"
    assert "out of range" in raises(OverflowError, named.SliceInt16, [1 << 15])
    assert "int16" in raises(TypeError, named.SliceInt16, ["x"])
    assert named.SliceInt16([-1, 2]).tolist() == [-1, 2] and named.SliceInt16().tolist() == []
    assert named.Pair().tolist() == [0, 0]
    assert "needs 2" in raises(ValueError, named.Pair, [1, 2, 3])
    assert "str" in raises(TypeError, named.Names, [1])
    assert "must be a sequence" in raises(TypeError, named.Names, "ab")
    assert named.Names(iter(["a", "b"])) == ["a", "b"] and named.Names() == []
    assert named.Grid([[1, 2, 3], [4, 5, 6]]) == [[1, 2, 3], [4, 5, 6]]
    assert "needs 3" in raises(ValueError, named.Grid, [[1, 2, 3], [4, 5]])
    assert "needs 2" in raises(ValueError, named.Grid)
    assert "needs 4" in raises(ValueError, named.IDs, [b"abcd", b"x"])
    assert named.Counts({"a": 1}) == {"a": 1} and named.Counts() == {}
    assert "str" in raises(TypeError, named.Counts, {1: 1})
    assert "out of range" in raises(OverflowError, named.Counts, {"a": 1 << 64})
    assert "mapping" in raises(TypeError, named.Counts, [("a", 1)])


def check_instances_and_plain_values_cross_alike():
    assert named.IDText(named.ID(b"ab\x00\x00")) == "ab" and named.IDText(b"cd\x00\x00") == "cd"
    assert named.Sum16(named.SliceInt16([1, 2, 3])) == 6 and named.Sum16([4, 5]) == 9
    assert named.Sum16(array.array("h", [7])) == 7
    assert named.Diagonal([[1, 0, 0], [0, 5, 0]]) == 6
    assert named.Total(named.Counts({"a": 2, "b": 3})) == 5 and named.Total({"c": 4}) == 4
    assert "out of range" in raises(OverflowError, named.Sum16, [1 << 15])
    assert "needs 2" in raises(ValueError, named.Swap, [1])


def check_repr_names_the_class():
    assert repr(named.ID(b"abcd")) == "ID(b'abcd')"
    assert repr(named.Names(["a"])) == "Names(['a'])"
    assert repr(named.Floats([1.5])) == "Floats([1.5])"
    assert repr(named.Counts({"a": 1})) == "Counts({'a': 1})"


def check_interface_value_str_is_go_string():
    v = named.NewLabel("x")
    assert v.Label() == "x"
    assert str(v) == "label(x)" and v.String() == "label(x)"


def check_array_with_value_methods_is_a_value_class():
    v = named.Vec([1, 2, 3])
    assert isinstance(v, array.array) and v.Sum() == 6.0 and str(v) == "<1 2 3>"
    w = v.Scaled(2)
    assert type(w) is named.Vec and w.tolist() == [2.0, 4.0, 6.0] and v.tolist() == [1.0, 2.0, 3.0]
    assert named.Vec.Sum(named.Vec([1, 1, 1])) == 3.0
    assert w == named.Vec([2, 4, 6]), "compared as values"
    assert "needs 3" in raises(ValueError, named.Vec, [1, 2])


def check_array_with_a_pointer_receiver_stays_a_go_object():
    c = named.Counter([5, 0])
    c.Bump()
    c.Bump()
    assert c.Get() == 7 and list(c.value) == [7, 0]
    assert not isinstance(c, (list, array.array))
