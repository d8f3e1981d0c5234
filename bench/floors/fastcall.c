/* The CPython floor: a hand-written METH_FASTCALL extension module calling
 * the //export functions of gofloor (linked from its c-archive). Each call
 * exists twice, holding the GIL (`add`) and releasing it around the Go call
 * (`add_nogil`), since a binding must release it unless told otherwise. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "libfloor.h"

static PyObject *two_ints(PyObject *const *args, Py_ssize_t nargs, long long *a, long long *b) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "expected 2 arguments");
    return NULL;
  }
  *a = PyLong_AsLongLong(args[0]);
  if (*a == -1 && PyErr_Occurred()) return NULL;
  *b = PyLong_AsLongLong(args[1]);
  if (*b == -1 && PyErr_Occurred()) return NULL;
  return Py_None;
}

static PyObject *add(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  long long a, b;
  if (!two_ints(args, nargs, &a, &b)) return NULL;
  return PyLong_FromLongLong(FloorAdd(a, b));
}

static PyObject *add_nogil(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  long long a, b, r;
  if (!two_ints(args, nargs, &a, &b)) return NULL;
  Py_BEGIN_ALLOW_THREADS
  r = FloorAdd(a, b);
  Py_END_ALLOW_THREADS
  return PyLong_FromLongLong(r);
}

static PyObject *noop(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  FloorNoop();
  Py_RETURN_NONE;
}

static PyObject *noop_nogil(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  Py_BEGIN_ALLOW_THREADS
  FloorNoop();
  Py_END_ALLOW_THREADS
  Py_RETURN_NONE;
}

static PyObject *concat_impl(PyObject *const *args, Py_ssize_t nargs, int nogil) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "expected 2 arguments");
    return NULL;
  }
  Py_ssize_t an, bn;
  const char *a = PyUnicode_AsUTF8AndSize(args[0], &an);
  if (!a) return NULL;
  const char *b = PyUnicode_AsUTF8AndSize(args[1], &bn);
  if (!b) return NULL;
  size_t n;
  char *p;
  if (nogil) {
    Py_BEGIN_ALLOW_THREADS
    p = FloorConcat((char *)a, (size_t)an, (char *)b, (size_t)bn, &n);
    Py_END_ALLOW_THREADS
  } else {
    p = FloorConcat((char *)a, (size_t)an, (char *)b, (size_t)bn, &n);
  }
  PyObject *r = PyUnicode_DecodeUTF8(p, (Py_ssize_t)n, "surrogateescape");
  free(p);
  return r;
}

static PyObject *concat(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return concat_impl(args, nargs, 0);
}

static PyObject *concat_nogil(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return concat_impl(args, nargs, 1);
}

/* sum(buffer of doubles) in place, or sum(list of floats) through one
 * temporary C array: the least a binding can do for a list argument. */
static PyObject *sum_impl(PyObject *const *args, Py_ssize_t nargs, int nogil) {
  if (nargs != 1) {
    PyErr_SetString(PyExc_TypeError, "expected 1 argument");
    return NULL;
  }
  double r;
  if (PyObject_CheckBuffer(args[0])) {
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) return NULL;
    if (view.itemsize != 8 || !view.format || strcmp(view.format, "d") != 0) {
      PyBuffer_Release(&view);
      PyErr_SetString(PyExc_TypeError, "expected a buffer of float64");
      return NULL;
    }
    size_t n = (size_t)(view.len / 8);
    if (nogil) {
      Py_BEGIN_ALLOW_THREADS
      r = FloorSum((double *)view.buf, n);
      Py_END_ALLOW_THREADS
    } else {
      r = FloorSum((double *)view.buf, n);
    }
    PyBuffer_Release(&view);
  } else {
    PyObject *seq = PySequence_Fast(args[0], "expected a sequence of floats");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    double *tmp = PyMem_Malloc(sizeof(double) * (n ? n : 1));
    if (!tmp) {
      Py_DECREF(seq);
      return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
      double v = PyFloat_AsDouble(items[i]);
      if (v == -1.0 && PyErr_Occurred()) {
        PyMem_Free(tmp);
        Py_DECREF(seq);
        return NULL;
      }
      tmp[i] = v;
    }
    Py_DECREF(seq);
    if (nogil) {
      Py_BEGIN_ALLOW_THREADS
      r = FloorSum(tmp, (size_t)n);
      Py_END_ALLOW_THREADS
    } else {
      r = FloorSum(tmp, (size_t)n);
    }
    PyMem_Free(tmp);
  }
  return PyFloat_FromDouble(r);
}

static PyObject *sum(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return sum_impl(args, nargs, 0);
}

static PyObject *sum_nogil(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return sum_impl(args, nargs, 1);
}

/* sum64(bytes-like): the buffer is read in place, whether it is bytes or
 * bytearray (PyBUF_SIMPLE asks for no more than contiguous bytes). */
static PyObject *sum64_impl(PyObject *const *args, Py_ssize_t nargs, int nogil) {
  if (nargs != 1) {
    PyErr_SetString(PyExc_TypeError, "expected 1 argument");
    return NULL;
  }
  Py_buffer view;
  if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) return NULL;
  unsigned long long r;
  if (nogil) {
    Py_BEGIN_ALLOW_THREADS
    r = FloorSum64((char *)view.buf, (size_t)view.len);
    Py_END_ALLOW_THREADS
  } else {
    r = FloorSum64((char *)view.buf, (size_t)view.len);
  }
  PyBuffer_Release(&view);
  return PyLong_FromUnsignedLongLong(r);
}

static PyObject *sum64(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return sum64_impl(args, nargs, 0);
}

static PyObject *sum64_nogil(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return sum64_impl(args, nargs, 1);
}

static PyObject *ints_impl(PyObject *const *args, Py_ssize_t nargs, int nogil) {
  if (nargs != 1) {
    PyErr_SetString(PyExc_TypeError, "expected 1 argument");
    return NULL;
  }
  long long k = PyLong_AsLongLong(args[0]);
  if (k == -1 && PyErr_Occurred()) return NULL;
  size_t n;
  long long *p;
  if (nogil) {
    Py_BEGIN_ALLOW_THREADS
    p = FloorInts(k, &n);
    Py_END_ALLOW_THREADS
  } else {
    p = FloorInts(k, &n);
  }
  PyObject *list = PyList_New((Py_ssize_t)n);
  if (list) {
    for (size_t i = 0; i < n; i++) {
      PyObject *v = PyLong_FromLongLong(p[i]);
      if (!v) {
        Py_CLEAR(list);
        break;
      }
      PyList_SET_ITEM(list, (Py_ssize_t)i, v);
    }
  }
  free(p);
  return list;
}

static PyObject *ints(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return ints_impl(args, nargs, 0);
}

static PyObject *ints_nogil(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return ints_impl(args, nargs, 1);
}

static PyObject *getpi(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 1) {
    PyErr_SetString(PyExc_TypeError, "expected 1 argument");
    return NULL;
  }
  long long n = PyLong_AsLongLong(args[0]);
  if (n == -1 && PyErr_Occurred()) return NULL;
  double r;
  Py_BEGIN_ALLOW_THREADS
  r = FloorGetPI(n);
  Py_END_ALLOW_THREADS
  return PyFloat_FromDouble(r);
}

#define FC(name) {#name, (PyCFunction)(void (*)(void))name, METH_FASTCALL, NULL}
static PyMethodDef methods[] = {
    FC(add),    FC(add_nogil), FC(noop), FC(noop_nogil), FC(concat), FC(concat_nogil),
    FC(sum),    FC(sum_nogil), FC(sum64), FC(sum64_nogil), FC(ints), FC(ints_nogil), FC(getpi),
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moddef = {PyModuleDef_HEAD_INIT, "floor_fastcall", NULL, -1, methods};

PyMODINIT_FUNC PyInit_floor_fastcall(void) { return PyModule_Create(&moddef); }
