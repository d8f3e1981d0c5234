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
  GPIC_BAD_VALUE = 4     /* a value Go cannot take (e.g. a nil where Go needs a value) */
};

/* What went wrong in a call. All strings are UTF-8 in the calling thread's arena. */
typedef struct gpic_status {
  int32_t code;
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
