"""Build the cffi API-mode floor module `floor_cffi` for the interpreter that runs this script.

Usage: INTERP cffi_build.py OUTDIR LIBDIR  (LIBDIR holds gofloor's libfloor.a and libfloor.h)
The module calls gofloor's //export functions directly; bench/harness/adapters.py
holds the few lines of Python a hand-written binding would add around them.
"""
import os
import sys

import cffi

CDEF = """
long long FloorAdd(long long a, long long b);
void FloorNoop(void);
char *FloorConcat(char *a, size_t an, char *b, size_t bn, size_t *outn);
double FloorSum(double *p, size_t n);
unsigned long long FloorSum64(char *p, size_t n);
long long *FloorInts(long long n, size_t *outn);
double FloorGetPI(long long n);
void FloorSetCallback(long long (*f)(long long));
long long FloorCall(long long x);
extern "Python" long long floor_py_callback(long long);
void free(void *p);
"""


def main():
    outdir, libdir = (os.path.abspath(p) for p in sys.argv[1:3])
    ffi = cffi.FFI()
    ffi.cdef(CDEF)
    ffi.set_source(
        "floor_cffi",
        '#include <stdlib.h>\n#include "libfloor.h"\n',
        include_dirs=[libdir],
        extra_objects=[os.path.join(libdir, "libfloor.a")],
        libraries=["pthread"],
        extra_compile_args=["-O2"],
    )
    os.makedirs(outdir, exist_ok=True)
    ffi.compile(tmpdir=outdir, verbose=False)


if __name__ == "__main__":
    main()
