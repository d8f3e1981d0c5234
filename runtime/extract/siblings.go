package main

import (
	"fmt"
	"go/types"
	"sort"
	"strings"
)

// A package extracted alongside this one (`gpic extract a b -o DIR`): each is written to its
// own DIR/<name>.gpi, and a type one binds may appear in another's signatures, which then
// imports that file (`import "b.gpi"`), as a joint build (`gpic build a.gpi b.gpi`) needs.
type sibling struct {
	path       string          // the Go import path
	name       string          // the Python module name, its .gpi's package name
	bound      map[string]bool // its exported types that its .gpi declares
	goName     string          // the Go package name
	importPath string          // a .gpi gpic ships ("gpic:std/hash"); empty: the file it writes
}

// shippedStd are the standard-library .gpi files gpic ships (compiler/std_gpi.hpp): a package
// that uses their types imports them, as it would a sibling, when no sibling of the command is
// that package.
var shippedStd []*sibling

func (s *sibling) file() string {
	if s.importPath != "" {
		return s.importPath
	}
	return s.name + ".gpi"
}

// withShipped is the siblings of the command, then each shipped file of another package.
func withShipped(all []*sibling) []*sibling {
	out := append([]*sibling{}, all...)
	for _, s := range shippedStd {
		taken := false
		for _, a := range all {
			taken = taken || a.path == s.path
		}
		if !taken {
			out = append(out, s)
		}
	}
	return out
}

// imports is what one .gpi calls its siblings, and which of them it used.
type imports struct {
	local map[string]string // import path -> the name this file uses for the package
	used  map[string]*sibling
}

// newImports names every sibling for the file of package `self`, in the order they were given:
// Go's own name for the package (`os`) when no earlier sibling has taken it, else its module
// name (`htmltemplate` after text/template took `template`). The same names whichever
// declaration uses a sibling first, so the file reads the same however it is ordered.
func newImports(self string, all []*sibling) *imports {
	im := &imports{local: map[string]string{}, used: map[string]*sibling{}}
	taken := map[string]bool{}
	for _, s := range all {
		if s.path == self {
			continue
		}
		name := s.goName
		// A shipped file whose Go name another package also has (text/template and
		// html/template are both template) goes by its module's name, whichever comes first.
		if taken[name] || (s.importPath != "" && sharesGoName(self, s, all)) {
			name = s.name
		}
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", s.name, i)
		}
		taken[name] = true
		im.local[s.path] = name
	}
	return im
}

// spellSibling spells a named type of a sibling package (`os.File`), or is empty when the
// package is no sibling or does not bind the type. Another package's structs, named types,
// func types and interfaces are all bound across packages: an importing shim spells the
// types an interface's methods use by their package (targets/common/foreign_interfaces.hpp).
func (x *extractor) spellSibling(obj *types.TypeName) string {
	if x.siblings == nil {
		return ""
	}
	s, ok := x.siblingByPath[obj.Pkg().Path()]
	if !ok || !s.bound[obj.Name()] {
		return ""
	}
	x.siblings.used[s.path] = s
	return x.siblings.local[s.path] + "." + obj.Name()
}

// sharesGoName reports whether another package of `all` than s and self has s's Go name.
func sharesGoName(self string, s *sibling, all []*sibling) bool {
	for _, o := range all {
		if o != s && o.path != self && o.goName == s.goName {
			return true
		}
	}
	return false
}

// importLines writes the imports of the siblings the file used, by file name.
func (im *imports) importLines() string {
	if im == nil || len(im.used) == 0 {
		return ""
	}
	var lines []string
	for path, s := range im.used {
		line := fmt.Sprintf("%q", s.file())
		if im.local[path] != s.name {
			line = im.local[path] + " " + line
		}
		lines = append(lines, line)
	}
	sort.Slice(lines, func(i, j int) bool { return unaliased(lines[i]) < unaliased(lines[j]) })
	if len(lines) == 1 {
		return "\nimport " + lines[0] + "\n"
	}
	return "\nimport (\n\t" + strings.Join(lines, "\n\t") + "\n)\n"
}

// unaliased is an import line's file: `os "goos.gpi"` sorts as "goos.gpi".
func unaliased(line string) string { return line[strings.Index(line, `"`):] }
