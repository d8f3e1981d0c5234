/* The hand-written floor of the Go -> Python benchmark, in the style of the article
 * "Python and Go: Part IV - Using Python in Memory": C glue over the CPython and numpy C APIs
 * that the Go side (floor.go) calls through cgo. Every call takes the GIL, on whatever OS
 * thread it runs, and gives it back, as any binding safe from several goroutines must. */
#ifndef GOCALLS_FLOOR_GLUE_H
#define GOCALLS_FLOOR_GLUE_H

#include <stdint.h>

typedef struct {
  void *obj;        /* the numpy result array (a new reference), or NULL on error */
  const int64_t *indices;
  int64_t size;
  char *err;        /* malloc'd "ExcType: message" when obj is NULL */
} detect_result;

/* Starts Python, imports numpy's C API and module.detect / module.noop.
 * Returns NULL, or a malloc'd error message. */
char *floor_init(const char *module);
detect_result floor_detect(double *data, int64_t n, double threshold);
/* Returns NULL, or a malloc'd error message. */
char *floor_noop(void);
/* Drops the reference to a result array (taking the GIL). */
void floor_release(void *obj);

#endif
