"""Generic Go types and functions (tests/e2e/fixtures/generics), bound through the
instantiations the .gpi names, checked inside each interpreter and target."""

import generics


def raises(exc_type, fn, *args, match=None):
    try:
        fn(*args)
    except exc_type as e:
        if match is not None and match not in str(e):
            raise AssertionError("%r does not mention %r" % (str(e), match))
        return e
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc_type.__name__))


# --- Generic functions --------------------------------------------------------------------------

def check_each_instantiation_of_a_function_is_its_own_function():
    assert generics.MaxInt(3, 4) == 4
    assert generics.MaxInt(-3, -4) == -3
    assert generics.MaxFloat(1.5, 0.25) == 1.5
    assert generics.MaxString("apple", "banana") == "banana"
    assert generics.SumInts([1, 2, 3, 40]) == 46
    assert generics.SumFloats([1.5, 2.25]) == 3.75
    assert generics.KeysOfCounts({"b": 1, "a": 2, "c": 0}) == ["a", "b", "c"]


def check_a_function_instance_converts_like_its_type_arguments():
    raises(TypeError, generics.MaxInt, 1.5, 2)
    raises(TypeError, generics.MaxString, 1, 2)
    raises(OverflowError, generics.MaxInt, 2 ** 70, 1)
    raises(TypeError, generics.SumInts, ["x"])
    raises(TypeError, generics.KeysOfCounts, {"a": "one"})


def check_the_generic_itself_is_not_bound():
    for name in ("Max", "Sum", "Keys", "NewSet", "MakePair", "Len", "Set", "Pair", "List"):
        assert not hasattr(generics, name), name
    for name in ("MaxInt", "IntSet", "StringIntPair", "FloatList", "NewIntSet"):
        assert name in generics.__all__, name


def check_docs_come_from_the_instantiation_or_else_the_generic():
    assert "two int" in generics.MaxInt.__doc__, generics.MaxInt.__doc__
    # MaxFloat has no doc of its own: the generic's.
    assert "larger of a and b" in generics.MaxFloat.__doc__, generics.MaxFloat.__doc__
    assert "set of ints" in generics.IntSet.__doc__, generics.IntSet.__doc__
    assert "set of comparable values" in generics.StringSet.__doc__, generics.StringSet.__doc__
    # The Go declaration a docstring names is the instantiation, as the .gpi writes it.
    assert "type IntSet = Set[int]" in generics.IntSet.__doc__, generics.IntSet.__doc__
    assert "type IntSetPair = Pair[int, *IntSet]" in generics.IntSetPair.__doc__, generics.IntSetPair.__doc__


# --- Generic types and their methods ------------------------------------------------------------

def check_an_instance_type_has_the_generic_methods():
    s = generics.NewIntSet(3, 1, 2)
    assert type(s) is generics.IntSet
    s.Add(5)
    s.Add(1)
    assert s.Len() == 4
    assert s.Has(5) and not s.Has(9)
    assert list(s.Items()) == [1, 2, 3, 5]
    u = s.Union(generics.NewIntSet(7, 1))
    assert type(u) is generics.IntSet
    assert list(u.Items()) == [1, 2, 3, 5, 7]
    assert s.Len() == 4  # Union made a new set


def check_instance_fields_are_read_and_written_in_go():
    s = generics.NewStringSet("x")
    assert s.Name == ""
    s.Name = "letters"
    assert s.Name == "letters"
    assert s.Union(generics.NewStringSet()).Name == ""


def check_instances_of_one_generic_are_distinct_classes():
    ints, strs = generics.NewIntSet(1), generics.NewStringSet("a", "b")
    assert generics.IntSet is not generics.StringSet
    assert list(strs.Items()) == ["a", "b"]
    raises(TypeError, strs.Add, 1)
    raises(TypeError, ints.Add, "a")
    raises(TypeError, ints.Union, strs)


def check_a_struct_type_argument():
    ps = generics.NewPointSet(generics.Point(X=1, Y=2), generics.Point(X=1, Y=2))
    assert ps.Len() == 1
    assert ps.Has(generics.Point(X=1, Y=2))
    assert not ps.Has(generics.Point(X=2, Y=1))
    items = ps.Items()
    assert len(items) == 1 and items[0].X == 1 and items[0].Y == 2


def check_a_two_parameter_generic_struct():
    p = generics.MakeStringIntPair("a", 1)
    assert type(p) is generics.StringIntPair
    assert (p.Key, p.Value) == ("a", 1)
    assert str(p) == "a=1" and p.String() == "a=1"
    p.Value = 42
    assert p.String() == "a=42"
    q = generics.StringIntPair(Key="k", Value=7)
    assert q.String() == "k=7"
    raises(TypeError, lambda: generics.StringIntPair(Key=1, Value=7))


def check_an_instance_as_a_type_argument_and_a_field():
    s = generics.NewIntSet(4, 2)
    p = generics.IntSetPair(Key=9, Value=s)
    assert p.Key == 9
    assert type(p.Value) is generics.IntSet
    p.Value.Add(8)
    assert list(s.Items()) == [2, 4, 8]  # the same Go set
    assert p.String().startswith("9=")


def check_a_generic_slice_type():
    assert generics.LenFloats(generics.FloatList([1.0, 2.0, 3.5])) == 3
    assert generics.LenFloats([1.0]) == 1
    raises(TypeError, generics.LenFloats, ["x"])
