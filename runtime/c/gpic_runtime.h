/* gpic runtime: the C side of the ABI every gpic-generated cgo shim exports.
 *
 * Written by gpic beside the generated code. Every exported function takes a gpic_status*
 * as its last parameter: it stays zeroed on success; a Go error, a recovered Go panic or a
 * bad handle fill it in. Strings and other results that Go hands to C live in a per-thread
 * arena owned by this file: valid until the next gpic call on the same thread, so a binding
 * copies them once and never frees them one by one.
 */
#ifndef GPIC_RUNTIME_H
#define GPIC_RUNTIME_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  GPIC_OK = 0,
  GPIC_ERROR = 1,        /* the Go function returned a non-nil error */
  GPIC_PANIC = 2,        /* a Go panic, recovered */
  GPIC_BAD_HANDLE = 3,   /* a released or unknown handle was used */
  GPIC_BAD_VALUE = 4,    /* a value Go cannot take (wrong length, malformed encoding) */
  GPIC_PY_EXCEPTION = 5, /* a Python callback raised; the binding re-raises its exception */
  GPIC_BAD_TYPE = 6,     /* a handle of the wrong type for the parameter */
  GPIC_UNRAISED = 7,     /* dispatcher only: the callback raised on another goroutine's
                            thread; it was reported there and Go gets zero values */
  GPIC_FORKED = 8,       /* the call was made in a child of fork(): Go's runtime, whose
                            threads do not survive fork, cannot run there */
  GPIC_INTERRUPTED = 9   /* SIGINT (Ctrl-C) cancelled the call's context.Context: the
                            binding raises KeyboardInterrupt */
};

/* What went wrong in a call. All strings are UTF-8 in the calling thread's arena. */
typedef struct gpic_status {
  int32_t code;
  int32_t sentinel;  /* GPIC_ERROR: 1 + the index of the first error variable the .gpi declares
                        that the error errors.Is (declaration order); 0 for none. It fills the
                        padding after `code`, so the status a call zeroes is no larger. */
  const char* msg;   size_t msg_len;    /* err.Error(), or the panic value as text */
  const char* type;  size_t type_len;   /* the Go dynamic type of the error or panic value */
  const char* stack; size_t stack_len;  /* goroutine stack of a panic */
} gpic_status;

/* A Go string handed to C: pointer into the arena and length (no terminating NUL needed). */
typedef struct gpic_string {
  const char* p;
  size_t n;
} gpic_string;

/* Complex numbers cross as two parts, which every C compiler and FFI agrees on. */
typedef struct gpic_complex64 { float re, im; } gpic_complex64;
typedef struct gpic_complex128 { double re, im; } gpic_complex128;

/* Bytes Go reads or hands back: an encoded value (wire format) or a buffer. */
typedef struct gpic_bytes {
  const char* p;
  size_t n;
} gpic_bytes;

/* A numeric slice: Go reads and writes the caller's buffer in place for the call. */
typedef struct gpic_slice {
  void* p;
  int64_t n;   /* elements, not bytes */
} gpic_slice;

/* Go calling Python: each binding registers one dispatcher and one release function, in a
 * slot of its own: several Python modules share the Go runtime of a joint build. The top byte
 * of every reference a binding hands Go is its slot, so Go's calls and releases reach it.
 * proxy: which interface or callback type (its method table); method: index in it. */
#define GPIC_PY_SLOTS 256
#define GPIC_REF_SLOT_SHIFT 56
#define GPIC_REF_SLOT(ref) ((ref) >> GPIC_REF_SLOT_SHIFT)
typedef void (*gpic_py_dispatch_fn)(uint64_t ref, int32_t proxy, int32_t method, const char* args,
                                    size_t args_n, gpic_bytes* result, gpic_status* st);
typedef void (*gpic_py_release_fn)(const uint64_t* refs, size_t n);  /* n references at once */
/* A binding's slot, taken once at import: -1 when all GPIC_PY_SLOTS are taken. */
int32_t gpic_py_slot(void);
/* gpic_set_python(slot, NULL, NULL), at interpreter exit and without the GIL, disconnects
 * Python (every binding's): it waits for the Go -> Python calls under way to return, and every
 * later one is refused (GPIC_UNRAISED: Go gets zero values) without touching the interpreter. */
void gpic_set_python(int32_t slot, gpic_py_dispatch_fn dispatch, gpic_py_release_fn release);
/* A buffer (malloc'd, grown as needed) that a Go -> Python call owns: on a thread outside any
 * binding call (a goroutine's callback), whose arena nothing else would ever reset,
 * gpic_call_py copies the result and the status texts into it and resets the arena. */
typedef struct gpic_py_buf {
  char* p;
  size_t cap;
} gpic_py_buf;
void gpic_call_py(uint64_t ref, int32_t proxy, int32_t method, const char* args, size_t args_n,
                  gpic_bytes* result, gpic_status* st, gpic_py_buf* own);
void gpic_release_py_n(const uint64_t* refs, size_t n);

/* Exported by the shim's Go runtime (gpic_handles.go): the table of Go values Python holds. */
void gpic_release(uint64_t h);
int64_t gpic_handles(void);
int64_t gpic_go_heap(void);   /* bytes of Go heap objects (for PyPy's memory pressure) */
uint64_t gpic_identity(uint64_t h, gpic_status* st);
void gpic_collect(void);

/* Go streams held by Python (gpic_exports.go): one Go Read or Write per call, straight into or
 * out of the caller's buffer. Read returns 0 at the end of the stream. */
int64_t gpic_stream_read(uint64_t h, char* p, int64_t n, gpic_status* st);
int64_t gpic_stream_write(uint64_t h, char* p, int64_t n, gpic_status* st);
void gpic_stream_flush(uint64_t h, gpic_status* st);
void gpic_stream_close(uint64_t h, gpic_status* st);

/* Go channels and iterators held by Python (gpic_exports.go, gpic_chan.go). A receive or an
 * iterator step moves a batch of at most max values (a uint32 count, then the values). Receive
 * and send wait at most wait_ms and return 0 (a value), 1 (closed) or 2 (timed out);
 * iter_next returns 1 for a batch, 0 at the end. The _async forms run as awaitable calls do
 * (gpic_aio.h): no limit when timeout_ms < 0; collect returns 0-2 as above, or 3 (cancelled). */
int32_t gpic_chan_recv(uint64_t h, int64_t wait_ms, int32_t max, gpic_bytes* out, gpic_status* st);
int32_t gpic_chan_send(uint64_t h, gpic_bytes v, int64_t wait_ms, gpic_status* st);
void gpic_chan_close(uint64_t h, gpic_status* st);
void gpic_chan_recv_async(uint64_t h, uint64_t call, int32_t max, int64_t timeout_ms, gpic_status* st);
void gpic_chan_send_async(uint64_t h, uint64_t call, gpic_bytes v, int64_t timeout_ms, gpic_status* st);
void gpic_chan_cancel(uint64_t call);
int32_t gpic_chan_collect(uint64_t call, gpic_bytes* out, gpic_status* st);
int32_t gpic_iter_next(uint64_t h, int32_t max, gpic_bytes* out, gpic_status* st);
void gpic_iter_stop(uint64_t h, gpic_status* st);

/* Bracket every call from a binding into Go: the arena is reset when the outermost call on
 * the thread begins, and the depth tells a dispatcher whether a callback runs on the thread
 * of a Python caller (so its exception can travel back to it). */
int32_t gpic_call_begin(void);   /* nonzero: do not call Go (forked child); see gpic_fail_forked */
void gpic_call_end(void);
void gpic_fail_forked(gpic_status* st);
int32_t gpic_call_depth(void);

/* Allocates n bytes in the calling thread's arena (8-byte aligned). Never returns NULL:
 * aborts only when the process is out of memory. */
void* gpic_alloc(size_t n);
/* Starts a new call: everything gpic_alloc returned on this thread before is dead. */
void gpic_arena_reset(void);

/* The last failed status of the calling thread, for bindings that report failure out of
 * band (the cffi target): gpic_stash keeps a copy and returns its code. */
int32_t gpic_stash(const gpic_status* st);
const gpic_status* gpic_stashed(void);

#ifdef __cplusplus
}
#endif

#endif /* GPIC_RUNTIME_H */
