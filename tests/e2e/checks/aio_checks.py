"""Awaitable Go calls (issue 14 item 1) on samples/concurrency, inside each interpreter: the
awaitable form returns and raises exactly what the blocking form does, cancelling the task
cancels the Go call's context (seen from Go), a buffer lent to a cancelled call stays alive
until Go returns, and 10,000 concurrent awaited calls finish in about one call's time on a
handful of OS threads."""

import array
import asyncio
import gc
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
