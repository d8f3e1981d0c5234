"""Go funcs handed to Python (results, variables, fields, containers) and Python callables
stored in Go (tests/e2e/fixtures/funcvalues), checked inside each interpreter."""

import gc

import funcvalues as fv


def raises(exc_type, fn, *args, match=None):
    try:
        fn(*args)
    except exc_type as e:
        if match is not None and match not in str(e):
            raise AssertionError("%r does not mention %r" % (str(e), match))
        return e
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc_type.__name__))


def settle():
    for _ in range(3):
        gc.collect()
    fv.collect()


def check_func_result_is_callable():
    add3 = fv.Adder(3)
    assert callable(add3)
    assert add3(4) == 7
    assert add3(-3) == 0


def check_nil_func_result_is_none():
    assert fv.NilFunc() is None


def check_go_func_and_python_callable_mix():
    composed = fv.Compose(fv.Adder(1), lambda x: x * 10)
    assert composed(2) == 30
    assert fv.Apply(fv.Adder(5), 1) == 6
    assert fv.Apply(lambda x: x - 1, 1) == 0


def check_func_result_error_raises_package_error():
    fail = fv.Failing("boom")
    e = raises(fv.Error, fail)
    assert "boom" in str(e), str(e)


def check_func_result_with_struct_and_error():
    describe = fv.Describer("p:")
    assert describe(fv.Point(X=1, Y=2)) == "p:***"
    raises(fv.Error, describe, None, match="no point")


def check_variadic_func_result():
    join = fv.Joiner(",")
    assert join("a", "b", "c") == "a,b,c"
    assert join() == ""


def check_several_func_results_share_state():
    inc, reset = fv.Counter()
    assert (inc(), inc(), inc()) == (1, 2, 3)
    assert reset() is None
    assert inc() == 1


def check_func_returning_func():
    assert fv.Curry(1)(2)(3) == 6


def check_bad_arguments_to_a_go_func():
    add3 = fv.Adder(3)
    raises(TypeError, add3, "x")
    raises(TypeError, add3)
    raises(TypeError, add3, 1, 2)
    raises(OverflowError, add3, 1 << 70)


def check_named_func_type_result_is_its_class():
    plus = fv.Lookup("+")
    assert isinstance(plus, fv.Op)
    assert plus(2, 3) == 5
    assert fv.Lookup("-")(2, 3) == -1
    assert fv.Lookup("?") is None


def check_go_func_passed_back_is_the_same_go_func():
    # Go gets its own func back, not a func calling Python that calls Go.
    assert fv.IsPlus(fv.Lookup("+")) is True
    assert fv.IsPlus(lambda a, b: a + b) is False
    assert fv.Fold(fv.Lookup("+"), 1, 2, 3) == 6


def check_named_func_type_from_a_python_callable():
    times = fv.Op(lambda a, b: a * b)
    assert isinstance(times, fv.Op)
    assert times(3, 4) == 12
    assert fv.Fold(times, 1, 2) == 0
    raises(TypeError, fv.Op, 5)


def check_func_var_holds_a_python_callable():
    seen = []

    def hook(s):
        seen.append(s)
        return s + "!"

    try:
        fv.Hook = hook
        assert fv.CallHook("hi") == "hi!"
        got = fv.Hook
        assert callable(got) and got("yo") == "yo!"
        assert seen == ["hi", "yo"]
        fv.Hook = None
        assert fv.Hook is None
        assert fv.CallHook("hi") == "<nil>"
    finally:
        fv.Hook = None


def check_func_var_holds_a_go_func():
    try:
        fv.Hook = fv.Upper()
        assert fv.CallHook("abc") == "ABC"
        assert fv.Hook("x") == "X"
    finally:
        fv.Hook = None


def check_named_func_var():
    try:
        assert fv.OnPair is None
        assert fv.CallOnPair(1, 2) == -1
        fv.OnPair = lambda a, b: a * 100 + b
        assert fv.CallOnPair(1, 2) == 102
        assert isinstance(fv.OnPair, fv.Op)
        fv.OnPair = fv.Lookup("+")
        assert fv.CallOnPair(1, 2) == 3
        assert fv.IsPlus(fv.OnPair)
    finally:
        fv.OnPair = None


def check_func_var_refuses_what_is_not_callable():
    raises(TypeError, setattr, fv, "Hook", 5)
    raises(TypeError, setattr, fv, "OnPair", "x")


def check_exception_in_a_stored_callable_reaches_the_caller():
    def bad(s):
        raise KeyError(s)

    try:
        fv.Hook = bad
        raises(KeyError, fv.CallHook, "k")
    finally:
        fv.Hook = None


def check_func_fields():
    h = fv.NewHandlers()
    assert h.OnAdd(2, 3) == 5
    assert h.Run(2, 3) == 5
    h.OnAdd = lambda a, b: a - b
    assert h.Run(5, 3) == 2
    assert h.OnAdd(5, 3) == 2
    assert h.OnOp is None and h.RunOp(1, 1) == -1
    h.OnOp = fv.Lookup("+")
    assert h.RunOp(4, 5) == 9 and fv.IsPlus(h.OnOp)
    h.OnOp = None
    assert h.RunOp(4, 5) == -1
    try:
        h.OnAdd = 3
    except TypeError:
        pass
    else:
        raise AssertionError("a non-callable was stored in a func field")


def check_func_fields_in_the_constructor():
    h = fv.Handlers(Name="py", OnAdd=lambda a, b: a * b, OnOp=fv.Lookup("-"))
    assert h.Run(3, 4) == 12
    assert h.RunOp(3, 4) == -1
    assert fv.Handlers().OnAdd is None


def check_funcs_in_containers():
    funcs = fv.Funcs()
    assert sorted(funcs) == ["double", "neg"]
    assert funcs["double"](4) == 8 and funcs["neg"](4) == -4
    try:
        fv.Table = [fv.Adder(1), lambda x: x * x, funcs["neg"]]
        assert list(fv.RunTable(3)) == [4, 9, -3]
        table = fv.Table
        assert [f(2) for f in table] == [3, 4, -2]
        raises(TypeError, setattr, fv, "Table", [1])
    finally:
        fv.Table = []


def check_go_func_handles_are_released():
    settle()
    before = fv.handle_count()
    funcs = [fv.Adder(i) for i in range(50)]
    assert sum(f(1) for f in funcs) == sum(range(1, 51))
    assert fv.handle_count() >= before + 50
    del funcs
    settle()
    assert fv.handle_count() == before, (fv.handle_count(), before)


def check_python_callables_stored_in_go_are_released():
    settle()
    before = fv.handle_count()
    for i in range(20):
        fv.Hook = lambda s, i=i: s * i
    assert fv.CallHook("a") == "a" * 19
    fv.Hook = None
    settle()
    assert fv.handle_count() == before, (fv.handle_count(), before)


def check_go_funcs_cannot_be_copied():
    import copy
    raises(TypeError, copy.copy, fv.Adder(1))


# --- error values passed to Go ---------------------------------------------------------------


def check_error_parameter_takes_none_and_any_exception():
    assert fv.Describe(None) == "nil"
    assert fv.Describe(ValueError("bad input")) == "error: bad input"
    assert fv.Describe(fv.Error("from python")) == "error: from python"
    assert fv.Describe(KeyError("k")) == "error: 'k'"
    assert fv.IsNotFound(ValueError("not found")) is False


def check_error_parameter_refuses_what_is_no_exception():
    e = raises(TypeError, fv.Describe, "bad input")
    assert "'err'" in str(e) and "exception" in str(e), str(e)
    raises(TypeError, fv.Describe, ValueError)   # the class, not an exception


def check_go_error_round_trips_with_errors_is():
    e = raises(fv.ErrNotFound, fv.Find, "k")
    assert str(e) == 'find "k": not found'
    assert fv.Describe(e) == 'error: find "k": not found'
    assert fv.IsNotFound(e) is True
    # Wrapped again in Go, it is still the sentinel: Python raises its class.
    e2 = raises(fv.ErrNotFound, fv.Wrap, e, "outer")
    assert str(e2) == 'outer: find "k": not found'


def check_sentinel_exception_made_in_python_is_the_sentinel_in_go():
    assert fv.IsNotFound(fv.ErrNotFound("made in Python")) is True
    e = raises(fv.ErrNotFound, fv.Wrap, fv.ErrNotFound("x"), "ctx")
    assert str(e) == "ctx: x"
    e = raises(fv.Error, fv.Wrap, ValueError("v"), "ctx")
    assert str(e) == "ctx: v" and not isinstance(e, fv.ErrNotFound)


def check_errors_in_slices_fields_and_func_values():
    assert fv.CountErrors([None, ValueError("a"), fv.ErrNotFound("b")]) == 2
    raises(TypeError, fv.CountErrors, [1])
    o = fv.Outcome()
    assert o.Err is None and o.Failed() is False
    o.Err = ValueError("stored")
    assert o.Failed() is True
    got = o.Err
    assert isinstance(got, fv.Error) and str(got) == "stored"
    o2 = fv.Outcome(Err=fv.ErrNotFound("nf"))
    assert isinstance(o2.Err, fv.ErrNotFound)
    check = fv.Check()
    assert check(fv.ErrNotFound("y")) is True and check(None) is False
