"""gopy's _examples (github.com/go-python/gopy v0.5.0, fetched through the Go module proxy),
bound whole by tests/e2e/fixtures/real/gopy/*.gpi in one joint build: what each example's Go
source declares and computes, and what gopy's own _examples/*/test.py print, checked inside
each interpreter. What Go prints goes to file descriptor 1, read back here."""

import cmath
import io
import math
import os
import tempfile
import threading

import arrays
import bytes as gobuffer  # Go's bytes package: named so as not to hide Python's bytes
import cgo
import consts
import cstrings
import empty
import encoding
import gilstring
import gobytes
import gopyerrors
import gopygc
import goos
import gostrings
import htmltemplate
import lot
import maps
import mypkg
import named
import osfile
import pkgconflict
import pointers
import pyerrors
import pywrapper
import rename
import seqs
import simple
import sliceptr
import slices
import template
import variadic
import vars
import wrapper

from stdout_capture import printed


def raises(exc, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc as e:
        return e
    raise AssertionError("%s did not raise %s" % (fn, exc.__name__))


def check_all_share_one_go_runtime():
    # One c-shared library for every example: a second runtime would have refused to load.
    mods = [arrays, cgo, consts, cstrings, empty, encoding, gilstring, gobytes, gopyerrors, gopygc, gostrings,
            lot, maps, mypkg, named, osfile, pkgconflict, pointers, pyerrors, pywrapper, rename, seqs, simple,
            sliceptr, slices, variadic, vars, wrapper]
    assert len(set(m.__name__ for m in mods)) == 28
    # The standard-library parts their signatures use, in the same build.
    assert {m.__name__ for m in (gobuffer, goos, template, htmltemplate)} == {"bytes", "goos", "template", "htmltemplate"}


def check_arrays():
    assert arrays.IntSum([1, 2, 3, 4]) == 10
    assert list(arrays.CreateArray()) == [1, 2, 3, 4]
    raises((TypeError, ValueError), arrays.IntSum, [1, 2, 3])


def check_cgo_calls_c():
    assert cgo.Hi() == "hi from go\n"
    assert cgo.Hello("") == "hello you from go\n"
    assert cgo.Hello("gopher") == "hello gopher from go\n"


def check_consts():
    assert (consts.C1, consts.C2, consts.C3) == ("c1", 42, 666.666)
    assert (consts.C4, consts.C5, consts.C6, consts.C7) == ("c4", 42, 42, 666.666)
    assert consts.Kind1 == 1 and consts.Kind2 == 2


def check_cstrings():
    assert cstrings.StringValue("a", 3) == "aaa"
    s = cstrings.StringInStruct("ab", 2)
    assert (s.V, s.T) == ("abab", 0)
    n = cstrings.StringInNestedStruct("x", 4)
    assert n.A == 2 and n.S.V == "xxxx" and n.S.T == 0
    assert list(cstrings.StringSlice("a", 2)) == ["aa"]
    assert dict(cstrings.StringMap("b", 3)) == {"a": "bbb"}
    # gopy's test: strings made many times over are freed (no growth beyond the first round).
    big = [cstrings.StringValue("a", 4096) for _ in range(2000)]
    assert all(len(v) == 4096 for v in big)


def check_empty_imports():
    # Its init ran when the Go library loaded; it declares nothing beyond every module's own
    # names (mypkg's, less its one function).
    own = set(dir(mypkg)) - {"SayHello"} - {n for n in dir(mypkg) if n.startswith("_")}
    assert {n for n in dir(empty) if not n.startswith("_")} == own


def check_encoding_keeps_unicode():
    s = "Python Unicode string \U0001f431"
    assert encoding.HandleString(s) == s
    assert encoding.GetString() == "Go Unicode string \U0001f431"


def check_gilstring_from_threads():
    # gopy issue #370: a string function and an int function of two extensions, called
    # repeatedly; here from several threads at once too.
    def work():
        for _ in range(2000):
            assert simple.Add(2, 2) == 4
            assert gilstring.Hello("hi") == "Hello, hi!"

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gilstring.Hello("") == "Hello, !"


def check_gobytes():
    assert bytes(gobytes.CreateBytes(5)) == b"\x00\x01\x02\x03\x04"
    assert bytes(gobytes.HashBytes(bytes([0, 1, 2, 3]))) == b"\x00\x01\x02\x03"
    # two full blocks xor-ed, then a partial one padded with 0x55
    assert bytes(gobytes.HashBytes(bytes([1, 2, 3, 4, 1, 0, 0, 0, 7]))) == bytes([0 ^ 7, 2 ^ 0x55, 3 ^ 0x55, 4 ^ 0x55])
    # 0..9: blocks [0 1 2 3] ^ [4 5 6 7] = [4 4 4 4], then 8, 9 and two pads
    assert bytes(gobytes.HashBytes(gobytes.CreateBytes(10))) == bytes([4 ^ 8, 4 ^ 9, 4 ^ 0x55, 4 ^ 0x55])


def check_gopyerrors_several_results():
    assert tuple(gopyerrors.NotErrorMany()) == (0, 0)
    assert tuple(gopyerrors.TooMany()) == (0, 1, "Hi")
    assert gopyerrors.OK() == 0
    s = gopyerrors.Struct()
    assert tuple(s.NotErrorMany()) == (0, "Hi")
    assert tuple(s.TooMany()) == (0, 1, "Hi")


def check_gopygc_values():
    assert gopygc.StructValue().A == 42
    assert list(gopygc.SliceScalarValue()) == [1, 2]
    assert [s.A for s in gopygc.SliceStructValue()] == [1, 2]
    assert dict(gopygc.MapValue()) == {1: 2}
    assert {k: v.A for k, v in gopygc.MapValueStruct().items()} == {1: 3}
    assert dict(gopygc.MapA({"k": "v"})) == {"k": "v"}
    assert list(gopygc.SliceA(["a", "b"])) == ["a", "b"]
    raises(TypeError, gopygc.SliceA, [1])


def check_gopygc_external_type_is_a_go_bytes_buffer():
    b = gopygc.ExternalType()
    assert type(b) is gobuffer.Buffer, type(b)
    assert b.Len() == 0 and b.String() == ""
    assert b.WriteString("hello, ") == 7
    assert b.Write(b"go") == 2
    assert b.String() == "hello, go" and b.Len() == 9
    assert b.Bytes() == b"hello, go"
    b.Reset()
    assert b.Len() == 0
    assert gobuffer.NewBufferString("x").String() == "x"


def check_gostrings():
    assert gostrings.S1 == "S1"
    assert gostrings.GetString() == "MyString"


def check_lot_struct_of_everything():
    v = lot.New()
    assert v.SomeString == "some string" and v.SomeInt == 1337
    assert v.SomeFloat == 1337.1337 and v.SomeBool is True
    assert list(v.SomeListOfStrings) == ["some", "list", "of", "strings"]
    assert list(v.SomeListOfInts) == [6, 2, 9, 1]
    assert list(v.SomeListOfFloats) == [6.6, 2.2, 9.9, 1.1]
    assert list(v.SomeListOfBools) == [True, False, True, False]


def check_maps():
    m = maps.New()
    assert dict(m) == {1: 3.0, 2: 5.0}
    assert maps.Sum(m) == 8.0 and maps.Sum({1: 0.5, 7: 2.0}) == 2.5
    assert list(maps.Keys({3: 1.0, 1: 2.0, 2: 0.0})) == [1, 2, 3]
    assert list(maps.Values(m)) == [3.0, 5.0]


def check_mypkg_nested_package():
    assert mypkg.SayHello() == "Hello"


def check_named_slice_and_array_with_at():
    s = named.Slice([1, 2])
    assert s.At(0) == 1.0 and s.At(1) == 2.0
    assert named.Slice(range(10)).At(9) == 9.0
    a = named.Array([1.5, 2.5])
    assert a.At(1) == 2.5
    raises((TypeError, ValueError), named.Array, [1.0, 2.0, 3.0])
    raises(TypeError, named.Slice, ["x"])


def check_seqs():
    s = seqs.Slice(range(10))
    assert s.At(3) == 3.0
    a = seqs.Array(list(range(10)))
    assert a.At(9) == 9.0
    raises((TypeError, ValueError), seqs.Array, [1.0])


def check_osfile_writes_to_a_python_file():
    buf = io.BytesIO()
    osfile.WriteToFile(buf, "hello from go")
    assert buf.getvalue() == b"hello from go"


def check_osfile_open_file_is_a_go_os_file():
    name = os.path.join(tempfile.mkdtemp(), "osfile.txt")
    f = osfile.OpenFile(name)
    assert type(f) is goos.File, type(f)
    assert f.Name() == name
    assert f.WriteString("written by ") == 11
    assert f.Write(b"Go") == 2
    osfile.WriteToFile(io.BytesIO(), "")  # the other function still takes a Python file
    f.Close()
    with open(name, "rb") as r:
        assert r.read() == b"written by Go"
    assert goos.ReadFile(name) == b"written by Go"
    # os.Create fails in a missing directory: OpenFile logs it and returns nil.
    assert osfile.OpenFile(os.path.join(name, "no", "such")) is None


def check_pkgconflict_templates_of_two_packages_named_template():
    out, t = printed(pkgconflict.TextTempl, "text")
    assert out == "17 items are made of wool\n", out
    assert type(t) is template.Template and t.Name() == "text"
    out, h = printed(pkgconflict.HtmlTempl, "html")
    assert out == "42 items are made of hyperlinks\n", out
    assert type(h) is htmltemplate.Template and h.Name() == "html"
    out, h2 = printed(pkgconflict.HtmlTemplSame, "same")
    assert out == "2 items are made of fuzz\n", out
    assert type(h2) is htmltemplate.Template
    # Executing them again from Python: text/template writes the value as is, html/template
    # escapes it, which tells the two Go packages apart.
    data = {"Count": 3, "Material": "<b>silk</b>"}
    buf = io.BytesIO()
    assert t.Execute(buf, data) is None
    assert buf.getvalue() == b"3 items are made of <b>silk</b>\n", buf.getvalue()
    buf = io.BytesIO()
    h.Execute(buf, data)
    assert buf.getvalue() == b"3 items are made of &lt;b&gt;silk&lt;/b&gt;\n", buf.getvalue()
    raises(TypeError, pkgconflict.TextTempl, 5)


def check_pkgconflict_struct():
    inv = pkgconflict.Inventory(Material="wool", Count=17)
    assert (inv.Material, inv.Count) == ("wool", 17)
    raises((TypeError, OverflowError, ValueError), pkgconflict.Inventory, Count=-1)


def check_pointers():
    s = pointers.S(Value=2)
    assert s.Value == 2
    pointers.Inc(s)
    assert s.Value == 3
    # gopy binds no pointer to a basic type; gpic's GoRef receives what Go writes through it.
    n = pointers.GoRef(5)
    assert pointers.IncInt(n) is None and n.value == 6
    m = pointers.GoRef(pointers.MyInt(3))
    pointers.IncMyInt(m)
    assert m.value == 4
    # Any package's box will do (each of the joint build has its own runtime copy).
    k = sliceptr.GoRef(1)
    pointers.IncInt(k)
    assert k.value == 2
    # A plain int is copied in (Go's change is dropped); None is nil, which Go dereferences.
    x = 5
    assert pointers.IncInt(x) is None and x == 5 and pointers.IncMyInt(3) is None
    raises(pointers.GoPanic, pointers.IncInt, None)
    raises(TypeError, pointers.IncInt, "x")
    raises(TypeError, pointers.IncInt, pointers.GoRef("x"))


def check_sliceptr_writes_back():
    # gopy's test.py: Fill, Append and Convert change the slices Python passed.
    i = sliceptr.IntVector()
    assert sliceptr.Fill(i) is None and list(i) == [1, 2, 3]
    assert sliceptr.Append(i) is None and list(i) == [1, 2, 3, 4]
    s = sliceptr.StrVector()
    assert sliceptr.Convert(i, s) is None and list(s) == ["1", "2", "3", "4"]
    assert type(i) is sliceptr.IntVector and type(s) is sliceptr.StrVector
    lst = [7]
    sliceptr.Append(lst)
    assert lst == [7, 4]
    assert list(sliceptr.StrVector(["a"])) == ["a"]
    raises(TypeError, sliceptr.IntVector, ["x"])
    raises(TypeError, sliceptr.Fill, ["x"])


def check_pyerrors():
    assert pyerrors.Div(5, 2) == 2
    e = raises(pyerrors.Error, pyerrors.Div, 5, 0)
    assert str(e) == "Divide by zero."
    e = raises(pyerrors.Error, pyerrors.NewMyString, "")
    assert str(e) == "Empty string value."
    ms = pyerrors.NewMyString("hello")
    assert ms.String() == "hello"


def check_pywrapper_and_wrapper():
    assert printed(pywrapper.Test)[1] == "Hello"
    assert pywrapper.WrapperStruct().Test() == "%!t(*wrapper.RealStruct=<nil>)"
    assert isinstance(wrapper.PointerTest(), wrapper.RealStruct)
    # RealStruct's channel field (gopy leaves channels out): Go's zero value is a nil channel.
    assert wrapper.PointerTest().Channel is None


def check_rename_keeps_go_names():
    assert rename.SayHi() == "hi"
    assert rename.AutoRenamedFunc() is None
    m = rename.MyStruct(AutoRenamedProperty="a", AutoRenamedProperty2="b")
    assert (m.AutoRenamedProperty, m.AutoRenamedProperty2) == ("a", "b")
    assert m.SaySomethingFunc() == "something"
    assert m.AutoRenamedMeth() is None


def check_simple():
    assert simple.Func() is None
    assert simple.Add(1, 2) == 3
    assert simple.Bool(True) is True and simple.Bool(False) is False
    a, b = 3 + 4j, 2 + 5j
    assert simple.Comp64Add(a, b) == 5 + 9j
    assert simple.Comp128Add(a, b) == 5 + 9j
    # complex64 rounds as Go's float32 does
    assert simple.Comp64Add(0.1 + 0j, 0j).real != 0.1


def check_slices():
    assert slices.IntSum([1, 2, 3, 4]) == 10
    assert slices.IntSum(slices.CreateSlice()) == 10
    assert list(slices.CreateSlice()) == [1, 2, 3, 4]
    assert (slices.SliceUint8([1, 2])[0], slices.SliceUint16([2, 3])[0], slices.SliceUint32([3, 4])[0],
            slices.SliceUint64([4, 5])[0]) == (1, 2, 3, 4)
    assert (slices.SliceInt8([-1, -2])[0], slices.SliceInt16([-2, -3])[0], slices.SliceInt32([-3, -4])[0],
            slices.SliceInt64([-4, -5])[0]) == (-1, -2, -3, -4)
    raises((OverflowError, ValueError), slices.SliceUint8, [256])
    raises(TypeError, slices.SliceInt16, ["x"])
    ss = slices.CreateSSlice()
    assert [s.Name for s in ss] == ["S0", "S1", "S2"]
    assert printed(slices.PrintSSlice, ss)[0] == "0: S0\n1: S1\n2: S2\n"
    assert printed(slices.PrintS, ss[1])[0] == "S1\n"
    values = [complex(i / 7.0, (16 - i) / 5.0) for i in range(16)]
    roots = slices.CmplxSqrt(slices.SliceComplex(values))
    for root, orig in zip(roots, values):
        assert cmath.isclose(root, cmath.sqrt(orig))
    matrix = slices.GetEmptyMatrix(4, 3)
    assert [list(r) for r in matrix] == [[False] * 3] * 4
    assert list(slices.SliceIface([1, "a", None])) == [1, "a", None]


def check_variadic():
    assert variadic.NonVariFunc(1, [2, 3, 4], 5) == 15
    assert variadic.VariFunc(1, 2, 3, 4, 5) == 15
    assert variadic.VariFunc() == 0
    structs = [variadic.NewIntStrUct(n) for n in (1, 2, 3)]
    assert variadic.VariStructFunc(*structs) == 6
    assert variadic.VariInterFaceFunc(*structs) == 6
    assert structs[2].Number() == 3

    class Ten:
        def Number(self):
            return 10

    assert variadic.VariInterFaceFunc(Ten(), structs[0]) == 11


def check_vars():
    assert (vars.V1, vars.V2, vars.V3) == ("v1", 42, 666.666)
    assert (vars.V4, vars.V5, vars.V6, vars.V7) == ("c4", 42, 42, 666.666)
    assert vars.Kind1 == 1 and vars.Kind2 == 2
    assert vars.Doc == "A variable with some documentation"
    vars.V2 = 7
    try:
        assert vars.V2 == 7
    finally:
        vars.V2 = 42
    raises(TypeError, setattr, vars, "V1", 5)
