// Package kitchen is gpic's conformance sample: at least one declaration for every construct
// of the .gpi language (structs, methods, slices, arrays, maps, pointers, named types, enums,
// interfaces both ways, callbacks, variadics, errors and panics), so that the end-to-end suite
// can check what Python sees for each one. Every function is small and deterministic.
package kitchen

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// ---------------------------------------------------------------------------------------------
// Constants and variables

// Version of the sample.
const Version = "1.0"

// MaxWorkers bounds the goroutines ParallelMap starts.
const MaxWorkers int = 64

// Sizes: an untyped constant group driven by iota.
const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

// Motto is a package variable of type string.
var Motto = "Go fast, stay safe"

// Calls counts the callbacks ParallelMap made (read and written from Python).
var Calls int

// Names is a package variable of a non-scalar type.
var Names = []string{"alpha", "beta"}

// ---------------------------------------------------------------------------------------------
// Structs

// Point is a point in the plane with an optional label.
type Point struct {
	X, Y  float64
	Label string
}

// NewPoint is a constructor function returning a pointer.
func NewPoint(x, y float64, label string) *Point { return &Point{X: x, Y: y, Label: label} }

// Origin returns a struct value.
func Origin() Point { return Point{Label: "origin"} }

// Dist has a value receiver and a struct-valued parameter.
func (p Point) Dist(q Point) float64 { return math.Hypot(p.X-q.X, p.Y-q.Y) }

// Move has a pointer receiver and changes the point.
func (p *Point) Move(dx, dy float64) {
	p.X += dx
	p.Y += dy
}

// Scaled returns a new point; the receiver is unchanged.
func (p Point) Scaled(f float64) Point { return Point{X: p.X * f, Y: p.Y * f, Label: p.Label} }

// Self returns the receiver itself: a second handle to the same Go object.
func (p *Point) Self() *Point { return p }

// String formats the point; Python's str() uses it.
func (p Point) String() string {
	name := p.Label
	if name == "" {
		name = "Point"
	}
	return fmt.Sprintf("%s(%g, %g)", name, p.X, p.Y)
}

// Midpoint takes and returns struct values.
func Midpoint(a, b Point) Point { return Point{X: (a.X + b.X) / 2, Y: (a.Y + b.Y) / 2, Label: "mid"} }

// Translate moves the point its pointer parameter points to.
func Translate(p *Point, dx, dy float64) { p.Move(dx, dy) }

// Clone returns a new Go object equal in value to *p.
func Clone(p *Point) *Point {
	c := *p
	return &c
}

// IsNil reports whether the pointer is nil.
func IsNil(p *Point) bool { return p == nil }

var shared = &Point{X: 1, Y: 1, Label: "shared"}

// Shared returns the same Go object on every call.
func Shared() *Point { return shared }

// MoveAll moves every point of a slice of pointers.
func MoveAll(pts []*Point, dx, dy float64) {
	for _, p := range pts {
		p.Move(dx, dy)
	}
}

// Centroid is variadic over struct values.
func Centroid(pts ...Point) Point {
	var c Point
	if len(pts) == 0 {
		return c
	}
	for _, p := range pts {
		c.X += p.X
		c.Y += p.Y
	}
	c.X /= float64(len(pts))
	c.Y /= float64(len(pts))
	c.Label = "centroid"
	return c
}

// Grid returns a slice of struct values.
func Grid(n int) []Point {
	pts := make([]Point, 0, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			pts = append(pts, Point{X: float64(i), Y: float64(j)})
		}
	}
	return pts
}

// Check returns a plain error.
func Check(p Point) error {
	if math.IsNaN(p.X) || math.IsNaN(p.Y) {
		return fmt.Errorf("point %q has a NaN coordinate", p.Label)
	}
	return nil
}

// Line is two points, nested by value.
type Line struct {
	Start, End Point
}

// NewLine returns a struct value holding struct values.
func NewLine(a, b Point) Line { return Line{Start: a, End: b} }

// Length has a value receiver.
func (l Line) Length() float64 { return l.Start.Dist(l.End) }

// Reverse has a pointer receiver and swaps the ends.
func (l *Line) Reverse() { l.Start, l.End = l.End, l.Start }

// Node is a linked list: a struct with a pointer field.
type Node struct {
	Name  string
	Value int
	Next  *Node
}

// Chain builds a list of nodes holding values.
func Chain(values ...int) *Node {
	var head *Node
	for i := len(values) - 1; i >= 0; i-- {
		head = &Node{Name: fmt.Sprintf("n%d", i), Value: values[i], Next: head}
	}
	return head
}

// Len counts the nodes; a nil list has length 0.
func (n *Node) Len() int {
	c := 0
	for ; n != nil; n = n.Next {
		c++
	}
	return c
}

// Sum adds the values of the list.
func (n *Node) Sum() int {
	s := 0
	for ; n != nil; n = n.Next {
		s += n.Value
	}
	return s
}

// Bag holds slice, map, array, enum, named-type and interface fields.
type Bag struct {
	Items   []string
	Weights []float64
	Counts  map[string]int
	Grid    [][]int
	Corner  [2]float64
	Raw     []byte
	Tint    Color
	Temps   Temps
	Shape   Shape
}

// Add appends an item and its weight and counts it.
func (b *Bag) Add(item string, weight float64) {
	b.Items = append(b.Items, item)
	b.Weights = append(b.Weights, weight)
	if b.Counts == nil {
		b.Counts = map[string]int{}
	}
	b.Counts[item]++
}

// Total adds the weights.
func (b Bag) Total() float64 {
	t := 0.0
	for _, w := range b.Weights {
		t += w
	}
	return t
}

// Pick returns the i-th item; it panics when i is out of range.
func (b *Bag) Pick(i int) string { return b.Items[i] }

// ColoredPoint embeds a Point.
type ColoredPoint struct {
	Point
	Tint Color
}

// Describe uses the embedded point's promoted fields.
func (c ColoredPoint) Describe() string {
	return fmt.Sprintf("%s at (%g, %g)", ColorName(c.Tint), c.X, c.Y)
}

// ---------------------------------------------------------------------------------------------
// Slices and arrays of every scalar type

func EchoBools(xs []bool) []bool                { return append([]bool(nil), xs...) }
func EchoInts(xs []int) []int                   { return append([]int(nil), xs...) }
func EchoInt8s(xs []int8) []int8                { return append([]int8(nil), xs...) }
func EchoInt16s(xs []int16) []int16             { return append([]int16(nil), xs...) }
func EchoInt32s(xs []int32) []int32             { return append([]int32(nil), xs...) }
func EchoInt64s(xs []int64) []int64             { return append([]int64(nil), xs...) }
func EchoUints(xs []uint) []uint                { return append([]uint(nil), xs...) }
func EchoUint8s(xs []uint8) []uint8             { return append([]uint8(nil), xs...) }
func EchoUint16s(xs []uint16) []uint16          { return append([]uint16(nil), xs...) }
func EchoUint32s(xs []uint32) []uint32          { return append([]uint32(nil), xs...) }
func EchoUint64s(xs []uint64) []uint64          { return append([]uint64(nil), xs...) }
func EchoUintptrs(xs []uintptr) []uintptr       { return append([]uintptr(nil), xs...) }
func EchoFloat32s(xs []float32) []float32       { return append([]float32(nil), xs...) }
func EchoFloat64s(xs []float64) []float64       { return append([]float64(nil), xs...) }
func EchoComplex64s(xs []complex64) []complex64 { return append([]complex64(nil), xs...) }
func EchoComplex128s(xs []complex128) []complex128 {
	return append([]complex128(nil), xs...)
}
func EchoStrings(xs []string) []string { return append([]string(nil), xs...) }
func EchoBytes(xs []byte) []byte       { return append([]byte(nil), xs...) }
func EchoRunes(xs []rune) []rune       { return append([]rune(nil), xs...) }

// Doubling in place: Go writes into the caller's buffer.

func DoubleInts(xs []int) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleInt8s(xs []int8) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleInt16s(xs []int16) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleInt32s(xs []int32) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleInt64s(xs []int64) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleUints(xs []uint) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleUint8s(xs []uint8) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleUint16s(xs []uint16) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleUint32s(xs []uint32) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleUint64s(xs []uint64) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleFloat32s(xs []float32) {
	for i := range xs {
		xs[i] *= 2
	}
}
func DoubleFloat64s(xs []float64) {
	for i := range xs {
		xs[i] *= 2
	}
}

// SortFloat64s sorts its argument in place, like sort.Float64s.
func SortFloat64s(xs []float64) { sort.Float64s(xs) }

// SumFloat64s reads its argument.
func SumFloat64s(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// SumInt32s reads its argument.
func SumInt32s(xs []int32) int64 {
	var s int64
	for _, x := range xs {
		s += int64(x)
	}
	return s
}

// Upper upper-cases ASCII letters of b in place.
func Upper(b []byte) {
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
}

// Checksum reads b.
func Checksum(b []byte) uint32 {
	var s uint32
	for _, c := range b {
		s = s*31 + uint32(c)
	}
	return s
}

// The address of the first element Go sees: equal to the caller's buffer address when the
// slice was passed without a copy.

func AddrFloat64s(xs []float64) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(xs))) }
func AddrInts(xs []int) uintptr         { return uintptr(unsafe.Pointer(unsafe.SliceData(xs))) }
func AddrInt32s(xs []int32) uintptr     { return uintptr(unsafe.Pointer(unsafe.SliceData(xs))) }
func AddrBytes(b []byte) uintptr        { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

// Ramp returns 0, 1, ..., n-1 as float64: a large numeric result.
func Ramp(n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i)
	}
	return xs
}

// Repeat returns n copies of b.
func Repeat(b []byte, n int) []byte { return []byte(strings.Repeat(string(b), n)) }

// Words splits s on white space.
func Words(s string) []string { return strings.Fields(s) }

// JoinWords joins words with sep.
func JoinWords(words []string, sep string) string { return strings.Join(words, sep) }

// Transpose transposes a rectangular matrix; it returns an error for a ragged one.
func Transpose(m [][]int) ([][]int, error) {
	if len(m) == 0 {
		return [][]int{}, nil
	}
	cols := len(m[0])
	for i, row := range m {
		if len(row) != cols {
			return nil, fmt.Errorf("row %d has %d columns, want %d", i, len(row), cols)
		}
	}
	t := make([][]int, cols)
	for j := range t {
		t[j] = make([]int, len(m))
		for i := range m {
			t[j][i] = m[i][j]
		}
	}
	return t, nil
}

// Cross is the cross product of two 3-vectors (arrays by value).
func Cross(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

// Identity3 returns the 3x3 identity matrix, an array of arrays.
func Identity3() [3][3]float64 { return [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}} }

// BigEndian returns the 4 bytes of x, most significant first.
func BigEndian(x uint32) [4]byte { return [4]byte{byte(x >> 24), byte(x >> 16), byte(x >> 8), byte(x)} }

// SumArray sums a fixed-size int array.
func SumArray(xs [4]int) int { return xs[0] + xs[1] + xs[2] + xs[3] }

// Labels returns the labels of points passed as a slice of struct values.
func Labels(pts []Point) []string {
	out := make([]string, len(pts))
	for i, p := range pts {
		out[i] = p.Label
	}
	return out
}

// ---------------------------------------------------------------------------------------------
// Maps

// Histogram counts words.
func Histogram(words []string) map[string]int {
	m := map[string]int{}
	for _, w := range words {
		m[w]++
	}
	return m
}

// Invert swaps keys and values.
func Invert(m map[string]int) map[int]string {
	out := make(map[int]string, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}

// Means averages each list.
func Means(m map[string][]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, xs := range m {
		if len(xs) > 0 {
			out[k] = SumFloat64s(xs) / float64(len(xs))
		}
	}
	return out
}

// GroupByLength groups words by their length in bytes.
func GroupByLength(words []string) map[int][]string {
	out := map[int][]string{}
	for _, w := range words {
		out[len(w)] = append(out[len(w)], w)
	}
	return out
}

// EchoMapBoolFloat32 returns a copy of a map[bool]float32.
func EchoMapBoolFloat32(m map[bool]float32) map[bool]float32 {
	out := make(map[bool]float32, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// EchoMapInt64Bytes returns a copy of a map[int64][]byte.
func EchoMapInt64Bytes(m map[int64][]byte) map[int64][]byte {
	out := make(map[int64][]byte, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// EchoMapFloat64Bool returns a copy of a map with float keys.
func EchoMapFloat64Bool(m map[float64]bool) map[float64]bool {
	out := make(map[float64]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// NamedPoints maps each point's label to the point.
func NamedPoints(pts []Point) map[string]Point {
	out := make(map[string]Point, len(pts))
	for _, p := range pts {
		out[p.Label] = p
	}
	return out
}

// Cells names the cells of an n x n board: keys are arrays.
func Cells(n int) map[[2]int]string {
	out := map[[2]int]string{}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			out[[2]int{i, j}] = fmt.Sprintf("%c%d", 'a'+i, j+1)
		}
	}
	return out
}

// Nest sums the inner maps of a map of maps.
func Nest(m map[string]map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, inner := range m {
		sum := 0
		for _, v := range inner {
			sum += v
		}
		out[k] = sum
	}
	return out
}

// ColorNames maps each color to its name: enum keys.
func ColorNames() map[Color]string {
	return map[Color]string{Red: "red", Green: "green", Blue: "blue"}
}

// ---------------------------------------------------------------------------------------------
// Pointers to non-struct types

// Index returns a pointer to the index of x in xs, or nil.
func Index(xs []int, x int) *int {
	for i, v := range xs {
		if v == x {
			return &i
		}
	}
	return nil
}

// OrDefault returns *p, or def when p is nil.
func OrDefault(p *string, def string) string {
	if p == nil {
		return def
	}
	return *p
}

// ---------------------------------------------------------------------------------------------
// Named types

// Celsius is a temperature, a named float64 without methods.
type Celsius float64

// Fahrenheit is a temperature, a named float64 without methods.
type Fahrenheit float64

// CToF converts.
func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

// Degrees is an alias of float64.
type Degrees = float64

// Radians converts degrees.
func Radians(d Degrees) float64 { return d * math.Pi / 180 }

// Name is a named string.
type Name string

// Greet greets a name.
func Greet(n Name) string { return "hello, " + string(n) }

// Color is an enumeration.
type Color int

// The colors.
const (
	Red Color = iota
	Green
	Blue
)

// ColorName names a color.
func ColorName(c Color) string {
	switch c {
	case Red:
		return "red"
	case Green:
		return "green"
	case Blue:
		return "blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

// ParseColor parses a color name.
func ParseColor(s string) (Color, error) {
	switch strings.ToLower(s) {
	case "red":
		return Red, nil
	case "green":
		return Green, nil
	case "blue":
		return Blue, nil
	}
	return 0, fmt.Errorf("unknown color %q", s)
}

// Next returns the next color, cyclically.
func Next(c Color) Color { return (c + 1) % 3 }

// Wild returns a Color outside the declared constants.
func Wild() Color { return 42 }

// AllColors returns the declared colors in order.
func AllColors() []Color { return []Color{Red, Green, Blue} }

// Temps is a named slice type with methods.
type Temps []float64

// Max is the highest temperature; 0 for none.
func (t Temps) Max() float64 {
	if len(t) == 0 {
		return 0
	}
	m := t[0]
	for _, x := range t[1:] {
		m = math.Max(m, x)
	}
	return m
}

// Mean is the average; an error for none.
func (t Temps) Mean() (float64, error) {
	if len(t) == 0 {
		return 0, errors.New("no temperatures")
	}
	return SumFloat64s(t) / float64(len(t)), nil
}

// Append adds a temperature (pointer receiver on a slice type).
func (t *Temps) Append(x float64) { *t = append(*t, x) }

// Values returns the temperatures.
func (t Temps) Values() []float64 { return append([]float64(nil), t...) }

// Warmer returns the temperatures raised by d.
func Warmer(t Temps, d float64) Temps {
	out := make(Temps, len(t))
	for i, x := range t {
		out[i] = x + d
	}
	return out
}

// Inventory is a named map type with methods.
type Inventory map[string]int

// Total adds the counts.
func (inv Inventory) Total() int {
	t := 0
	for _, n := range inv {
		t += n
	}
	return t
}

// Put sets a count (maps are references: a value receiver writes through).
func (inv Inventory) Put(item string, n int) { inv[item] = n }

// Count reads a count.
func (inv Inventory) Count(item string) int { return inv[item] }

// Meters is a named float64 with a method.
type Meters float64

// Feet converts.
func (m Meters) Feet() float64 { return float64(m) * 3.28084 }

// ---------------------------------------------------------------------------------------------
// Interfaces

// Shape is something with an area and a name.
type Shape interface {
	Area() float64
	Name() string
}

// Rect is a rectangle, a bound implementation of Shape.
type Rect struct {
	W, H float64
}

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

// Circle is a circle, a bound implementation of Shape.
type Circle struct {
	R float64
}

func (c Circle) Area() float64 { return math.Pi * c.R * c.R }
func (c Circle) Name() string  { return "circle" }

type triangle struct{ a, b, c float64 }

func (t triangle) Area() float64 {
	s := (t.a + t.b + t.c) / 2
	return math.Sqrt(s * (s - t.a) * (s - t.b) * (s - t.c))
}
func (t triangle) Name() string { return "triangle" }

// NewRect returns a Rect as a Shape.
func NewRect(w, h float64) Shape { return Rect{W: w, H: h} }

// Triangle returns a Shape whose Go type is not bound.
func Triangle(a, b, c float64) Shape { return triangle{a, b, c} }

// NoShape returns a nil interface.
func NoShape() Shape { return nil }

// Describe calls both methods of s.
func Describe(s Shape) string { return fmt.Sprintf("%s with area %.2f", s.Name(), s.Area()) }

// Keep returns its argument.
func Keep(s Shape) Shape { return s }

// Largest returns the shape with the largest area; an error for none.
func Largest(shapes []Shape) (Shape, error) {
	if len(shapes) == 0 {
		return nil, errors.New("no shapes")
	}
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best, nil
}

// TotalArea is variadic over an interface.
func TotalArea(shapes ...Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

// AreasConcurrently calls Area of every shape, each from its own goroutine.
func AreasConcurrently(shapes []Shape) []float64 {
	out := make([]float64, len(shapes))
	var wg sync.WaitGroup
	for i, s := range shapes {
		wg.Add(1)
		go func(i int, s Shape) {
			defer wg.Done()
			out[i] = s.Area()
		}(i, s)
	}
	wg.Wait()
	return out
}

// Solid embeds Shape.
type Solid interface {
	Shape
	Volume() float64
}

// Cube is a bound Solid.
type Cube struct {
	Side float64
}

func (c Cube) Area() float64   { return 6 * c.Side * c.Side }
func (c Cube) Name() string    { return "cube" }
func (c Cube) Volume() float64 { return c.Side * c.Side * c.Side }

// Density divides mass by the solid's volume.
func Density(s Solid, mass float64) float64 { return mass / s.Volume() }

// Validator is an interface whose method returns an error.
type Validator interface {
	Validate(value string) error
}

// MinLength is a bound Validator.
type MinLength struct {
	N int
}

func (m MinLength) Validate(value string) error {
	if len(value) < m.N {
		return fmt.Errorf("%q is shorter than %d", value, m.N)
	}
	return nil
}

// CheckAll validates values in order; it returns how many passed before the first failure.
func CheckAll(v Validator, values []string) (int, error) {
	for i, s := range values {
		if err := v.Validate(s); err != nil {
			return i, fmt.Errorf("value %d: %w", i, err)
		}
	}
	return len(values), nil
}

// Store is a key-value store interface with several result kinds.
type Store interface {
	Get(key string) ([]byte, bool)
	Put(key string, value []byte) error
	Keys() []string
}

// CopyStore copies every key of src into dst.
func CopyStore(dst, src Store) (int, error) {
	n := 0
	for _, k := range src.Keys() {
		v, ok := src.Get(k)
		if !ok {
			return n, fmt.Errorf("key %q vanished", k)
		}
		if err := dst.Put(k, v); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// MemStore is a bound Store.
type MemStore struct {
	Data map[string][]byte
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{Data: map[string][]byte{}} }

func (m *MemStore) Get(key string) ([]byte, bool) {
	v, ok := m.Data[key]
	return v, ok
}

func (m *MemStore) Put(key string, value []byte) error {
	if key == "" {
		return errors.New("empty key")
	}
	m.Data[key] = value
	return nil
}

func (m *MemStore) Keys() []string {
	keys := make([]string, 0, len(m.Data))
	for k := range m.Data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Listener receives events; Go keeps listeners between calls.
type Listener interface {
	Notify(event string, n int)
}

var (
	listenersMu sync.Mutex
	listeners   = map[int]Listener{}
	nextID      int
)

// Subscribe keeps l until Unsubscribe and returns its id.
func Subscribe(l Listener) int {
	listenersMu.Lock()
	defer listenersMu.Unlock()
	nextID++
	listeners[nextID] = l
	return nextID
}

// Unsubscribe forgets a listener; it reports whether the id was known.
func Unsubscribe(id int) bool {
	listenersMu.Lock()
	defer listenersMu.Unlock()
	_, ok := listeners[id]
	delete(listeners, id)
	return ok
}

// Publish notifies every listener n times, each listener from its own goroutine, and waits.
func Publish(event string, n int) int {
	listenersMu.Lock()
	ls := make([]Listener, 0, len(listeners))
	for _, l := range listeners {
		ls = append(ls, l)
	}
	listenersMu.Unlock()
	var wg sync.WaitGroup
	for _, l := range ls {
		wg.Add(1)
		go func(l Listener) {
			defer wg.Done()
			for i := 0; i < n; i++ {
				l.Notify(event, i)
			}
		}(l)
	}
	wg.Wait()
	return len(ls)
}

// ---------------------------------------------------------------------------------------------
// Func parameters (callbacks)

// Map applies f to every element, on the calling goroutine.
func Map(xs []float64, f func(float64) float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// Reduce folds xs with f.
func Reduce(xs []int, init int, f func(acc, x int) int) int {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

// Compose applies f, then g: two callbacks in one call.
func Compose(x int, f, g func(int) int) int { return g(f(x)) }

// Apply returns f(x), or x when f is nil.
func Apply(x int, f func(int) int) int {
	if f == nil {
		return x
	}
	return f(x)
}

// Walk calls visit for each item until it returns false; it returns how many were visited.
func Walk(items []string, visit func(index int, item string) bool) int {
	n := 0
	for i, s := range items {
		n++
		if !visit(i, s) {
			break
		}
	}
	return n
}

// SortBy sorts a copy of words with a Python comparison.
func SortBy(words []string, less func(a, b string) bool) []string {
	out := append([]string(nil), words...)
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}

// TransformPoints maps points through f (struct values cross in both directions).
func TransformPoints(pts []Point, f func(p Point) Point) []Point {
	out := make([]Point, len(pts))
	for i, p := range pts {
		out[i] = f(p)
	}
	return out
}

// TryEach calls f for each item and stops at the first error.
func TryEach(items []string, f func(item string) error) (int, error) {
	for i, s := range items {
		if err := f(s); err != nil {
			return i, fmt.Errorf("item %d: %w", i, err)
		}
	}
	return len(items), nil
}

// Lookup asks f for a value and whether it exists (a callback with two results).
func Lookup(keys []string, f func(key string) (int, bool)) map[string]int {
	out := map[string]int{}
	for _, k := range keys {
		if v, ok := f(k); ok {
			out[k] = v
		}
	}
	return out
}

// Everything passes one value of many kinds to f and returns what f returns.
func Everything(f func(b bool, i8 int8, u64 uint64, f32 float32, c complex128, s string, raw []byte,
	xs []float64, m map[string]int, p *Point, v Point, c2 Color, sh Shape) string) string {
	return f(true, -8, 1<<63, 0.5, 1+2i, "안녕", []byte{0, 1, 255}, []float64{1.5, 2.5},
		map[string]int{"a": 1}, &Point{X: 1, Y: 2, Label: "p"}, Point{X: 3, Y: 4, Label: "v"}, Blue,
		Rect{W: 2, H: 3})
}

// ParallelMap calls f for every element from `workers` goroutines at once.
func ParallelMap(xs []int, workers int, f func(x int) int) []int {
	if workers < 1 {
		workers = 1
	}
	if workers > MaxWorkers {
		workers = MaxWorkers
	}
	out := make([]int, len(xs))
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(xs) {
					return
				}
				out[i] = f(xs[i])
				mu.Lock()
				Calls++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return out
}

// Background calls f(0) ... f(n-1) from a new goroutine and returns at once.
func Background(n int, f func(i int)) {
	go func() {
		for i := 0; i < n; i++ {
			f(i)
		}
	}()
}

// Button keeps a callback between calls.
type Button struct {
	Label  string
	clicks int
	click  func(clicks int) string
}

// NewButton returns a button without a handler.
func NewButton(label string) *Button { return &Button{Label: label} }

// OnClick sets the handler.
func (b *Button) OnClick(f func(clicks int) string) { b.click = f }

// Click counts a click and calls the handler, if any.
func (b *Button) Click() string {
	b.clicks++
	if b.click == nil {
		return ""
	}
	return b.click(b.clicks)
}

// Visit calls f with p itself (the same Go object Python passed in).
func Visit(p *Point, f func(q *Point) bool) bool { return f(p) }

// Sleep blocks the calling goroutine for ms milliseconds.
func Sleep(ms int) { time.Sleep(time.Duration(ms) * time.Millisecond) }

// ---------------------------------------------------------------------------------------------
// Variadics and multiple results

// Sum adds its arguments.
func Sum(xs ...float64) float64 { return SumFloat64s(xs) }

// Join joins parts with sep.
func Join(sep string, parts ...string) string { return strings.Join(parts, sep) }

// MaxOf returns the largest of its arguments.
func MaxOf(first int, rest ...int) int {
	m := first
	for _, x := range rest {
		if x > m {
			m = x
		}
	}
	return m
}

// MinMax returns the smallest and the largest element; an error for none.
func MinMax(xs []float64) (lo, hi float64, err error) {
	if len(xs) == 0 {
		return 0, 0, errors.New("empty input")
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi, nil
}

// Split returns a point's parts.
func Split(p Point) (float64, float64, string) { return p.X, p.Y, p.Label }

// Pair returns a struct value and a pointer.
func Pair(x, y float64) (Point, *Point) { return Point{X: x, Y: y}, &Point{X: y, Y: x} }

// ---------------------------------------------------------------------------------------------
// Panics

// Boom panics with msg.
func Boom(msg string) { panic(msg) }
