"""Checks of gopy's _examples hi, structs, iface and cpkg (with funcs) built together
(tests/e2e/test_real_gopy_xpkg.py): expectations derived from the Go source of each example
and from gopy's own _examples/*/test.py. What prints through C's stdio is checked by the test
file in processes of their own, not here (the output would mix with the runner's)."""

import cpkg
import funcs
import hi
import iface
import structs


def _raises(exc, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc as e:
        return str(e)
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc.__name__))


# --- hi: constants, variables, functions


def check_hi_constants():
    assert hi.Universe == 42
    assert hi.Version == "0.1"


def check_hi_variables():
    assert hi.Debug is False
    hi.Debug = True
    try:
        assert hi.Debug is True
    finally:
        hi.Debug = False
    assert list(hi.IntSlice) == [1, 2]
    assert list(hi.IntArray) == [1, 2]
    anon = hi.Anon
    assert (anon.Name, anon.Age) == ("<nobody>", 1)
    saved = hi.Anon
    hi.Anon = hi.NewPerson("you", 24)
    try:
        assert str(hi.Anon) == 'hi.Person{Name="you", Age=24}'
    finally:
        hi.Anon = saved
    assert str(hi.Anon) == 'hi.Person{Name="<nobody>", Age=1}'


def check_hi_functions():
    assert hi.Add(1, 41) == 42
    assert hi.Concat("4", "2") == "42"
    assert hi.LookupQuestion(42) == "Life, the Universe and Everything"
    assert _raises(hi.Error, hi.LookupQuestion, 12) == "Wrong answer: 12 != 42"
    assert issubclass(hi.Error, hi.GoError)


# --- hi: Person, Couple, PersIface


def check_hi_person():
    p = hi.Person()
    assert (p.Name, p.Age) == ("", 0)
    assert str(p) == p.String() == 'hi.Person{Name="", Age=0}'
    p.Name = "foo"
    p.Age = 42
    assert p.String() == 'hi.Person{Name="foo", Age=42}'
    assert (p.GetName(), p.GetAge()) == ("foo", 42)
    p.SetName("bar")
    p.SetAge(7)
    assert (p.Name, p.Age) == ("bar", 7)
    assert p.Greet() == "Hello, I am bar"
    assert p.Salary(2) == 20
    assert _raises(hi.Error, p.Salary, 24) == "can't work for 24 hours!"


def check_hi_person_constructor():
    assert "Name" in _raises(TypeError, hi.Person, 1)
    assert "Age" in _raises(TypeError, hi.Person, "name", "2")
    _raises(TypeError, hi.Person, "name", 2, 3)
    assert str(hi.Person("name")) == 'hi.Person{Name="name", Age=0}'
    assert str(hi.Person("name", 42)) == 'hi.Person{Name="name", Age=42}'
    assert str(hi.Person(Name="name", Age=42)) == 'hi.Person{Name="name", Age=42}'
    assert str(hi.Person(Age=42, Name="name")) == 'hi.Person{Name="name", Age=42}'


def check_hi_constructors():
    assert str(hi.NewPerson("me", 666)) == 'hi.Person{Name="me", Age=666}'
    assert str(hi.NewPersonWithAge(666)) == 'hi.Person{Name="stranger", Age=666}'
    # NewActivePerson works (and prints: the test file checks it in a process of its own).


def check_hi_couple():
    c = hi.Couple()
    assert str(c) == 'hi.Couple{P1=hi.Person{Name="", Age=0}, P2=hi.Person{Name="", Age=0}}'
    c.P1 = hi.NewPerson("tom", 5)
    c.P2 = hi.NewPerson("bob", 2)
    assert str(c) == 'hi.Couple{P1=hi.Person{Name="tom", Age=5}, P2=hi.Person{Name="bob", Age=2}}'
    c = hi.NewCouple(hi.NewPerson("tom", 50), hi.NewPerson("bob", 41))
    assert str(c) == 'hi.Couple{P1=hi.Person{Name="tom", Age=50}, P2=hi.Person{Name="bob", Age=41}}'
    c.P1.Name = "mom"  # a struct field is the Go value inside c
    c.P2.Age = 51
    assert str(c) == 'hi.Couple{P1=hi.Person{Name="mom", Age=50}, P2=hi.Person{Name="bob", Age=51}}'
    c = hi.Couple(P2=hi.Person("p1", 42), P1=hi.Person("p2", 52))
    assert str(c) == 'hi.Couple{P1=hi.Person{Name="p2", Age=52}, P2=hi.Person{Name="p1", Age=42}}'
    assert "Person" in _raises(TypeError, hi.Couple, 1)
    _raises(TypeError, hi.Couple, 1, 2)
    assert "P2" in _raises(TypeError, hi.Couple, P2=1)


def check_hi_pers_iface():
    i = hi.PersonAsIface("x", 3)
    assert isinstance(i, hi.Person)  # the Go value behind the interface, of its own class
    assert (i.GetName(), i.GetAge(), i.Greet()) == ("x", 3, "Hello, I am x")
    i.SetName("y")
    i.SetAge(5)
    assert (i.GetName(), i.GetAge()) == ("y", 5)


def check_hi_named_types():
    assert hi.Float(1.5) == 1.5 and isinstance(hi.Float(1.5), float)
    assert list(hi.Floats([1.0, 2.5])) == [1.0, 2.5]


# --- hi and structs: a type of another bound package in hi's signatures


def check_hi_returns_structs_s2():
    p = hi.NewPerson("me", 33)
    s2 = p.ReturnS2Ptr()
    assert type(s2) is structs.S2, type(s2)  # structs' own class, not a copy in hi
    assert s2.Public == 33
    s2.Public = 34  # the object is structs', with its fields
    assert s2.Public == 34


def check_hi_takes_structs_s2():
    p = hi.NewPerson("me", 1)
    p.SetFmS2(structs.S2(Public=7))
    assert p.Age == 7
    p.SetFmS2Ptr(structs.S2(9))
    assert p.Age == 9
    # The object Go returned goes back in as it is.
    q = hi.NewPerson("q", 55)
    p.SetFmS2Ptr(q.ReturnS2Ptr())
    assert p.Age == 55
    assert "S2" in _raises(TypeError, p.SetFmS2Ptr, hi.NewPerson("not", 1))
    assert "S2" in _raises(TypeError, p.SetFmS2, 5)


# --- structs


def check_structs_s():
    s = structs.S()
    s.Init()
    assert s.Upper("boo") == "BOO"
    s.MethodTest(structs.S1())
    structs.FuncTest(s)


def check_structs_private_fields_stay_private():
    _raises(TypeError, structs.S1, 1)
    _raises(AttributeError, getattr, structs.S1(), "private")
    s2 = structs.S2(42)
    assert s2.Public == 42
    _raises(AttributeError, getattr, s2, "private")
    _raises(TypeError, structs.S2, 1, 2)


def check_structs_subclass():
    class S2Child(structs.S2):
        def __init__(self, a, b):
            super(S2Child, self).__init__(a)
            self.local = b

    c = S2Child(42, 123)
    assert (c.Public, c.local) == (42, 123)


def check_structs_s3():
    v = structs.S3()
    v.X = 3
    v.Y = 4
    assert (v.X, v.Y) == (3, 4)
    _raises(TypeError, setattr, v, "X", "three")


# --- iface (Python side; what it prints is checked by the test file)


def check_iface_t():
    t = iface.T()
    assert (t.FldI, t.FldS) == (0, "")
    t = iface.T(FldI=3, FldS="x")
    assert (t.FldI, t.FldS) == (3, "x")


# --- cpkg and funcs: callable, and their Go funcs Python holds


def check_cpkg_functions_are_bound():
    for name in ("Hi", "Hello", "Printf"):
        assert callable(getattr(cpkg, name)), name


def check_funcs_f1_is_a_go_func():
    assert callable(funcs.F1)  # what it prints is checked by the test file
