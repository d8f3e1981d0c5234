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


# --- Batches (a crossing into Go takes every value that is ready) and asyncio without threads --


def check_iteration_in_batches_keeps_every_value_in_order():
    assert list(chans.Count(20000)) == list(range(20000))  # an unbuffered producer
    assert [(p.X, p.Y) for p in chans.Points(1000)] == [(i, -i) for i in range(1000)]
    words = ["w%d" % i for i in range(3000)]
    assert chans.Join(iter(words), ",") == ",".join(words)


def check_values_of_a_batch_go_to_recv_first():
    p = chans.Pipe(10)
    for w in "abcde":
        p.send(w)
    p.close()
    assert next(p) == "a"  # a batch of 1
    assert next(p) == "b"  # a batch of 2, all ready: "c" waits in the GoChan
    raises(ValueError, chans.Join, p, ",", match="holds 1 value")  # Go would miss "c"
    assert p.recv() == "c"
    assert chans.Join(p, "-") == "d-e"  # the same channel: Go receives the rest


def check_async_for_batches_and_arecv_after_it():
    import asyncio

    async def main():
        got = [v async for v in chans.Count(5000)]
        p = chans.Pipe(4)
        for w in "wxyz":
            p.send(w)
        first = [await p.__anext__(), await p.__anext__()]  # the second batch holds x and y
        rest = [await p.arecv(), await p.arecv(timeout=1)]
        return got, first, rest

    got, first, rest = asyncio.run(main())
    assert got == list(range(5000))
    assert first == ["w", "x"] and rest == ["y", "z"]


def check_thousand_async_for_consumers_hold_no_thread():
    # Each waiting receive is a goroutine and an entry of the completion port: no Python
    # thread, no executor; the loop's default executor is never even made.
    import asyncio

    def os_threads():
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
        raise AssertionError("no Threads: line in /proc/self/status")

    async def main():
        loop = asyncio.get_running_loop()
        peak = [os_threads(), threading.active_count()]
        done = [False]

        async def sample():
            while not done[0]:
                peak[0] = max(peak[0], os_threads())
                peak[1] = max(peak[1], threading.active_count())
                await asyncio.sleep(0.02)

        async def consume(ch):
            return [v async for v in ch]

        sampler = asyncio.ensure_future(sample())
        started = time.monotonic()
        results = await asyncio.gather(*[consume(chans.Slow(3, 100)) for _ in range(1000)])
        took = time.monotonic() - started
        done[0] = True
        await sampler
        return results, took, peak, getattr(loop, "_default_executor", None)

    results, took, (os_peak, python_peak), executor = asyncio.run(main())
    assert results == [[0, 1, 2]] * 1000
    assert took < 10, "1,000 consumers of 0.3 s channels took %.2f s" % took
    assert executor is None, "a receive waited on the loop's executor"
    assert python_peak == 1, "%d Python threads at the peak" % python_peak
    assert os_peak <= 40, "%d OS threads at the peak" % os_peak


def check_asend_timeout_and_cancel_keep_the_channel_usable():
    import asyncio

    full = chans.Pipe(0)

    async def main():
        start = time.monotonic()
        try:
            await full.asend("nobody receives", timeout=0.2)
        except TimeoutError:
            timed_out = time.monotonic() - start
        task = asyncio.ensure_future(full.asend("cancelled"))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        into, out = chans.Doubler()
        await into.asend(21)
        doubled = await out.arecv(timeout=5)
        into.close()
        return timed_out, doubled

    timed_out, doubled = asyncio.run(main())
    assert 0.15 < timed_out < 5, timed_out
    assert doubled == 42
    raises(TimeoutError, full.recv, 0.1)  # the cancelled send stopped waiting: nothing comes


def check_async_iterable_is_pumped_by_the_loop():
    import asyncio

    threads = set()

    async def agen(n):
        for i in range(n):
            threads.add(threading.get_ident())
            await asyncio.sleep(0)
            yield i

    async def main():
        total = await chans.aio.Sum(agen(100))
        joined = await chans.aio.Join(aiter_words(), "+")
        return total, joined, threading.get_ident()

    async def aiter_words():
        for w in ["a", "b", "c"]:
            yield w

    total, joined, loop_thread = asyncio.run(main())
    assert total == 4950 and joined == "a+b+c"
    assert threads == {loop_thread}  # each item was awaited on the loop, not on a Go thread
    # A blocking call cannot pump one: it would hold the loop the iterable runs on.
    raises(TypeError, chans.Sum, agen(3), match="awaitable call")

    async def blocking_inside_a_coroutine():
        return chans.Sum(agen(3))

    e = None
    try:
        asyncio.run(blocking_inside_a_coroutine())
    except TypeError as err:
        e = err
    assert e is not None and "awaitable call" in str(e)


def check_channel_shared_by_threads_and_coroutines_gives_each_value_once():
    import asyncio

    ch = chans.Count(20000)
    seen = [[] for _ in range(4)]

    def worker(out):
        for v in ch:
            out.append(v)

    threads = [threading.Thread(target=worker, args=(out,)) for out in seen]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(v for out in seen for v in out) == list(range(20000))
    for out in seen:
        assert out == sorted(out)  # batches are taken one at a time: each thread sees Go's order

    async def main():
        shared = chans.Count(5000)

        async def consume():
            return [v async for v in shared]

        return await asyncio.gather(consume(), consume(), consume())

    got = asyncio.run(main())
    assert sorted(v for out in got for v in out) == list(range(5000))
