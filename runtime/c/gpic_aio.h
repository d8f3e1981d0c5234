/* gpic runtime: completion ports, how Go tells an asyncio event loop that awaitable calls
 * have finished (runtime/go/gpic_aio.go starts them, runtime/python/gpic_aio.py awaits them).
 *
 * A port is a queue of finished call ids and the write end of a pipe that the event loop
 * watches (loop.add_reader). Go queues an id and writes one byte only when the queue was
 * empty, so a burst of 10,000 completions costs the loop one wake-up and one drain, and no
 * goroutine ever blocks on a full pipe. Nothing here touches Python: a finishing goroutine
 * never takes the GIL.
 *
 * A call id carries its port in its top 16 bits (GPIC_AIO_PORT_OF); the rest is the binding's
 * own sequence number. Once per library (a joint build's main package).
 */
#ifndef GPIC_AIO_H
#define GPIC_AIO_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GPIC_AIO_PORTS 65536
#define GPIC_AIO_PORT_SHIFT 48
#define GPIC_AIO_PORT_OF(call) ((call) >> GPIC_AIO_PORT_SHIFT)

/* Opens a port over `fd` (a non-blocking pipe's write end, which the caller closes after
 * gpic_aio_close): its number, or -1 when every port is taken. */
int32_t gpic_aio_open(int32_t fd);
/* Queues a finished call for its port's loop (called by Go, from any thread). */
void gpic_aio_complete(uint64_t call);
/* Takes up to `cap` finished call ids of the port into `ids`: how many it took. */
int64_t gpic_aio_drain(int32_t port, uint64_t* ids, int64_t cap);
/* Frees the port's number for reuse; the caller has collected every call it started on it. */
void gpic_aio_close(int32_t port);

/* The awaitable call whose goroutine called Python on this thread, or 0 (no awaitable call's
 * goroutine, or not called from Go). Asked by the binding's dispatcher only when a Python
 * callback raised with no Python caller on this thread: then the exception ends that call (its
 * future raises it) instead of being reported as unraisable. It calls back into Go (the calling
 * goroutine's identity), so that callbacks cost nothing more when nothing fails. */
uint64_t gpic_aio_current(void);

#ifdef __cplusplus
}
#endif

#endif /* GPIC_AIO_H */
