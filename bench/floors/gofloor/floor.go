// Command floor is the hand-written cgo shim behind the benchmark's floors:
// the least a binding can do to reach example.com/gpicbench from C. It is
// built twice by the harness, -buildmode=c-archive (linked into the C loop,
// the METH_FASTCALL module and the cffi modules) and -buildmode=c-shared
// (loaded by ctypes). Every export calls the same Go function a generated
// binding calls, so the difference between a contender and its floor is the
// binding's own overhead.
package main

/*
#include <stdlib.h>
#include <string.h>

// The Python callable FloorCall calls back: a C function pointer the binding sets once (the
// cffi floor passes its extern "Python" function).
typedef long long (*floor_callback)(long long);
static floor_callback floor_cb;
static void floor_set_callback(floor_callback f) { floor_cb = f; }
static long long floor_call_back(long long x) { return floor_cb(x); }
*/
import "C"

import (
	"unsafe"

	gb "example.com/gpicbench"
)

//export FloorAdd
func FloorAdd(a, b C.longlong) C.longlong { return C.longlong(gb.Add(int(a), int(b))) }

//export FloorNoop
func FloorNoop() { gb.Noop() }

// FloorConcat returns a malloc'd copy of a+b (not NUL-terminated; its
// length in *outn). The caller frees it.
//
//export FloorConcat
func FloorConcat(a *C.char, an C.size_t, b *C.char, bn C.size_t, outn *C.size_t) *C.char {
	s := gb.Concat(unsafe.String((*byte)(unsafe.Pointer(a)), int(an)),
		unsafe.String((*byte)(unsafe.Pointer(b)), int(bn)))
	p := C.malloc(C.size_t(len(s)) + 1)
	copy(unsafe.Slice((*byte)(p), len(s)), s)
	*outn = C.size_t(len(s))
	return (*C.char)(p)
}

// FloorSum reads n doubles at p in place (no copy).
//
//export FloorSum
func FloorSum(p *C.double, n C.size_t) C.double {
	if n == 0 {
		return 0
	}
	return C.double(gb.Sum(unsafe.Slice((*float64)(unsafe.Pointer(p)), int(n))))
}

// FloorSum64 hashes the n bytes at p in place (no copy): gb.Sum64 only reads them.
//
//export FloorSum64
func FloorSum64(p *C.char, n C.size_t) C.ulonglong {
	if n == 0 {
		return C.ulonglong(gb.Sum64(nil))
	}
	return C.ulonglong(gb.Sum64(unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n))))
}

// FloorInts returns a malloc'd array holding gb.Ints(n), its length in *outn.
//
//export FloorInts
func FloorInts(n C.longlong, outn *C.size_t) *C.longlong {
	r := gb.Ints(int(n))
	p := C.malloc(C.size_t(len(r)*8) + 1)
	copy(unsafe.Slice((*int)(p), len(r)), r) // int is 64-bit on every platform the harness runs on
	*outn = C.size_t(len(r))
	return (*C.longlong)(p)
}

//export FloorGetPI
func FloorGetPI(n C.longlong) C.double { return C.double(gb.GetPI(int(n))) }

// FloorSetCallback sets the C function FloorCall's Go func calls.
//
//export FloorSetCallback
func FloorSetCallback(f C.floor_callback) { C.floor_set_callback(f) }

// FloorCall is gb.Call with a Go func that calls the callback set by FloorSetCallback: the
// least a Go -> Python round trip costs (one fixed callback, no handle for the callable, no
// exception carried back).
//
//export FloorCall
func FloorCall(x C.longlong) C.longlong {
	return C.longlong(gb.Call(func(v int) int { return int(C.floor_call_back(C.longlong(v))) }, int(x)))
}

//export FloorFree
func FloorFree(p unsafe.Pointer) { C.free(p) }

func main() {}
