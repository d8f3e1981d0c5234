"""Checks of a joint build where one package's signatures use another's types
(tests/e2e/test_xpkg.py): scene takes, returns and holds geo's vectors, and a vector crosses
between the two Python modules as the same Go object, an instance of geo's own class; route
uses scene's interface over geo's types."""

import gc

import geo
import route
import scene


def _settled():
    gc.collect()
    geo.collect()
    gc.collect()
    return geo.handle_count()


def check_result_is_the_other_modules_class():
    v = scene.Origin()
    assert type(v) is geo.Vec, type(v)
    assert (v.X, v.Y) == (0.0, 0.0)
    assert v.Norm2() == 0.0  # geo's own methods


def check_parameter_is_the_same_go_object():
    v = geo.NewVec(3.0, 4.0)
    e = scene.Echo(v)
    assert type(e) is geo.Vec
    assert scene.Same(v, e) and scene.Same(e, v)
    assert not scene.Same(v, geo.NewVec(3.0, 4.0))
    # Go changes the object Python holds: no copy crossed.
    scene.Move(v, 1.0, 2.0)
    assert (v.X, v.Y) == (4.0, 6.0)
    assert (e.X, e.Y) == (4.0, 6.0)
    e.X = 10.0
    assert v.X == 10.0


def check_by_value_parameters_and_results():
    s = scene.Sum(geo.Vec(X=1.0, Y=2.0), geo.NewVec(3.0, 4.0))
    assert type(s) is geo.Vec
    assert (s.X, s.Y) == (4.0, 6.0)
    assert str(s) == "Vec(4, 6)"  # geo's String()


def check_nil_pointer_is_none():
    assert scene.Maybe(False) is None
    m = scene.Maybe(True)
    assert type(m) is geo.Vec and (m.X, m.Y) == (1.0, 1.0)
    assert scene.Same(None, None)


def check_fields_hold_the_other_packages_objects():
    v = geo.NewVec(1.0, 2.0)
    sp = scene.NewSprite("s", v)
    assert type(sp.Pos) is geo.Vec and type(sp.At) is geo.Vec
    assert scene.Same(sp.Pos, v)  # the pointer field is v itself
    v.X = 7.0
    assert sp.Pos.X == 7.0
    assert sp.At.X == 1.0  # the value field is a copy Go made
    w = geo.NewVec(5.0, 5.0)
    sp.Pos = w
    assert scene.Same(sp.Pos, w)
    assert sp.Size == 0
    sp.Size = 3
    assert sp.Size == 3


def check_containers_of_the_other_packages_objects():
    grid = scene.Grid(3)
    assert isinstance(grid, list) and len(grid) == 3
    assert all(type(g) is geo.Vec for g in grid)
    assert [(g.X, g.Y) for g in grid] == [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]
    t = scene.Total(grid + [geo.NewVec(10.0, 20.0)])
    assert (t.X, t.Y) == (13.0, 23.0)
    named = scene.Named({"a": geo.NewVec(1.0, 2.0), "b": grid[2]})
    assert sorted(named) == ["a", "b"]
    assert all(type(x) is geo.Vec for x in named.values())
    assert (named["a"].X, named["b"].Y) == (1.0, 2.0)


def check_method_less_named_type_is_its_underlying_value():
    assert scene.Scale(3, 4) == 12


def check_wrong_objects_are_refused():
    for bad in (5, "v", scene.NewSprite("s", geo.NewVec(0.0, 0.0))):
        try:
            scene.Echo(bad)
        except TypeError as e:
            assert "Vec" in str(e), str(e)
        else:
            raise AssertionError("Echo(%r) accepted" % (bad,))
    try:
        scene.Total([geo.NewVec(1.0, 1.0), 3])
    except TypeError as e:
        assert "Vec" in str(e), str(e)
    else:
        raise AssertionError("Total accepted an int element")


def check_objects_of_both_modules_share_one_handle_table():
    base = _settled()
    v = scene.Origin()
    assert geo.handle_count() == base + 1 and scene.handle_count() == base + 1
    grid = scene.Grid(4)
    assert geo.handle_count() == base + 5
    del v, grid
    assert _settled() == base


def check_enum_of_the_other_package_is_its_intenum():
    d = scene.Turn(geo.North)
    assert type(d) is geo.Dir and d is geo.East, (type(d), d)
    assert str(d) == "E"  # geo's String()
    assert scene.Turn(3) is geo.North  # a plain int is accepted, as for geo's own functions
    # A slice of them is a numeric array, as a slice of a module's own enum is.
    assert list(scene.Headings(geo.South)) == [geo.South, geo.West, geo.North, geo.East]
    sp = scene.NewSprite("s", geo.NewVec(0.0, 0.0))
    assert sp.Facing is geo.North
    sp.Facing = geo.West
    assert sp.Facing is geo.West and type(sp.Facing) is geo.Dir
    try:
        scene.Turn("north")
    except TypeError:
        pass
    else:
        raise AssertionError("Turn accepted a str")


def check_func_type_of_the_other_package():
    d = scene.Doubler()
    assert type(d) is geo.Eval, type(d)
    assert d(4.0) == 8.0  # a Go func, called from Python
    assert scene.Apply(d, 1.5) == 3.0  # handed back: the same Go func
    assert scene.Apply(lambda x: x + 0.5, 1.0) == 1.5  # a Python callable becomes a geo.Eval
    try:
        scene.Apply(5, 1.0)
    except TypeError:
        pass
    else:
        raise AssertionError("Apply accepted an int")


class _Square:
    """A Python implementation of geo.Shape."""

    def __init__(self, side):
        self.side = side

    def Norm2(self):
        return float(self.side * self.side)


def check_interface_of_the_other_package_from_go():
    v = geo.NewVec(3.0, 4.0)
    s = scene.AsShape(v)
    # A Go value of geo's interface is geo's class, its methods calling Go.
    assert isinstance(s, geo.Shape), type(s)
    assert s.Norm2() == 25.0
    # Handed back, it is the Go value itself, not a proxy of a proxy.
    assert scene.Area(s) == 25.0 and scene.IsVec(s)
    assert scene.Keep(None) is None


def check_interface_of_the_other_package_from_python():
    sq = _Square(3)
    assert scene.Area(sq) == 9.0  # Go calls the Python method through its geo.Shape
    assert scene.Keep(sq) is sq   # a Python object comes back as itself
    assert not scene.IsVec(sq)
    # geo's own Go objects are Go values of the interface: no Python call in between.
    v = geo.NewVec(1.0, 2.0)
    assert scene.IsVec(v) and scene.Area(v) == 5.0
    assert scene.Largest([sq, v, scene.AsShape(geo.NewVec(0.0, 1.0))]) == 9.0
    try:
        scene.Area(object())
    except TypeError as e:
        assert "Norm2" in str(e), e
    else:
        raise AssertionError("Area accepted an object without Norm2")


def check_a_python_shape_that_raises():
    class Broken:
        def Norm2(self):
            raise ValueError("no area")
    try:
        scene.Area(Broken())
    except ValueError as e:
        assert "no area" in str(e), e
    else:
        raise AssertionError("the method's exception did not reach the caller")


class _Facing:
    """A Python implementation of geo.Heading, whose methods use geo's own Dir and Vec."""

    def __init__(self, d):
        self.d = d
        self.seen = []

    def Facing(self):
        return self.d

    def Toward(self, v):
        self.seen.append(v)
        return geo.North if v.Y > 0 else geo.South


def check_interface_over_the_other_packages_types_from_python():
    h = _Facing(geo.East)
    d = scene.FacingOf(h)
    assert d is geo.East and type(d) is geo.Dir and str(d) == "E", d
    v = geo.NewVec(0.0, 2.0)
    assert scene.Toward(h, v) is geo.North
    # Go hands the Python method geo's own vector: the same Go object, of geo's class.
    assert type(h.seen[0]) is geo.Vec and h.seen[0].Y == 2.0
    assert scene.Same(h.seen[0], v)
    # A plain int that is a Dir is one; a value of the wrong type is the caller's TypeError.
    assert scene.FacingOf(_Facing(3)) is geo.West
    try:
        scene.FacingOf(_Facing("north"))
    except TypeError as e:
        assert "Facing returned" in str(e), e
    else:
        raise AssertionError("a str was accepted as a geo.Dir")


def check_interface_over_the_other_packages_types_from_go():
    h = scene.CompassOf(geo.West)
    # A Go value of a type no .gpi binds: geo's interface class, its methods calling Go.
    assert isinstance(h, geo.Heading) and type(h) is geo.Heading, type(h)
    assert h.Facing() is geo.West
    assert h.Toward(geo.NewVec(-3.0, 1.0)) is geo.West
    assert scene.FacingOf(h) is geo.West and scene.Toward(h, geo.NewVec(0.0, -1.0)) is geo.South


def check_a_third_packages_interface_over_geo():
    class Actor:
        def Where(self):
            return geo.NewVec(1.0, 2.0)

        def Facing(self):
            return geo.South

    assert route.Describe(Actor()) == "Vec(1, 2) facing S"
    assert route.Describe(scene.NewWalker(3.0, 4.0, geo.North)) == "Vec(3, 4) facing N"

    class Nowhere(Actor):
        def Where(self):
            return None

    assert route.Describe(Nowhere()) == "nowhere facing S"

    class Wrong(Actor):
        def Where(self):
            return 3

    try:
        route.Describe(Wrong())
    except TypeError as e:
        assert "Where returned" in str(e) and "Vec" in str(e), e
    else:
        raise AssertionError("an int was accepted as a *geo.Vec")


def check_a_raising_callback_ends_an_awaitable_call_of_a_joint_build():
    # The goroutines of awaitable calls are registered once per library (package gpictable):
    # a Python callback that raises inside scene's awaitable call ends that call with its own
    # exception, as in a one-package build, through the library's one gpic_aio_current.
    import asyncio

    class Broken:
        def Norm2(self):
            raise ValueError("no area")

    def boom(x):
        raise KeyError("eval %s" % x)

    async def main():
        assert await scene.aio.Area(_Square(2)) == 4.0
        for call, kind, text in ((scene.aio.Area(Broken()), ValueError, "no area"),
                                 (scene.aio.Apply(boom, 1.5), KeyError, "eval 1.5")):
            try:
                await call
            except kind as e:
                assert text in str(e), e
            else:
                raise AssertionError("the callback's exception did not end the awaitable call")

    asyncio.run(main())
