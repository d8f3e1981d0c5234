/* gpic runtime: the per-thread arena and the stashed status (see gpic_runtime.h). */
#include "gpic_runtime.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The arena is a chain of blocks; allocation bumps a pointer in the newest block and never
 * moves anything, so every pointer handed out stays valid until the next reset. One arena per
 * OS thread: a Go export runs on the thread that called it, and a callback from another
 * goroutine runs on that goroutine's thread, so nothing here needs a lock. */
typedef struct block {
  struct block* prev;
  size_t used;
  size_t cap;
  _Alignas(16) char data[];
} block;

/* Everything per thread in one thread-local: code in a shared object reaches a thread-local
 * through a __tls_get_addr call, and a binding's call into Go then makes one per function. */
typedef struct {
  block* arena;
  int32_t depth;
  int32_t py_calls;  /* Go -> Python calls this thread is inside (see py_gate) */
  gpic_status stashed;
} thread_state;

static __thread thread_state tls;

/* Set once at import by each binding, in its slot (the top byte of its references: several
 * Python modules share the runtime of a joint build); read by any thread. */
static gpic_py_dispatch_fn py_dispatch[GPIC_PY_SLOTS];
static gpic_py_release_fn py_release[GPIC_PY_SLOTS];
static int32_t py_slots_taken;

/* The gate every Go -> Python call passes. The interpreter's exit closes it (the binding's
 * atexit hook, before finalisation begins) and then waits until the calls already inside have
 * returned: a goroutine must never take the GIL once the interpreter is finalising (CPython then
 * ends the thread with pthread_exit, fatal on one of Go's threads, or the thread state it keeps
 * is already freed). A call counts itself in before it looks at the gate, and the closer shuts
 * the gate before it counts: one of the two always sees the other (sequentially consistent). */
static int py_closed;
static int64_t py_inside;
static pthread_mutex_t py_drain_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t py_drained = PTHREAD_COND_INITIALIZER;

/* The first block is kept across calls when it is small; anything bigger (a large slice
 * result) is given back at the next reset so that one huge result does not pin memory. */
#define GPIC_BLOCK_MIN ((size_t)16 << 10)
#define GPIC_BLOCK_KEEP ((size_t)1 << 20)

static block* new_block(size_t cap, block* prev) {
  block* b = (block*)malloc(sizeof(block) + cap);
  if (!b) {
    fputs("gpic: out of memory\n", stderr);
    abort();
  }
  b->prev = prev;
  b->used = 0;
  b->cap = cap;
  return b;
}

static void reset_arena(thread_state* t) {
  block* b = t->arena;
  if (!b) return;
  while (b->prev) {
    block* prev = b->prev;
    free(b);
    b = prev;
  }
  if (b->cap > GPIC_BLOCK_KEEP) {
    free(b);
    b = NULL;
  } else {
    b->used = 0;
  }
  t->arena = b;
}

void gpic_arena_reset(void) { reset_arena(&tls); }

void* gpic_alloc(size_t n) {
  thread_state* t = &tls;
  block* b = t->arena;
  size_t at = b ? (b->used + 15u) & ~(size_t)15u : 0;
  if (!b || at + n > b->cap) {
    size_t cap = b ? b->cap * 2 : GPIC_BLOCK_MIN;
    if (cap < n) cap = n;
    b = new_block(cap, b && b->used ? b : NULL);
    if (t->arena && t->arena->used == 0) free(t->arena);  /* an empty block is not kept */
    t->arena = b;
    at = 0;
  }
  b->used = at + n;
  return b->data + at;
}

int32_t gpic_stash(const gpic_status* st) {
  tls.stashed = *st;
  return st->code;
}

const gpic_status* gpic_stashed(void) { return &tls.stashed; }

/* Go's runtime is a set of threads; a child of fork() has only the forking one, and a call
 * into Go there would wait forever for the others. The child learns it is one from
 * pthread_atfork and refuses every call instead. */
static volatile int forked_child;

static void mark_forked_child(void) { forked_child = 1; }

__attribute__((constructor)) static void watch_for_fork(void) { pthread_atfork(NULL, NULL, mark_forked_child); }

int32_t gpic_call_begin(void) {
  if (forked_child) return 1;
  thread_state* t = &tls;
  if (t->depth++ == 0) reset_arena(t);
  return 0;
}

void gpic_call_end(void) { --tls.depth; }

void gpic_fail_forked(gpic_status* st) {
  static const char msg[] =
      "Go cannot run in a child of fork(): Go's runtime threads do not survive it; call Go from the "
      "process that imported the module (or use multiprocessing's 'spawn' start method)";
  st->code = GPIC_FORKED;
  st->msg = msg;
  st->msg_len = sizeof msg - 1;
}

int32_t gpic_call_depth(void) { return tls.depth; }

static void py_leave(void) {
  --tls.py_calls;
  __atomic_sub_fetch(&py_inside, 1, __ATOMIC_SEQ_CST);
  if (__atomic_load_n(&py_closed, __ATOMIC_SEQ_CST)) {  /* the closer may be waiting for this one */
    pthread_mutex_lock(&py_drain_lock);
    pthread_cond_broadcast(&py_drained);
    pthread_mutex_unlock(&py_drain_lock);
  }
}

/* Nonzero: the call may go into Python, and must py_leave when it returns. */
static int py_enter(void) {
  ++tls.py_calls;
  __atomic_add_fetch(&py_inside, 1, __ATOMIC_SEQ_CST);
  if (!__atomic_load_n(&py_closed, __ATOMIC_SEQ_CST)) return 1;
  py_leave();
  return 0;
}

/* Closes the gate and waits for the calls inside it, except the closing thread's own (a hook
 * that runs inside a callback must not wait for itself). The binding calls this without the
 * GIL, which those calls need to finish. */
static void py_close(void) {
  __atomic_store_n(&py_closed, 1, __ATOMIC_SEQ_CST);
  pthread_mutex_lock(&py_drain_lock);
  while (__atomic_load_n(&py_inside, __ATOMIC_SEQ_CST) > tls.py_calls) pthread_cond_wait(&py_drained, &py_drain_lock);
  pthread_mutex_unlock(&py_drain_lock);
}

int32_t gpic_py_slot(void) {
  int32_t slot = __atomic_fetch_add(&py_slots_taken, 1, __ATOMIC_SEQ_CST);
  return slot < GPIC_PY_SLOTS ? slot : -1;
}

void gpic_set_python(int32_t slot, gpic_py_dispatch_fn dispatch, gpic_py_release_fn release) {
  if (!dispatch) {
    py_close();
    return;
  }
  if (slot < 0 || slot >= GPIC_PY_SLOTS) return;
  __atomic_store_n(&py_dispatch[slot], dispatch, __ATOMIC_RELEASE);
  __atomic_store_n(&py_release[slot], release, __ATOMIC_RELEASE);
  __atomic_store_n(&py_closed, 0, __ATOMIC_SEQ_CST);
}

static const char* own_copy(char** at, const char* p, size_t n) {
  if (!n) return p;
  memcpy(*at, p, n);
  *at += n;
  return *at - n;
}

void gpic_call_py(uint64_t ref, int32_t proxy, int32_t method, const char* args, size_t args_n,
                  gpic_bytes* result, gpic_status* st, gpic_py_buf* own) {
  gpic_py_dispatch_fn f = __atomic_load_n(&py_dispatch[GPIC_REF_SLOT(ref)], __ATOMIC_ACQUIRE);
  if (!f || !py_enter()) {
    static const char msg[] = "gpic: Go called into Python after the interpreter shut down";
    st->code = GPIC_UNRAISED;
    st->msg = msg;
    st->msg_len = sizeof msg - 1;
    return;
  }
  f(ref, proxy, method, args, args_n, result, st);
  py_leave();
  if (tls.depth != 0 || !own) return;  /* a binding call's thread: reset when its next call begins */
  /* A goroutine's thread: nothing else resets its arena, and another goroutine may run a
   * callback on this thread before Go reads the results, so they move to the call's own
   * buffer now and the arena starts over. */
  size_t need = result->n + st->msg_len + st->type_len + st->stack_len;
  if (need > own->cap) {
    char* p = (char*)realloc(own->p, need);
    if (!p) return;  /* out of memory: the arena keeps them */
    own->p = p;
    own->cap = need;
  }
  char* at = own->p;
  result->p = own_copy(&at, result->p, result->n);
  st->msg = own_copy(&at, st->msg, st->msg_len);
  st->type = own_copy(&at, st->type, st->type_len);
  st->stack = own_copy(&at, st->stack, st->stack_len);
  gpic_arena_reset();
}

void gpic_release_py_n(const uint64_t* refs, size_t n) {
  if (!n || !py_enter()) return;  /* after exit, Python's objects need no releasing */
  /* Each run of references of one binding goes to that binding's release function. */
  for (size_t i = 0, j; i < n; i = j) {
    uint64_t slot = GPIC_REF_SLOT(refs[i]);
    for (j = i + 1; j < n && GPIC_REF_SLOT(refs[j]) == slot;) ++j;
    gpic_py_release_fn f = __atomic_load_n(&py_release[slot], __ATOMIC_ACQUIRE);
    if (f) f(refs + i, j - i);
  }
  py_leave();
}
