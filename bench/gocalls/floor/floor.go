// Package floor is the hand-written floor of the Go -> Python benchmark, in the style of the
// article "Python and Go: Part IV - Using Python in Memory": cgo over C glue (glue.c) that wraps
// a Go []float64 in a numpy array without a copy, calls outliers.detect, and copies the index
// array back once. It is what gpic's generated package is measured against.
//
// Building needs Python's and numpy's headers and libpython in CGO_CFLAGS / CGO_LDFLAGS (cgo
// runs no commands); the benchmark harness sets them from the interpreter it measures.
package floor

/*
#include <stdlib.h>
#include "glue.h"
*/
import "C"

import (
	"errors"
	"runtime"
	"sync"
	"unsafe"
)

var (
	initOnce sync.Once
	initErr  error
)

// cError turns a malloc'd C message into a Go error and frees it.
func cError(msg *C.char) error {
	if msg == nil {
		return nil
	}
	defer C.free(unsafe.Pointer(msg))
	return errors.New(C.GoString(msg))
}

// Init starts Python once and imports module (which must define detect and noop).
func Init(module string) error {
	initOnce.Do(func() {
		cm := C.CString(module)
		defer C.free(unsafe.Pointer(cm))
		initErr = cError(C.floor_init(cm))
	})
	return initErr
}

// Detect calls module.detect(data, threshold) and returns the indices it finds.
func Detect(data []float64, threshold float64) ([]int64, error) {
	var ptr *C.double
	var pin runtime.Pinner
	if len(data) > 0 {
		pin.Pin(&data[0])
		ptr = (*C.double)(unsafe.Pointer(&data[0]))
	}
	r := C.floor_detect(ptr, C.int64_t(len(data)), C.double(threshold))
	pin.Unpin()
	if r.obj == nil {
		return nil, cError(r.err)
	}
	out := make([]int64, int(r.size))
	if r.size > 0 {
		copy(out, unsafe.Slice((*int64)(unsafe.Pointer(r.indices)), int(r.size)))
	}
	C.floor_release(r.obj)
	return out, nil
}

// Noop calls module.noop(): the call overhead alone.
func Noop() error {
	return cError(C.floor_noop())
}
