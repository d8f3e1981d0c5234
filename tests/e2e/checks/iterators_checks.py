"""Go iterators (iter.Seq, iter.Seq2) in Python (tests/e2e/fixtures/chans): lazy iterators
that stop the Go loop cleanly when Python stops early; checked inside each interpreter."""

import gc
import platform

import chans

PYPY = platform.python_implementation() == "PyPy"


def raises(exc_type, fn, *args, match=None):
    try:
        fn(*args)
    except exc_type as e:
        if match is not None and match not in str(e):
            raise AssertionError("%r does not mention %r" % (str(e), match))
        return e
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc_type.__name__))


def settle():
    # PyPy's collector finalises a dropped iterator only when it runs.
    for _ in range(3):
        gc.collect()


def check_seq_is_a_lazy_iterator():
    before = chans.Stops()
    it = chans.Range(4)
    assert iter(it) is it
    assert chans.Stops() == before  # nothing ran yet
    assert next(it) == 0
    assert list(it) == [1, 2, 3]
    assert chans.Stops() == before + 1  # ran to the end: its defer ran
    assert list(it) == []


def check_seq2_yields_tuples():
    assert list(chans.Enumerate(["a", "b"])) == [(0, "a"), (1, "b")]
    assert dict(chans.Enumerate(["x", "y", "z"])) == {0: "x", 1: "y", 2: "z"}


def check_elements_use_their_codec():
    pts = list(chans.PointSeq(3))
    assert [(p.X, p.Y) for p in pts] == [(0, 0), (1, 1), (2, 4)]
    assert isinstance(pts[2], chans.Point)


def check_nil_seq_is_none():
    assert chans.NilSeq() is None


def check_break_stops_the_go_iterator():
    before = chans.Stops()
    for v in chans.Forever():
        if v == 5:
            break
    if PYPY:
        settle()
    assert chans.Stops() == before + 1


def check_close_stops_it_now():
    before = chans.Stops()
    it = chans.Forever()
    assert [next(it) for _ in range(3)] == [0, 1, 2]
    it.close()
    assert chans.Stops() == before + 1  # on every interpreter: close() waits for the defer
    assert list(it) == []
    it.close()  # twice is fine


def check_with_block_stops_it():
    before = chans.Stops()
    with chans.Forever() as it:
        for v in it:
            if v == 2:
                break
    assert chans.Stops() == before + 1


def check_exception_in_loop_propagates_after_go_stopped():
    before = chans.Stops()
    try:
        for v in chans.Forever():
            if v == 3:
                raise ValueError("stop here")
    except ValueError as e:
        assert str(e) == "stop here"
        if PYPY:
            settle()
        assert chans.Stops() == before + 1
    else:
        raise AssertionError("the exception was lost")


def check_exception_with_block_stops_before_except():
    before = chans.Stops()
    try:
        with chans.Forever() as it:
            for v in it:
                if v == 1:
                    raise KeyError(v)
    except KeyError:
        assert chans.Stops() == before + 1  # the Go loop ended before Python's handler ran


def check_go_panic_in_iterator_is_go_panic():
    before = chans.Stops()
    it = chans.Panicky(2)
    assert next(it) == 0
    assert next(it) == 1
    e = raises(chans.GoPanic, next, it, match="iterator broke after 2")
    assert chans.Stops() == before + 1  # its defer ran while panicking
    assert list(it) == []  # over
    assert e is not None


def check_iterators_are_released():
    gc.collect()
    chans.collect()
    before = chans.handle_count()
    for _ in range(50):
        for v in chans.Forever():
            if v == 1:
                break
    settle()
    chans.collect()
    assert chans.handle_count() <= before + 2, (before, chans.handle_count())


def check_iterator_moves_between_threads():
    # Made on one thread, stepped on another and closed on a third: Go's coroutines are bound
    # to an OS thread, so gpic pulls the iterator on a goroutine of its own.
    import threading

    before = chans.Stops()
    it = chans.Forever()
    assert next(it) == 0
    got = []
    t = threading.Thread(target=lambda: got.extend([next(it), next(it)]))
    t.start()
    t.join(10)
    assert got == [1, 2]
    t = threading.Thread(target=it.close)
    t.start()
    t.join(10)
    assert chans.Stops() == before + 1


# --- Batches: the Go loop runs at most one batch (1, 2, 4, ... 1024 values) ahead of Python ---


def check_go_runs_ahead_by_less_than_a_batch():
    before, stops = chans.Produced(), chans.Stops()
    it = chans.Counted(10 ** 6)
    assert chans.Produced() == before  # nothing ran yet
    assert next(it) == 0
    assert chans.Produced() == before + 1  # a batch of 1
    assert next(it) == 1
    assert chans.Produced() == before + 3  # a batch of 2: 1 and 2
    assert next(it) == 2
    assert chans.Produced() == before + 3  # from the batch: Go did not run
    assert next(it) == 3
    assert chans.Produced() == before + 7  # a batch of 4
    it.close()
    assert chans.Produced() == before + 7  # stopping runs no further value
    assert chans.Stops() == stops + 1


def check_break_after_many_values_stops_within_the_last_batch():
    before, stops = chans.Produced(), chans.Stops()
    with chans.Counted(10 ** 6) as it:
        for v in it:
            if v == 1000:
                break
    assert chans.Stops() == stops + 1
    # Batches of 1, 2, 4, ... 512 (1,023 values): Go produced what Python took and less than one batch more.
    assert 1001 <= chans.Produced() - before <= 1001 + 1023, chans.Produced() - before


def check_long_iterators_in_batches_keep_order():
    assert list(chans.Range(100000)) == list(range(100000))
    words = ["w%d" % i for i in range(2000)]
    assert list(chans.Enumerate(words)) == list(enumerate(words))
    assert [(p.X, p.Y) for p in chans.PointSeq(700)] == [(i, i * i) for i in range(700)]


def check_go_panic_comes_after_the_values_before_it():
    got = []
    try:
        for v in chans.Panicky(300):
            got.append(v)
    except chans.GoPanic as e:
        assert "iterator broke after 300" in str(e)
    else:
        raise AssertionError("no GoPanic")
    assert got == list(range(300))


def check_iterator_shared_by_threads_gives_each_value_once():
    import threading

    it = chans.Range(20000)
    seen = [[] for _ in range(4)]

    def worker(out):
        for v in it:
            out.append(v)

    threads = [threading.Thread(target=worker, args=(out,)) for out in seen]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    every = sorted(v for out in seen for v in out)
    assert every == list(range(20000))
    for out in seen:
        assert out == sorted(out)  # each thread sees Go's order


def check_channel_and_iterator_classes_are_exported_by_name():
    # The runtime's classes, by the public names the stub declares (issue 14 (g)).
    assert {"GoChan", "GoIter"} <= set(chans.__all__)
    it = chans.Range(3)
    assert isinstance(it, chans.GoIter) and list(it) == [0, 1, 2]
    ch = chans.Count(2)
    assert isinstance(ch, chans.GoChan) and list(ch) == [0, 1]
    into, out = chans.Doubler()
    assert isinstance(into, chans.GoChan) and isinstance(out, chans.GoChan)
    into.close()
    assert chans.GoChan[int] is chans.GoChan and chans.GoIter[int] is not None
    assert not hasattr(chans, "_GoChan") and not hasattr(chans, "_GoIter")
