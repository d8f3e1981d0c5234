package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// listedPackage is the part of `go list -json` the helper reads.
type listedPackage struct {
	ImportPath string
	Name       string
	Dir        string
	DepOnly    bool
	GoFiles    []string
	CgoFiles   []string
	Export     string
	ImportMap  map[string]string
	Module     *struct{ Path, Version string }
	Error      *struct{ Err string }
}

// loaded is a type-checked package with its syntax, for go/doc.
type loaded struct {
	listed *listedPackage
	fset   *token.FileSet
	files  []*ast.File
	pkg    *types.Package
}

// load asks the go command (in dir, whose go.mod decides versions) for the package and the
// export data of its dependencies, then type-checks the package from source: go/types needs
// no module beyond the standard library, and the go command does the resolving.
func load(dir, path string) (*loaded, error) {
	cmd := exec.Command("go", "list", "-e", "-json", "-deps", "-export", "--", path)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %v\n%s", path, err, stderr.String())
	}
	exports := map[string]string{}
	var target *listedPackage
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		p := new(listedPackage)
		if err := dec.Decode(p); err != nil {
			return nil, fmt.Errorf("reading go list's output: %v", err)
		}
		exports[p.ImportPath] = p.Export
		if !p.DepOnly {
			target = p
		}
	}
	if target == nil {
		return nil, fmt.Errorf("go list found no package %s", path)
	}
	if target.Error != nil {
		return nil, fmt.Errorf("%s", strings.TrimSpace(target.Error.Err))
	}

	l := &loaded{listed: target, fset: token.NewFileSet()}
	for _, name := range append(append([]string{}, target.GoFiles...), target.CgoFiles...) {
		f, err := parser.ParseFile(l.fset, filepath.Join(target.Dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		l.files = append(l.files, f)
	}
	lookup := func(imp string) (io.ReadCloser, error) {
		if mapped, ok := target.ImportMap[imp]; ok {
			imp = mapped
		}
		if exports[imp] == "" {
			return nil, fmt.Errorf("no export data for %s", imp)
		}
		return os.Open(exports[imp])
	}
	var errs []string
	conf := types.Config{
		Importer:    importer.ForCompiler(l.fset, "gc", lookup),
		FakeImportC: true,
		Error:       func(err error) { errs = append(errs, err.Error()) },
	}
	l.pkg, _ = conf.Check(target.ImportPath, l.fset, l.files, nil)
	if len(errs) > 0 {
		return nil, fmt.Errorf("type-checking %s:\n%s", path, strings.Join(errs, "\n"))
	}
	return l, nil
}
