// Package names declares Go identifiers that collide with Python: keywords (None, True),
// builtins (Ellipsis, TypeError, Exception), the names a generated module defines itself
// (Error, GoPanic), parameters named like Python keywords and builtins (lambda, from, print,
// len, self) or like the generated code's own locals, and doc text that is hard to quote.
package names

import "strings"

// None is a function named like Python's None.
func None() string { return "nothing" }

// True is a constant named like Python's True (and is false).
const True = false

// False is a typed constant named like Python's False.
const False int = 1

// Ellipsis is a variable named like a Python builtin.
var Ellipsis = "..."

// Error is named like the exception class every generated module defines.
func Error() string { return "not an exception" }

// GoPanic is named like the runtime's panic exception.
func GoPanic() string { return "no panic" }

// TypeError is named like a Python builtin exception.
func TypeError(msg string) string { return "TypeError: " + msg }

// Range returns the integers in [from, to).
func Range(from, to int) []int {
	out := []int{}
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// Apply calls lambda on x.
func Apply(lambda func(int) int, x int) int { return lambda(x) }

// Show formats its arguments; the parameters are named like Python builtins.
func Show(print bool, len int, str string) string {
	if print {
		return strings.Repeat(str, len)
	}
	return ""
}

// Shadow's parameters are named like Go's predeclared identifiers and the shim's locals.
func Shadow(string, len, C, st, err, unsafe, fmt, r0, self, res int) int {
	return string + len + C + st + err + unsafe + fmt + r0 + self + res
}

// Private's parameters start like the generated Python code's locals.
func Private(_gffi int, _glib string) string { return strings.Repeat(_glib, _gffi) }

// Pack has a parameter named args and a variadic named kwargs.
func Pack(args int, kwargs ...string) string {
	return strings.Repeat("*", args) + strings.Join(kwargs, ",")
}

// Cell has fields named like Python keywords.
type Cell struct {
	None  bool
	True  int
	Class string
}

// Print has a parameter named print.
func (c Cell) Print(print bool) string {
	if !print {
		return ""
	}
	return c.Class
}

// Set has parameters named self and lambda.
func (c *Cell) Set(self int, lambda string) {
	c.True = self
	c.Class = lambda
}

// From is a method with a keyword-like result use.
func (c Cell) From(from int) int { return from + c.True }

// Exception is a struct named like a Python builtin.
type Exception struct {
	Message string
}

// Raise returns the message (it raises nothing).
func (e Exception) Raise() string { return e.Message }

// None is a method named like Python's None: it reports whether the message is empty.
func (e Exception) None() bool { return e.Message == "" }

// Quoted returns a string full of characters that need escaping.
func Quoted() string { return "\"\"\" */ \\ \\n 안녕 $doc$ {0} %s `" }
