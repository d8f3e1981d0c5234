/* The C -> Go floor: a C loop calling the //export functions of floor.go
 * (linked from its c-archive). Usage: cloop WORKLOAD PARAM NUMBER
 * prints the seconds per call (one float) after NUMBER calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "libfloor.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s WORKLOAD PARAM NUMBER\n", argv[0]);
    return 2;
  }
  const char *w = argv[1];
  long long param = atoll(argv[2]);
  long long number = atoll(argv[3]);
  volatile long long sink = 0;
  volatile double dsink = 0;
  double *xs = NULL;
  char *bytes = NULL;
  if (strcmp(w, "sum") == 0) {
    xs = malloc(sizeof(double) * (param ? param : 1));
    for (long long i = 0; i < param; i++) xs[i] = 1.0;
  } else if (strcmp(w, "sum64") == 0) {
    bytes = malloc(param ? param : 1);
    for (long long i = 0; i < param; i++) bytes[i] = (char)(i * 131 + 7);
  }
  FloorNoop(); /* start the Go runtime outside the timed region */
  /* one untimed call of the workload first, as the Python workers warm up before timing */
  if (strcmp(w, "add") == 0) sink += FloorAdd(1, 1);
  else if (strcmp(w, "sum") == 0) dsink += FloorSum(xs, (size_t)param);
  else if (strcmp(w, "sum64") == 0) sink += FloorSum64(bytes, (size_t)param);
  else if (strcmp(w, "ints") == 0) { size_t n; long long *p = FloorInts(param, &n); free(p); }
  else if (strcmp(w, "getpi") == 0) dsink += FloorGetPI(param);
  else if (strcmp(w, "concat") == 0) { size_t n; char a[] = "x"; free(FloorConcat(a, 1, a, 1, &n)); }
  dsink = 0;
  double t0 = now();
  if (strcmp(w, "add") == 0) {
    for (long long i = 0; i < number; i++) sink += FloorAdd(i, 1);
  } else if (strcmp(w, "noop") == 0) {
    for (long long i = 0; i < number; i++) FloorNoop();
  } else if (strcmp(w, "concat") == 0) {
    char a[] = "hello", b[] = "world";
    for (long long i = 0; i < number; i++) {
      size_t n;
      char *p = FloorConcat(a, 5, b, 5, &n);
      sink += n;
      free(p);
    }
  } else if (strcmp(w, "sum") == 0) {
    for (long long i = 0; i < number; i++) dsink += FloorSum(xs, (size_t)param);
  } else if (strcmp(w, "sum64") == 0) {
    for (long long i = 0; i < number; i++) sink += FloorSum64(bytes, (size_t)param);
  } else if (strcmp(w, "ints") == 0) {
    for (long long i = 0; i < number; i++) {
      size_t n;
      long long *p = FloorInts(param, &n);
      sink += p[n - 1];
      free(p);
    }
  } else if (strcmp(w, "getpi") == 0) {
    for (long long i = 0; i < number; i++) dsink += FloorGetPI(param);
  } else {
    fprintf(stderr, "cloop: unknown workload %s\n", w);
    return 2;
  }
  double t1 = now();
  if (strcmp(w, "sum") == 0 && dsink != (double)param * number) {
    fprintf(stderr, "cloop: wrong sum\n");
    return 1;
  }
  printf("%.12g\n", (t1 - t0) / number);
  free(xs);
  free(bytes);
  return 0;
}
