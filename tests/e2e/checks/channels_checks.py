"""Go channels in Python (tests/e2e/fixtures/chans): receive channels are iterators, send
channels have send() and close(), and Python iterables stand for channels Go receives from;
checked inside each interpreter."""

import gc
import threading
import time

import chans


def raises(exc_type, fn, *args, match=None):
    try:
        fn(*args)
    except exc_type as e:
        if match is not None and match not in str(e):
            raise AssertionError("%r does not mention %r" % (str(e), match))
        return e
    raise AssertionError("%s%r did not raise %s" % (getattr(fn, "__name__", fn), args, exc_type.__name__))


def check_receive_channel_is_an_iterator_until_closed():
    ch = chans.Count(5)
    assert iter(ch) is ch
    assert list(ch) == [0, 1, 2, 3, 4]
    assert list(ch) == []  # closed: the iterator stays exhausted
    assert sum(chans.Count(1000)) == sum(range(1000))


def check_elements_use_their_codec():
    pts = list(chans.Points(3))
    assert [(p.X, p.Y) for p in pts] == [(0, 0), (1, -1), (2, -2)]
    assert isinstance(pts[0], chans.Point)


def check_recv_one_value_and_closed():
    ch = chans.Count(2)
    assert ch.recv() == 0
    assert ch.recv(timeout=5) == 1
    raises(EOFError, ch.recv)


def check_recv_timeout():
    start = time.monotonic()
    raises(TimeoutError, chans.Never().recv, 0.2)
    assert 0.15 < time.monotonic() - start < 5


def check_nil_channel_is_none():
    assert chans.NilChan() is None


def check_python_iterable_is_pumped_into_go():
    assert chans.Sum([1, 2, 3, 4]) == 10
    assert chans.Sum(range(10001)) == 50005000
    assert chans.Sum(x * x for x in range(4)) == 14  # a generator, pulled lazily
    assert chans.Sum([]) == 0
    assert chans.Join(iter(["a", "b", "c"]), "-") == "a-b-c"
    assert list(chans.Norms([chans.Point(X=3, Y=4), chans.Point(X=1, Y=0)])) == [25, 1]


def check_pump_is_lazy():
    pulled = []

    def gen():
        for i in range(3):
            pulled.append(i)
            yield i

    assert chans.Sum(gen()) == 3
    assert pulled == [0, 1, 2]


def check_go_channel_passed_back_to_go():
    assert chans.Sum(chans.Count(5)) == 10
    ch = chans.Count(4)
    assert ch.recv() == 0
    assert chans.Sum(ch) == 6  # the same channel: Go receives what Python left


def check_bad_values_are_type_errors():
    raises(TypeError, chans.Sum, 5)
    raises(TypeError, chans.Fill, [1, 2], 3, match="GoChan")  # Go sends on it: no iterable
    raises(TypeError, chans.Sum, chans.Pipe(1))  # a channel of another element type


def check_failing_iterable_ends_the_channel():
    # An exception raised by the iterable (or an item the channel cannot carry) ends the
    # channel: Go sees it closed, and Python reports the exception as unraisable.
    def gen():
        yield 1
        yield 2
        raise RuntimeError("the iterable broke")

    assert chans.Sum(gen()) == 3
    assert chans.Join(["a", 1, "c"], ",") == "a"


def check_send_close_and_receive_on_go_channels():
    into, out = chans.Doubler()
    results = []

    def consume():
        results.extend(out)

    t = threading.Thread(target=consume)
    t.start()
    for i in range(5):
        into.send(i)
    into.close()
    t.join(10)
    assert not t.is_alive()
    assert results == [0, 2, 4, 6, 8]


def check_direction_is_enforced():
    into, out = chans.Doubler()
    raises(TypeError, out.send, 1, match="does not allow")
    raises(TypeError, into.recv, match="does not allow")
    raises(TypeError, iter, into)
    into.close()


def check_bidirectional_channel_and_send_param():
    p = chans.Pipe(4)
    p.send("x")
    p.send("y", timeout=1)
    assert p.recv() == "x"
    assert next(p) == "y"
    raises(TypeError, p.send, 3)  # the element's codec checks the value
    full = chans.Pipe(0)
    raises(TimeoutError, full.send, "nobody receives", 0.1)
    q = chans.Pipe(10)
    chans.Fill(q, 3)  # Go sends 1..3 on a GoChan and closes it
    assert list(q) == ["1", "2", "3"]


def check_send_on_closed_channel_is_go_panic():
    p = chans.Pipe(1)
    p.close()
    raises(chans.GoPanic, p.send, "late", match="closed channel")
    raises(chans.GoPanic, p.close, match="close of closed channel")


def check_channel_field():
    job = chans.NewJob("j", 3)
    assert job.Name == "j"
    assert list(job.Results) == [0, 1, 2]


def check_released_channel():
    ch = chans.Count(3)
    ch.release()
    raises(ValueError, ch.recv)
    raises(ValueError, chans.Sum, ch)


def check_channels_are_released():
    gc.collect()
    chans.collect()
    before = chans.handle_count()
    for _ in range(50):
        list(chans.Count(2))
    gc.collect()
    chans.collect()
    assert chans.handle_count() <= before + 2, (before, chans.handle_count())


def check_async_for_and_asend():
    import asyncio

    async def main():
        got = [v async for v in chans.Count(4)]
        into, out = chans.Doubler()

        async def feed():
            for i in range(3):
                await into.asend(i)
            into.close()

        feeder = asyncio.ensure_future(feed())
        doubled = [v async for v in out]
        await feeder
        ch = chans.Count(1)
        first = await ch.arecv(timeout=5)
        try:
            await ch.arecv()
        except EOFError:
            closed = True
        else:
            closed = False
        return got, doubled, first, closed

    assert asyncio.run(main()) == ([0, 1, 2, 3], [0, 2, 4], 0, True)


def check_async_receive_cancel_and_timeout():
    import asyncio

    async def main():
        start = time.monotonic()
        try:
            await chans.Never().arecv(timeout=0.2)
        except TimeoutError:
            timed_out = time.monotonic() - start
        task = asyncio.ensure_future(chans.Never().arecv())
        await asyncio.sleep(0.1)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            cancelled = True
        else:
            cancelled = False
        return timed_out, cancelled

    timed_out, cancelled = asyncio.run(main())
    assert 0.15 < timed_out < 5, timed_out
    assert cancelled


def check_channel_variable_and_elements():
    q = chans.Queue
    q.send("a")
    assert chans.Queue.recv() == "a"  # the same Go channel, read through the variable again
    assert [list(ch) for ch in chans.Split(3)] == [[0], [1], [2]]


def check_channel_type_only_handed_out():
    evens = chans.Evens(3)
    assert list(evens) == [0, 2, 4]
