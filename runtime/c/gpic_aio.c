/* gpic runtime: completion ports (see gpic_aio.h). */
#include "gpic_aio.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct port {
  pthread_mutex_t lock;
  int fd;
  uint64_t* ids;   /* finished calls not yet drained */
  size_t n, cap;
} port;

/* Ports are allocated once and reused: a finishing goroutine reads its port without the
 * table's lock, so a port's memory never moves or goes away. */
static port* ports[GPIC_AIO_PORTS];
static unsigned char taken[GPIC_AIO_PORTS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

int32_t gpic_aio_open(int32_t fd) {
  pthread_mutex_lock(&table_lock);
  int32_t found = -1;
  for (int32_t i = 0; i < GPIC_AIO_PORTS; ++i) {
    if (taken[i]) continue;
    if (!ports[i]) {
      port* p = (port*)calloc(1, sizeof(port));
      if (!p) break;
      pthread_mutex_init(&p->lock, NULL);
      ports[i] = p;
    }
    taken[i] = 1;
    found = i;
    break;
  }
  pthread_mutex_unlock(&table_lock);
  if (found >= 0) {
    port* p = ports[found];
    pthread_mutex_lock(&p->lock);
    p->fd = fd;
    p->n = 0;
    pthread_mutex_unlock(&p->lock);
  }
  return found;
}

void gpic_aio_complete(uint64_t call) {
  port* p = ports[GPIC_AIO_PORT_OF(call)];
  if (!p) return;  /* not a port's call: nobody waits for it */
  pthread_mutex_lock(&p->lock);
  if (p->n == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 64;
    uint64_t* ids = (uint64_t*)realloc(p->ids, cap * sizeof(uint64_t));
    if (!ids) {
      fputs("gpic: out of memory\n", stderr);
      abort();
    }
    p->ids = ids;
    p->cap = cap;
  }
  p->ids[p->n++] = call;
  /* Only when the loop has drained everything before does it need a new wake-up. The write is
   * made under the lock, so that it never reaches a descriptor gpic_aio_close gave back (and
   * the process reused); it cannot block (the pipe is non-blocking, and a full pipe already
   * holds a wake-up the loop has not read). */
  if (p->n == 1 && p->fd >= 0) {
    char b = 1;
    while (write(p->fd, &b, 1) < 0 && errno == EINTR) {
    }
  }
  pthread_mutex_unlock(&p->lock);
}

int64_t gpic_aio_drain(int32_t port_no, uint64_t* ids, int64_t cap) {
  if (port_no < 0 || port_no >= GPIC_AIO_PORTS || !ports[port_no] || cap <= 0) return 0;
  port* p = ports[port_no];
  pthread_mutex_lock(&p->lock);
  size_t take = p->n < (size_t)cap ? p->n : (size_t)cap;
  memcpy(ids, p->ids, take * sizeof(uint64_t));
  memmove(p->ids, p->ids + take, (p->n - take) * sizeof(uint64_t));
  p->n -= take;
  pthread_mutex_unlock(&p->lock);
  return (int64_t)take;
}

void gpic_aio_close(int32_t port_no) {
  if (port_no < 0 || port_no >= GPIC_AIO_PORTS || !ports[port_no]) return;
  port* p = ports[port_no];
  pthread_mutex_lock(&p->lock);
  p->fd = -1;
  p->n = 0;
  pthread_mutex_unlock(&p->lock);
  pthread_mutex_lock(&table_lock);
  taken[port_no] = 0;
  pthread_mutex_unlock(&table_lock);
}

/* runtime/go/gpic_aio.go: the awaitable call the calling goroutine runs. */
extern uint64_t gpicAsyncCurrent(void);

uint64_t gpic_aio_current(void) { return gpicAsyncCurrent(); }
