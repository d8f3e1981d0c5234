"""Awaitable Go calls (issue 14 item 1) on samples/concurrency, inside each interpreter: the
awaitable form returns and raises exactly what the blocking form does, cancelling the task
cancels the Go call's context (seen from Go), a buffer lent to a cancelled call stays alive
until Go returns, and 10,000 concurrent awaited calls finish in about one call's time on a
handful of OS threads."""

import array
import asyncio
import gc
import sys
import threading
import time
import weakref
from datetime import timedelta

import concurrency


def ms(n):
    return timedelta(milliseconds=n)


def run(coro):
    return asyncio.run(coro)


def outcome(fn, *args):
    """What a call returned, or the type and text of what it raised."""
    try:
        return ("returned", fn(*args))
    except Exception as e:
        return ("raised", type(e), str(e))


async def aoutcome(coro_fn, *args):
    try:
        return ("returned", await coro_fn(*args))
    except Exception as e:
        return ("raised", type(e), str(e))


def os_threads():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    raise AssertionError("no Threads: line in /proc/self/status")


def check_results_as_the_blocking_form():
    async def main():
        assert await concurrency.aio.Fetch(None, ms(5)) == concurrency.Fetch(None, ms(5)) == "fetched after 5ms"
        assert await concurrency.aio.Collatz(1000) == concurrency.Collatz(1000)
        assert await concurrency.aio.Sleep(ms(1)) is None
        assert await concurrency.aio.Checksum(b"\x01\x02\xff", ms(1)) == 258
        c = concurrency.Counter(N=40)
        assert await c.aio.Add(2, ms(1)) == 42 and c.N == 42
        assert concurrency.Counter.aio is not None and asyncio.iscoroutinefunction(concurrency.Counter.aio.Add)
        assert asyncio.iscoroutinefunction(concurrency.aio.Fetch)
        assert "Fetch" in concurrency.aio.Fetch.__doc__

    run(main())


def check_go_error_as_the_blocking_form():
    async def main():
        blocking = outcome(concurrency.Fetch, None, ms(-1))
        awaited = await aoutcome(concurrency.aio.Fetch, None, ms(-1))
        assert blocking == awaited, (blocking, awaited)
        assert awaited[1] is concurrency.ErrNegative and issubclass(awaited[1], concurrency.GoError)
        # A context.Context timeout given from Python: Go's deadline error, as blocking.
        blocking = outcome(concurrency.Fetch, ms(20), ms(5000))
        started = time.monotonic()
        awaited = await aoutcome(concurrency.aio.Fetch, ms(20), ms(5000))
        assert time.monotonic() - started < 2.5
        assert blocking == awaited and "deadline exceeded" in awaited[2], (blocking, awaited)

    run(main())


def check_go_panic_as_the_blocking_form():
    async def main():
        blocking = outcome(concurrency.Explode, "boom")
        awaited = await aoutcome(concurrency.aio.Explode, "boom")
        assert blocking == awaited, (blocking, awaited)
        assert awaited[1] is concurrency.GoPanic and "concurrency: boom" in awaited[2]
        # The loop goes on after a panic.
        assert await concurrency.aio.Collatz(10) == concurrency.Collatz(10)

    run(main())


def check_bad_arguments_raise_as_the_blocking_form():
    async def main():
        blocking = outcome(concurrency.Fetch, None, 0.5)
        awaited = await aoutcome(concurrency.aio.Fetch, None, 0.5)
        assert blocking == awaited and blocking[1] is TypeError, (blocking, awaited)
        blocking = outcome(concurrency.Counter().Add, "x", ms(1))
        awaited = await aoutcome(concurrency.Counter().aio.Add, "x", ms(1))
        assert blocking == awaited and blocking[1] is TypeError, (blocking, awaited)
        assert concurrency._gaio.in_flight() == 0

    run(main())


def check_cancelling_the_task_cancels_the_go_context():
    async def main():
        before = concurrency.Cancelled()
        task = asyncio.ensure_future(concurrency.aio.Fetch(None, ms(30000)))
        await asyncio.sleep(0.1)
        cancelled_at = time.monotonic()
        task.cancel()
        try:
            await task
            raise AssertionError("the cancelled task returned")
        except asyncio.CancelledError:
            pass
        # Go saw its context cancelled: Fetch counts it and returns long before its 30 s.
        while concurrency.Cancelled() == before:
            assert time.monotonic() - cancelled_at < 5, "Go never saw the context cancelled"
            await asyncio.sleep(0.01)
        assert concurrency.Cancelled() == before + 1
        while concurrency._gaio.in_flight():
            assert time.monotonic() - cancelled_at < 5, "the cancelled call was never collected"
            await asyncio.sleep(0.01)

    run(main())


def check_cancelled_call_without_context_finishes_and_is_dropped():
    async def main():
        task = asyncio.ensure_future(concurrency.aio.Sleep(ms(200)))
        await asyncio.sleep(0.02)
        task.cancel()
        try:
            await task
            raise AssertionError("the cancelled task returned")
        except asyncio.CancelledError:
            pass
        assert concurrency._gaio.in_flight() == 1  # Go still runs it
        started = time.monotonic()
        while concurrency._gaio.in_flight():
            assert time.monotonic() - started < 5
            await asyncio.sleep(0.01)

    run(main())


def check_cancelled_call_keeps_its_lent_buffer_alive():
    async def main():
        data = array.array("d", [1.0] * 1000)
        gone = weakref.ref(data)
        task = asyncio.ensure_future(concurrency.aio.Fill(data, 7.0, ms(300)))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        # The cancelled task's traceback holds the call's frames (and so `data`): drop it, so
        # that only the runtime keeps the buffer.
        del task, data
        for _ in range(3):
            gc.collect()
        # Go has not returned: the buffer it writes into is still alive (kept by the call).
        assert gone() is not None, "the lent buffer was freed while Go still used it"
        assert concurrency._gaio.in_flight() == 1
        started = time.monotonic()
        while concurrency._gaio.in_flight():
            assert time.monotonic() - started < 5
            await asyncio.sleep(0.01)
        kept = gone()
        if kept is not None:  # not collected yet: Go's writes are in it
            assert list(kept) == [7.0] * 1000
        del kept
        for _ in range(3):
            gc.collect()
        assert gone() is None, "the buffer stayed alive after Go returned"

    run(main())


def check_go_writes_land_in_the_lent_buffer():
    async def main():
        data = array.array("d", [0.0] * 16)
        await concurrency.aio.Fill(data, 2.5, ms(1))
        assert list(data) == [2.5] * 16
        raw = bytearray(b"\x05" * 10)
        assert await concurrency.aio.Checksum(raw, ms(1)) == 50

    run(main())


def check_ten_thousand_concurrent_calls_take_about_one_call():
    async def main():
        peak = [os_threads()]
        done = [False]

        async def sample():
            while not done[0]:
                peak[0] = max(peak[0], os_threads())
                await asyncio.sleep(0.01)

        sampler = asyncio.ensure_future(sample())
        started = time.monotonic()
        results = await asyncio.gather(*[concurrency.aio.Fetch(None, ms(100)) for _ in range(10000)])
        took = time.monotonic() - started
        done[0] = True
        await sampler
        assert results == ["fetched after 100ms"] * 10000
        # One call waits 0.1 s; 10,000 of them one after the other would take 1,000 s.
        assert took < 5, "10,000 concurrent 100 ms calls took %.2f s" % took
        assert threading.active_count() == 1, "a Python thread per call"
        assert peak[0] <= 40, "%d OS threads at the peak" % peak[0]
        assert concurrency._gaio.in_flight() == 0

    run(main())


def check_two_event_loops_in_two_threads():
    out = {}

    def worker(name):
        async def main():
            return await asyncio.gather(*[concurrency.aio.Collatz(n) for n in range(1, 50)])

        out[name] = asyncio.run(main())

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    expected = [concurrency.Collatz(n) for n in range(1, 50)]
    assert out == {0: expected, 1: expected}


def check_a_slice_go_keeps_is_copied_by_the_awaitable_form():
    async def main():
        data = array.array("d", [1.0, 2.0, 3.0])
        series = await concurrency.aio.NewSeries(data)
        data[0] = 100.0  # Go has its own copy: the Series does not see it
        del data
        for _ in range(3):
            gc.collect()
        junk = [array.array("d", [9.0] * 3) for _ in range(100)]  # reuse freed memory, if any
        assert await series.aio.Sum() == series.Sum() == 6.0
        del junk

    run(main())


# --- Issue 14 (d), (e), (f): in-out pointers, value types' methods, raising callbacks ---


def check_in_out_pointers_are_written_back_as_the_blocking_form():
    async def main():
        xs, total = [1, 2], concurrency.GoRef(10)
        assert concurrency.Extend(xs, total, 2, ms(1)) == 4 and xs == [1, 2, 3, 4] and total.value == 12
        axs, atotal = [1, 2], concurrency.GoRef(10)
        assert await concurrency.aio.Extend(axs, atotal, 2, ms(1)) == 4
        assert (axs, atotal.value) == (xs, total.value)
        # Into a GoRef, an array.array in place, and nothing into an immutable tuple (as blocking).
        ref, blocking_ref = concurrency.GoRef([]), concurrency.GoRef([])
        arr, frozen = array.array("q", [7]), (5,)
        assert concurrency.Extend(blocking_ref, 0, 3, ms(1)) == 3
        assert await concurrency.aio.Extend(ref, concurrency.GoRef(0), 3, ms(1)) == 3
        assert type(ref.value) is type(blocking_ref.value) and list(ref.value) == list(blocking_ref.value) == [1, 2, 3]
        assert await concurrency.aio.Extend(arr, 0, 1, ms(1)) == 2 and list(arr) == [7, 8]
        assert await concurrency.aio.Extend(frozen, 0, 1, ms(1)) == 2 and frozen == (5,)
        assert "Extend" in concurrency.aio.Extend.__doc__

    run(main())


def check_in_out_write_back_happens_on_the_loop_thread_when_the_call_completes():
    async def main():
        loop_thread = threading.get_ident()
        seen = []

        class Watched(list):
            def __setitem__(self, key, value):
                seen.append(threading.get_ident())
                super().__setitem__(key, value)

        xs = Watched([0])
        task = asyncio.ensure_future(concurrency.aio.Extend(xs, 0, 2, ms(100)))
        await asyncio.sleep(0.03)
        assert xs == [0] and not seen, "written back before Go returned"
        assert await task == 3
        assert xs == [0, 1, 2] and seen == [loop_thread]

    run(main())


def check_a_cancelled_in_out_call_writes_nothing_back():
    async def main():
        xs = [1]
        task = asyncio.ensure_future(concurrency.aio.Extend(xs, 0, 1, ms(100)))
        await asyncio.sleep(0.02)
        task.cancel()
        try:
            await task
            raise AssertionError("the cancelled task returned")
        except asyncio.CancelledError:
            pass
        started = time.monotonic()
        while concurrency._gaio.in_flight():
            assert time.monotonic() - started < 5
            await asyncio.sleep(0.01)
        assert xs == [1]

    run(main())


def check_field_reads_are_awaitable():
    async def main():
        c = concurrency.Counter(N=7)
        assert await c.aio.N() == c.N == 7
        assert asyncio.iscoroutinefunction(concurrency.Counter.aio.N)
        await c.aio.Add(1, ms(1))
        assert await c.aio.N() == 8
        assert "Counter.N" in concurrency.Counter.aio.N.__doc__

    run(main())


def check_interface_values_methods_are_awaitable():
    async def main():
        m = concurrency.NewMeter(2.5)
        assert await m.aio.Measure(ms(1)) == m.Measure(ms(1)) == 2.5
        got = await asyncio.gather(*[concurrency.NewMeter(float(i)).aio.Measure(ms(50)) for i in range(20)])
        assert got == [float(i) for i in range(20)]

    run(main())


def check_value_types_methods_are_awaitable():
    async def main():
        c = concurrency.Celsius(100.0)
        assert await c.aio.Fahrenheit(ms(1)) == c.Fahrenheit(ms(1)) == 212.0
        assert asyncio.iscoroutinefunction(concurrency.Celsius.aio.Fahrenheit)
        t = concurrency.Triple([1, 2, 3])
        assert await t.aio.Sum(ms(1)) == t.Sum(ms(1)) == 6
        n = concurrency.NewNumbers([4, 5, 6, 7])
        assert await n.aio.Len(ms(1)) == n.Len(ms(1)) == 4
        # Concurrent: 50 calls waiting 100 ms each take about one call.
        started = time.monotonic()
        got = await asyncio.gather(*[concurrency.Celsius(float(i)).aio.Fahrenheit(ms(100)) for i in range(50)])
        assert got == [i * 9 / 5 + 32 for i in range(50)]
        assert time.monotonic() - started < 2.5
        blocking = outcome(c.Fahrenheit, "soon")
        awaited = await aoutcome(c.aio.Fahrenheit, "soon")
        assert blocking == awaited and blocking[1] is TypeError, (blocking, awaited)

    run(main())


class _Boom(Exception):
    pass


def check_a_raising_callback_ends_the_awaitable_call():
    async def main():
        def raise_at_3(i):
            if i == 3:
                raise _Boom("no %d" % i)
            seen.append(i)
            return i

        seen = []
        before = concurrency.VisitsUnwound()
        try:
            concurrency.Visit(5, ms(1), raise_at_3)
            raise AssertionError("the blocking call returned")
        except _Boom as e:
            blocking = e
        assert seen == [1, 2] and concurrency.VisitsUnwound() == before + 1
        seen = []
        try:
            await concurrency.aio.Visit(5, ms(1), raise_at_3)
            raise AssertionError("the awaitable call returned")
        except _Boom as e:
            awaited = e
        # The callback's own exception object, and Go unwound as in the blocking form: its
        # loop stopped at 3 and its deferred code ran.
        assert type(awaited) is type(blocking) and str(awaited) == str(blocking) == "no 3"
        assert awaited.__traceback__ is not None
        assert seen == [1, 2] and concurrency.VisitsUnwound() == before + 2
        assert concurrency._gaio.in_flight() == 0 and not concurrency._gbridge.async_raised
        # A callback that does not raise: the sum, as blocking.
        assert await concurrency.aio.Visit(4, ms(1), lambda i: i * 10) == concurrency.Visit(4, ms(1), lambda i: i * 10) == 100

    run(main())


def check_raising_callbacks_of_concurrent_calls_each_end_their_own():
    async def main():
        def make(n):
            def cb(i):
                if i == n:
                    raise ValueError("call %d" % n)
                return 1
            return cb

        unraisable = []
        old_hook = sys.unraisablehook
        sys.unraisablehook = unraisable.append
        try:
            outcomes = await asyncio.gather(*[concurrency.aio.Visit(n, ms(20), make(n if n % 2 else n + 1))
                                              for n in range(1, 41)], return_exceptions=True)
        finally:
            sys.unraisablehook = old_hook
        for n, got in zip(range(1, 41), outcomes):
            if n % 2:
                assert isinstance(got, ValueError) and str(got) == "call %d" % n, (n, got)
            else:
                assert got == n, (n, got)  # its callback never saw n + 1
        assert not unraisable, "reported as unraisable: %r" % unraisable
        assert concurrency._gaio.in_flight() == 0 and not concurrency._gbridge.async_raised

    run(main())


def check_a_raising_callback_of_a_cancelled_call_is_dropped():
    async def main():
        def boom(i):
            raise _Boom("late")

        task = asyncio.ensure_future(concurrency.aio.Visit(1, ms(100), boom))
        await asyncio.sleep(0.02)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        started = time.monotonic()
        while concurrency._gaio.in_flight():
            assert time.monotonic() - started < 5
            await asyncio.sleep(0.01)
        assert not concurrency._gbridge.async_raised, "the cancelled call's exception was kept"

    run(main())
