"""Checks of a joint build (tests/e2e/test_joint.py): shapes and counter, built together by
`gpic build shapes.gpi counter.gpi`, run in one process over one Go runtime and one handle
table, each with its own Python objects that Go calls back into."""

import gc
import sys

import counter
import shapes


def _settled():
    gc.collect()
    shapes.collect()
    gc.collect()
    return shapes.handle_count()


def check_both_modules_work():
    assert shapes.NewPoint(3.0, 4.0).Norm2() == 25.0
    c = counter.New()
    assert c.Add(2) == 2 and c.Add(3) == 5 and c.N == 5


def check_one_runtime_for_both():
    runtimes = sys.modules["_gpic_go_runtimes"].runtimes
    assert len(runtimes) == 1, runtimes
    (path, modules), = runtimes.items()
    assert path.endswith(".so") and "libgpic_joint_" in path, path
    assert sorted(modules) == ["counter", "shapes"], modules
    mapped = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "libgpic_joint_" in line:
                mapped.add(line.split()[-1])
    assert mapped == {path}, mapped


def check_one_handle_table():
    base = _settled()
    assert counter.handle_count() == base  # the same table, seen from either module
    p = shapes.NewPoint(1.0, 2.0)
    c = counter.New()
    assert shapes.handle_count() == base + 2
    assert counter.handle_count() == base + 2
    del p, c
    assert _settled() == base


def check_callbacks_of_each_module_reach_their_own():
    assert list(shapes.Map([1.0, 2.0], lambda x: x * 10)) == [10.0, 20.0]
    assert counter.Each(5, lambda i: i < 2) == 3


def check_nested_callbacks_across_modules():
    # Go (shapes) calls Python, which calls Go (counter), which calls Python again: each
    # callback reaches the module that handed it to Go.
    seen = []

    def outer(x):
        return float(counter.Each(int(x), lambda i: seen.append(i) or True))

    assert list(shapes.Map([2.0, 3.0], outer)) == [2.0, 3.0]
    assert seen == [0, 1, 0, 1, 2]


def check_python_objects_as_interfaces_in_both():
    class Named:
        def Name(self):
            return "gopher"

    class Source:
        def __init__(self):
            self.n = 0

        def Next(self):
            self.n += 1
            return self.n

    assert shapes.Greet(Named()) == "hello, gopher"
    assert counter.SumOf(Source(), 4) == 10


def check_callback_exceptions_stay_with_their_call():
    def boom(x):
        raise ValueError("from shapes' callback")

    try:
        shapes.Map([1.0], boom)
    except ValueError as e:
        assert "from shapes' callback" in str(e)
    else:
        raise AssertionError("the callback's exception was lost")
    assert counter.Each(2, lambda i: True) == 2


def check_go_drops_python_objects_of_both_modules():
    base = _settled()
    for _ in range(200):
        shapes.Map([1.0], lambda x: x)
        counter.Each(1, lambda i: True)
    assert _settled() == base
