"""In-out pointer parameters (issue 11, "Still not done" item 2), on tests/e2e/fixtures/inout
inside each interpreter: what Go writes through a pointer to a non-struct value reaches the
object Python passed for it -- a GoRef's value, a list, dict, bytearray, array.array or numpy
array in place -- when the call returns normally; a plain immutable value is copied in and Go's
change to it is dropped; None is nil; a bad value is a TypeError; an error or a panic leaves the
argument as it was. Where numpy is missing (Debian's PyPy) its cases are skipped by the check
itself, the rest runs everywhere."""

import array

import inout
from inout import GoRef

try:
    import numpy as np
except ImportError:
    np = None


def raises(exc_type, fn, *args, match=()):
    try:
        fn(*args)
    except exc_type as e:
        for m in (match,) if isinstance(match, str) else match:
            assert m in str(e), "%r does not mention %r" % (str(e), m)
        return e
    except BaseException as e:
        raise AssertionError("%s%r raised %s(%s), not %s" % (fn.__name__, args, type(e).__name__, e,
                                                            exc_type.__name__))
    raise AssertionError("%s%r raised nothing, not %s" % (fn.__name__, args, exc_type.__name__))


def check_scalars_through_a_goref():
    i = GoRef(41)
    assert inout.IncInt(i) is None and i.value == 42
    m = GoRef(inout.MyInt(6))
    inout.IncMyInt(m)
    assert m.value == 7
    s = GoRef("hi")
    inout.Exclaim(s)
    inout.Exclaim(s)
    assert s.value == "hi!!"
    f = GoRef(3.0)
    inout.Halve(f)
    assert f.value == 1.5 and type(f.value) is float
    b = GoRef(False)
    inout.Toggle(b)
    assert b.value is True
    assert repr(GoRef(1)) == "GoRef(1)"
    assert GoRef[int](5).value == 5   # the stub's spelling works at run time too


def check_a_plain_value_is_copied_in_and_the_change_dropped():
    x = 5
    assert inout.IncInt(x) is None and x == 5
    assert inout.Exclaim("a") is None
    assert inout.IncMyInt(3) is None


def check_none_is_nil_and_bad_values_are_type_errors():
    assert inout.IsNil(None) is True and inout.IsNil(GoRef(None)) is True
    assert inout.IsNil(1) is False and inout.IsNil(GoRef(1)) is False
    raises(inout.GoPanic, inout.IncInt, None)          # Go dereferences nil
    r = GoRef(None)
    raises(inout.GoPanic, inout.IncInt, r)
    assert r.value is None
    raises(TypeError, inout.IncInt, "x", match="'i'")
    raises(TypeError, inout.IncInt, GoRef("x"), match="'i'")
    raises(TypeError, inout.Exclaim, GoRef(5))
    raises((TypeError, OverflowError), inout.IncInt, GoRef(1 << 70))


def check_named_slices_in_place():
    # gopy's sliceptr: Fill and Append replace the slice Go's pointer points to.
    v = inout.IntVector()
    inout.Fill(v)
    assert list(v) == [1, 2, 3] and type(v) is inout.IntVector
    inout.Append(v, 4)
    assert list(v) == [1, 2, 3, 4]
    s = inout.StrVector()
    inout.Convert(v, s)
    assert list(s) == ["1", "2", "3", "4"] and type(s) is inout.StrVector


def check_lists_and_arrays_in_place():
    lst = [7]
    inout.Append(lst, 8)
    assert lst == [7, 8] and all(type(x) is int for x in lst)
    names = []
    inout.Convert([1, 2], names)
    assert names == ["1", "2"]
    a = array.array("d", [1.0, 2.5])
    inout.Double(a)
    assert a.tolist() == [2.0, 5.0]
    inout.Grow(a)                       # array.array can grow in place
    assert a.tolist() == [2.0, 5.0, 0.0]
    q = array.array("q", [1])
    inout.Append(q, 2)
    assert q.tolist() == [1, 2] and q.typecode == "q"
    t = (1, 2)                          # immutable: Go's change is dropped
    inout.Append(t, 3)
    assert t == (1, 2)
    ref = GoRef([1])
    inout.Append(ref, 2)
    assert list(ref.value) == [1, 2]


def check_dicts_and_bytearrays_in_place():
    d = {"a": 1}
    inout.Put(d, "b", 2)
    assert d == {"a": 1, "b": 2}
    box = GoRef({})
    inout.Put(box, "k", 3)
    assert box.value == {"k": 3}
    raises(inout.GoPanic, inout.Put, GoRef(None), "k", 3)   # a nil pointer, which Go dereferences
    b = bytearray(b"go")
    inout.Upper(b)
    assert b == bytearray(b"GO")
    frozen = b"go"
    inout.Upper(frozen)
    assert frozen == b"go"


def check_several_pointers_and_a_result():
    a, b = GoRef(1), GoRef(10)
    assert inout.Swap(a, b) == 11
    assert (a.value, b.value) == (10, 1)


def check_an_error_or_a_panic_leaves_the_argument():
    n = GoRef(0)
    inout.Count("abc", n)
    assert n.value == 3
    e = raises(inout.Error, inout.Count, "", n)
    assert str(e) == "empty" and n.value == 3
    r = GoRef(1)
    e = raises(inout.GoPanic, inout.Boom, r, match="boom")
    assert r.value == 1


def check_methods_and_struct_pointers():
    p = inout.Point(X=1, Y=2)
    dx = GoRef(5)
    p.MoveBy(dx)
    assert (p.X, dx.value) == (6, 0)
    inout.Shift(p)                      # a struct pointer is the Go object itself
    assert p.X == 7


def check_any_pointer():
    r = GoRef(1)
    inout.Replace(r)
    assert r.value == "replaced"
    raises(TypeError, inout.Replace, [1], match="GoRef")   # a str cannot land in a list


def check_numpy_in_place():
    if np is None:
        return
    xs = np.array([1.0, 2.0, 3.0])
    inout.Double(xs)
    assert xs.tolist() == [2.0, 4.0, 6.0]
    box = GoRef(np.array([1, 2], dtype=np.int64))
    inout.Append(box, 3)                # the box holds Go's new slice
    assert list(box.value) == [1, 2, 3]
    e = raises(ValueError, inout.Grow, xs, match="cannot be resized")
    assert xs.tolist() == [2.0, 4.0, 6.0]
    assert "from 3 to 4 elements" in str(e)


def check_docstring_says_what_happens():
    doc = " ".join(inout.IncInt.__doc__.split())   # as the docstring's lines wrap it
    assert "Go: func IncInt(i *int)" in doc
    assert "Go may change what i points to: pass a GoRef" in doc
    assert "a plain int, str or other immutable value is copied in, and Go's change to it is dropped" in doc
    doc = " ".join(inout.Swap.__doc__.split())
    assert "Swap(a *int, b *int) int" in doc and "Go may change what a, b point to" in doc
    assert "Go may change" not in inout.Shift.__doc__   # a struct pointer is the Go object itself


def check_awaitable_forms_write_back_as_the_blocking_forms():
    # Issue 14 (d): each awaitable form writes Go's changes into the arguments when the call
    # completes, as the blocking form does when it returns: with no value result (the collect
    # call's one result is the pointee), with several pointees, with a value, in a method, and
    # not at all when Go fails.
    import asyncio

    async def main():
        i, ai = GoRef(1), GoRef(1)
        inout.IncInt(i)
        assert await inout.aio.IncInt(ai) is None and ai.value == i.value == 2
        iv, sv, aiv, asv = [1, 2], ["x"], [1, 2], ["x"]
        inout.Convert(iv, sv)
        assert await inout.aio.Convert(aiv, asv) is None and (aiv, asv) == (iv, sv) == ([1, 2], ["x", "1", "2"])
        a, b, aa, ab = GoRef(1), GoRef(2), GoRef(1), GoRef(2)
        assert await inout.aio.Swap(aa, ab) == inout.Swap(a, b) and (aa.value, ab.value) == (a.value, b.value) == (2, 1)
        m = {"k": 1}
        assert await inout.aio.Put(m, "n", 2) is None and m == {"k": 1, "n": 2}
        n, an = GoRef(0), GoRef(0)
        inout.Count("abc", n)
        assert await inout.aio.Count("abc", an) is None and an.value == n.value
        p, dx = inout.Point(X=1, Y=2), GoRef(3)
        await p.aio.MoveBy(dx)
        q, qdx = inout.Point(X=1, Y=2), GoRef(3)
        q.MoveBy(qdx)
        assert (p.X, p.Y, dx.value) == (q.X, q.Y, qdx.value)
        kept = GoRef(5)
        try:
            await inout.aio.Boom(kept)
            raise AssertionError("Boom returned")
        except inout.GoPanic:
            pass
        assert kept.value == 5  # a panic leaves the argument as it was, as in the blocking form
        failed = GoRef(7)
        try:
            await inout.aio.Count("", failed)
            raise AssertionError("Count('') returned")
        except inout.Error:
            pass
        assert failed.value == 7  # so does a Go error

    asyncio.run(main())
