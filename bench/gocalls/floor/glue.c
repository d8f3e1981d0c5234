#define PY_SSIZE_T_CLEAN
#include <Python.h>
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

static PyObject *detect_fn, *noop_fn;

/* The GIL, taken per call on whatever OS thread the goroutine runs. PyGILState_Ensure would
 * create and destroy a thread state on every call from a thread Python has not seen (goroutines
 * move between threads); keeping one per OS thread is the least a correct binding can cost. */
static PyInterpreterState *interp;
static __thread PyThreadState *thread_state;

static void enter(void) {
  if (!thread_state)
    thread_state = PyThreadState_New(interp);
  PyEval_RestoreThread(thread_state);
}

static void leave(void) { PyEval_SaveThread(); }

/* The pending exception as a malloc'd "Type: message"; clears it. Call with the GIL held. */
static char *take_error(void) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  const char *name = type ? ((PyTypeObject *)type)->tp_name : "error";
  PyObject *s = value ? PyObject_Str(value) : NULL;
  const char *msg = s ? PyUnicode_AsUTF8(s) : NULL;
  if (!msg) {
    PyErr_Clear();
    msg = "";
  }
  size_t len = strlen(name) + strlen(msg) + 3;
  char *out = malloc(len);
  snprintf(out, len, "%s: %s", name, msg);
  Py_XDECREF(s);
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
  return out;
}

/* import_array is a macro that returns from the function it is in: give it its own. */
static int init_numpy(void) {
  import_array1(-1);
  return 0;
}

char *floor_init(const char *module) {
  Py_InitializeEx(0);
  char *err = NULL;
  if (init_numpy() < 0) {
    err = take_error();
  } else {
    PyObject *mod = PyImport_ImportModule(module);
    if (mod) {
      detect_fn = PyObject_GetAttrString(mod, "detect");
      noop_fn = detect_fn ? PyObject_GetAttrString(mod, "noop") : NULL;
      Py_DECREF(mod);
    }
    if (!noop_fn)
      err = take_error();
  }
  /* Release the GIL taken by Py_InitializeEx: every call takes it again on its own thread. */
  interp = PyInterpreterState_Get();
  thread_state = PyEval_SaveThread();
  return err;
}

detect_result floor_detect(double *data, int64_t n, double threshold) {
  detect_result r = {0};
  enter();
  npy_intp dims[1] = {(npy_intp)n};
  /* A numpy array over Go's memory: no copy. Go pins the slice for the call. */
  PyObject *arr = PyArray_SimpleNewFromData(1, dims, NPY_FLOAT64, data);
  PyObject *th = arr ? PyFloat_FromDouble(threshold) : NULL;
  PyObject *res = th ? PyObject_CallFunctionObjArgs(detect_fn, arr, th, NULL) : NULL;
  Py_XDECREF(th);
  Py_XDECREF(arr);
  if (res) {
    /* The index array as contiguous int64: the same object when it already is one. */
    PyObject *idx = PyArray_FROMANY(res, NPY_INT64, 1, 1, NPY_ARRAY_CARRAY_RO);
    Py_DECREF(res);
    if (idx) {
      r.obj = idx;
      r.indices = (const int64_t *)PyArray_DATA((PyArrayObject *)idx);
      r.size = (int64_t)PyArray_SIZE((PyArrayObject *)idx);
    }
  }
  if (!r.obj)
    r.err = take_error();
  leave();
  return r;
}

char *floor_noop(void) {
  enter();
  PyObject *res = PyObject_CallNoArgs(noop_fn);
  char *err = NULL;
  if (res)
    Py_DECREF(res);
  else
    err = take_error();
  leave();
  return err;
}

void floor_release(void *obj) {
  enter();
  Py_XDECREF((PyObject *)obj);
  leave();
}
