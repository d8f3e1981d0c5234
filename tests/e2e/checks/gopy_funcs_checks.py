"""gopy's _examples/funcs (github.com/go-python/gopy v0.5.0, fetched through the Go module
proxy), bound by tests/e2e/fixtures/real/gopy_funcs/funcs.gpi: what funcs.go declares and does,
checked inside each interpreter. What Go prints goes to file descriptor 1, read back here."""

import funcs
from stdout_capture import printed


def check_init_sets_F1_and_F2_to_go_funcs():
    # func init() { F1 = func() {...}; F2 = Func(func() {...}) }
    assert callable(funcs.F1) and callable(funcs.F2)
    assert isinstance(funcs.F2, funcs.Func)
    assert printed(funcs.F1) == ("calling F1\n", None)
    assert printed(funcs.F2) == ("calling F2\n", None)


def check_other_vars_hold_zero_values():
    assert funcs.F3.F1 is None and list(funcs.F3.F2) == [] and list(funcs.F3.F3) == [None] * 4
    assert funcs.F4.F1 is None and list(funcs.F4.F2) == [] and list(funcs.F4.F3) == [None] * 5
    assert list(funcs.F5) == [] and list(funcs.F6) == []
    assert list(funcs.F7) == [None, None] and list(funcs.F8) == [None, None, None]


def check_callback_gets_the_struct_its_int_and_its_string_field():
    fs = funcs.FunStruct(FieldI=42, FieldS="str field")
    seen = []
    fs.CallBack(22, lambda afs, ival, sval: seen.append((afs, afs.FieldI, ival, sval)))
    assert len(seen) == 1
    afs, field_i, ival, sval = seen[0]
    assert afs == fs and (field_i, ival, sval) == (42, 22, "str field")


def check_callback_may_be_a_bound_method():
    class MyClass:
        def __init__(self):
            self.got = []

        def ClassFun(self, afs, ival, sval):
            self.got.append((ival, sval))

    fs = funcs.FunStruct(FieldS="s")
    c = MyClass()
    fs.CallBack(32, c.ClassFun)
    assert c.got == [(32, "s")]


def check_s2_constructor_takes_a_callable_for_its_func_field():
    seen = []
    s2 = funcs.S2(F1=lambda: seen.append("F1"))
    s2.F1()
    assert seen == ["F1"]
    assert list(s2.F3) == [None] * 5


def check_other_meth_sets_the_fields_and_prints():
    fs = funcs.FunStruct()
    out, _ = printed(fs.OtherMeth, 7, "seven")
    assert out == "i=7 s=seven\n"
    assert (fs.FieldI, fs.FieldS) == (7, "seven")


def check_obj_arg_nil_and_struct():
    fs = funcs.FunStruct(FieldI=1, FieldS="one")
    assert printed(fs.ObjArg, None)[0] == "got nil\n"
    other = funcs.FunStruct(FieldI=2, FieldS="two")
    assert printed(fs.ObjArg, other)[0] == "ofs FieldI: 2 FieldS: two\n"


def check_func_vars_take_python_callables_and_go_funcs():
    f1, f2 = funcs.F1, funcs.F2
    calls = []
    try:
        funcs.F1 = lambda: calls.append("py F1")
        funcs.F1()
        funcs.F2 = lambda: calls.append("py F2")
        assert isinstance(funcs.F2, funcs.Func)
        funcs.F2()
        assert calls == ["py F1", "py F2"]
        funcs.F1 = f2   # a Go Func stored in a func() variable: Go's own func again
        assert printed(funcs.F1)[0] == "calling F2\n"
    finally:
        funcs.F1, funcs.F2 = f1, f2
    assert printed(funcs.F1)[0] == "calling F1\n"


def check_struct_fields_of_func_types():
    calls = []
    s1 = funcs.S1(F1=funcs.Func(lambda: calls.append("F1")),
                  F2=[lambda: calls.append("F2[0]"), funcs.F2],
                  F3=[None, lambda: calls.append("F3[1]"), None, None])
    s1.F1()
    s1.F2[0]()
    assert printed(s1.F2[1])[0] == "calling F2\n"
    s1.F3[1]()
    assert s1.F3[0] is None
    assert calls == ["F1", "F2[0]", "F3[1]"]
    try:
        s1.F3 = [None] * 3
    except (ValueError, TypeError) as e:
        assert "4" in str(e), str(e)
    else:
        raise AssertionError("a [4]Func field took 3 elements")


def check_slices_and_arrays_of_funcs_in_vars():
    calls = []
    try:
        funcs.F5 = [lambda: calls.append(5), funcs.F1]
        funcs.F6 = [funcs.Func(lambda: calls.append(6))]
        funcs.F7 = [None, lambda: calls.append(7)]
        funcs.F8 = [funcs.F2, None, lambda: calls.append(8)]
        funcs.F5[0]()
        assert printed(funcs.F5[1])[0] == "calling F1\n"
        funcs.F6[0]()
        assert funcs.F7[0] is None
        funcs.F7[1]()
        assert printed(funcs.F8[0])[0] == "calling F2\n"
        funcs.F8[2]()
        assert calls == [5, 6, 7, 8]
    finally:
        funcs.F5, funcs.F6, funcs.F7, funcs.F8 = [], [], [None, None], [None] * 3
