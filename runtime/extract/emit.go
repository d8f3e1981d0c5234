package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/doc"
	"go/types"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// extractor writes one package's .gpi.
type extractor struct {
	pkg   *types.Package
	bound map[string]bool // this package's type names that the .gpi declares
	// known holds every name a doc link may point at ("Parse", "UUID.String"); nil while the
	// first pass collects it.
	known     map[string]bool
	collected map[string]bool
	out       *strings.Builder
	nBound    int
	nComment  int
	// The packages extracted alongside and the standard-library files gpic ships, by import
	// path, and what this file calls them.
	siblingByPath map[string]*sibling
	siblings      *imports
	importsAt     int // where the import lines go: right after the package clause
	// inResult: spelling a function's or method's results, where Go's iterators
	// (iter.Seq, iter.Seq2) cross; nowhere else (Python only loops over Go's).
	inResult bool
}

func newExtractor(pkg *types.Package, all []*sibling) *extractor {
	x := &extractor{pkg: pkg, bound: map[string]bool{}, out: &strings.Builder{}}
	if len(all) > 1 || len(shippedStd) > 0 {
		all = withShipped(all)
		x.siblingByPath = map[string]*sibling{}
		for _, s := range all {
			x.siblingByPath[s.path] = s
		}
		x.siblings = newImports(pkg.Path(), all)
	}
	x.bindTypes()
	if x.siblings != nil {
		// Only what the file writes imports a sibling: not a type bindTypes tried and dropped.
		x.siblings.used = map[string]*sibling{}
	}
	return x
}

// bindTypes finds the exported types the .gpi can declare: start from all of them and drop,
// until nothing changes, each whose definition needs a type that was dropped.
func (x *extractor) bindTypes() {
	scope := x.pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && tn.Exported() {
			x.bound[name] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for name := range x.bound {
			if _, why := x.typeDecl(scope.Lookup(name).(*types.TypeName), nil); why != "" {
				delete(x.bound, name)
				changed = true
			}
		}
	}
}

func (x *extractor) qualifier(p *types.Package) string {
	if p == x.pkg {
		return ""
	}
	return p.Name()
}

// notBound writes the comment for a declaration the language cannot express.
func (x *extractor) notBound(indent string, obj types.Object, why string) {
	decl := types.ObjectString(obj, x.qualifier)
	if fn, ok := obj.(*types.Func); ok {
		decl = "func " + fn.Name() + strings.TrimPrefix(types.TypeString(fn.Type(), x.qualifier), "func")
		if recv := fn.Signature().Recv(); recv != nil {
			decl = "func (" + types.TypeString(recv.Type(), x.qualifier) + ") " + strings.TrimPrefix(decl, "func ")
		}
	}
	fmt.Fprintf(x.out, "%s// gpic: not bound: %s — %s\n", indent, decl, why)
	x.nComment++
}

func (x *extractor) declared(name string) {
	x.nBound++
	if x.collected != nil {
		x.collected[name] = true
	}
}

var docLink = regexp.MustCompile(`(^|[^\w\]])\[(\*?[A-Za-z_][\w.]*)\]([^(:\w]|$)`)

// doc writes a doc comment as `/// @en` lines. A Go doc link to something the .gpi does not
// declare becomes code text, so the .gpi builds without unknown-reference warnings.
func (x *extractor) doc(indent, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if x.known != nil {
		text = docLink.ReplaceAllStringFunc(text, func(m string) string {
			sub := docLink.FindStringSubmatch(m)
			if x.known[strings.TrimPrefix(sub[2], "*")] {
				return m
			}
			return sub[1] + "`" + sub[2] + "`" + sub[3]
		})
	}
	for i, line := range strings.Split(text, "\n") {
		switch {
		case i == 0:
			fmt.Fprintf(x.out, "%s/// @en %s\n", indent, line)
		case strings.TrimSpace(line) == "":
			fmt.Fprintf(x.out, "%s///\n", indent)
		default:
			fmt.Fprintf(x.out, "%s/// %s\n", indent, line)
		}
	}
}

// text is the .gpi: what emit wrote, with the imports of the siblings it used.
func (x *extractor) text() string {
	s := x.out.String()
	return s[:x.importsAt] + x.siblings.importLines() + s[x.importsAt:]
}

// emit writes the whole file in go doc's order: constants, variables, functions, then each
// type with its constants, variables, constructors and methods.
func (x *extractor) emit(p *doc.Package, clause, marker string) {
	x.out.WriteString(marker + "\n\n")
	x.doc("", p.Doc)
	fmt.Fprintf(x.out, "package %s\n", clause)
	x.importsAt = x.out.Len()
	x.values("const", p.Consts)
	x.values("var", p.Vars)
	x.funcs(p.Funcs)
	for _, t := range p.Types {
		x.out.WriteString("\n")
		x.typeDoc(t)
		x.values("const", t.Consts)
		x.values("var", t.Vars)
		x.funcs(t.Funcs)
		x.funcs(t.Methods)
	}
}

// values writes const or var groups as Go grouped them, one doc per spec.
func (x *extractor) values(kind string, groups []*doc.Value) {
	for _, g := range groups {
		type line struct {
			doc, text, why string
			obj            types.Object
		}
		var lines []line
		for _, spec := range g.Decl.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, name := range vs.Names {
				if !name.IsExported() {
					continue
				}
				obj := x.pkg.Scope().Lookup(name.Name)
				l := line{doc: vs.Doc.Text(), obj: obj}
				if kind == "const" {
					l.text, l.why = x.constSpec(obj.(*types.Const))
				} else {
					l.text, l.why = x.varSpec(obj.(*types.Var))
				}
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		x.out.WriteString("\n")
		if len(lines) == 1 {
			l := lines[0]
			if l.why != "" {
				x.notBound("", l.obj, l.why)
				continue
			}
			if l.doc == "" {
				l.doc = g.Doc
			}
			x.doc("", l.doc)
			fmt.Fprintf(x.out, "%s %s\n", kind, l.text)
			x.declared(l.obj.Name())
			continue
		}
		x.doc("", g.Doc)
		fmt.Fprintf(x.out, "%s (\n", kind)
		for _, l := range lines {
			if l.why != "" {
				x.notBound("\t", l.obj, l.why)
				continue
			}
			x.doc("\t", l.doc)
			fmt.Fprintf(x.out, "\t%s\n", l.text)
			x.declared(l.obj.Name())
		}
		x.out.WriteString(")\n")
	}
}

// constSpec writes `Name Type = value` with the exact value the Go compiler computed, so the
// .gpi needs none of the package's unexported names or iota.
func (x *extractor) constSpec(c *types.Const) (string, string) {
	typ := ""
	basic, isBasic := c.Type().(*types.Basic)
	untyped := isBasic && basic.Info()&types.IsUntyped != 0
	if !untyped {
		var why string
		if typ, why = x.spell(c.Type()); why != "" {
			return "", why
		}
		// A named number with methods is a value (an IntEnum with its constants); any other
		// type with methods is a class, which has no constants.
		if hasMethods(c.Type()) && !isNumber(c.Type()) {
			return "", rules.methodConstant.why
		}
		// Of the standard library's well-known types only time.Duration has constants, and gpic
		// binds them (as timedelta values).
		if n, ok := c.Type().(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg() != x.pkg && typ != "time.Duration" {
			return "", fmt.Sprintf(rules.foreignConstant.why, typ)
		}
	}
	v := c.Val()
	var val string
	switch v.Kind() {
	case constant.Bool:
		val = v.String()
	case constant.String:
		val = strconv.Quote(constant.StringVal(v))
	case constant.Int:
		val = v.ExactString()
		if untyped {
			if _, ok := constant.Int64Val(v); !ok {
				if _, ok := constant.Uint64Val(v); !ok {
					return "", rules.bigConstant.why
				}
				typ = "uint64" // Python sees the same int; Go's default int could not hold it
			}
		}
	case constant.Float:
		bits := 64
		if u, ok := c.Type().Underlying().(*types.Basic); ok && u.Kind() == types.Float32 {
			bits = 32
		}
		f, _ := constant.Float64Val(v)
		if math.IsInf(f, 0) {
			return "", rules.bigConstant.why
		}
		// The shortest text that reads back as the same float: what Python sees.
		val = strconv.FormatFloat(f, 'g', -1, bits)
		if !strings.ContainsAny(val, ".e") {
			val += ".0" // keep an untyped constant a float
		}
	default:
		return "", rules.complexConstant.why
	}
	if typ != "" {
		return c.Name() + " " + typ + " = " + val, ""
	}
	return c.Name() + " = " + val, ""
}

func (x *extractor) varSpec(v *types.Var) (string, string) {
	if isError(v.Type()) {
		return v.Name() + " error", "" // a sentinel error: an exception class of its own
	}
	t, why := x.spell(v.Type())
	if why != "" {
		return "", why
	}
	return v.Name() + " " + t, ""
}

func (x *extractor) funcs(fs []*doc.Func) {
	for _, f := range fs {
		if f.Level > 0 || !ast.IsExported(f.Name) {
			continue // promoted from an embedded field: bound on the embedded type
		}
		x.out.WriteString("\n")
		x.function(f)
	}
}

func (x *extractor) function(f *doc.Func) {
	fn := x.funcObject(f)
	if fn == nil {
		return
	}
	sig := fn.Signature()
	head := "func " + fn.Name()
	name := fn.Name()
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		named, _ := t.(*types.Named)
		if named == nil || !x.bound[named.Obj().Name()] {
			x.notBound("", fn, fmt.Sprintf(rules.unboundType.why, types.TypeString(t, x.qualifier)))
			return
		}
		if _, ok := named.Underlying().(*types.Signature); ok {
			x.notBound("", fn, rules.receiverKind.why)
			return
		}
		head = "func (" + paramName(recv.Name(), 0) + " " + star + named.Obj().Name() + ") " + fn.Name()
		if recv.Name() == "" || recv.Name() == "_" {
			head = "func (" + star + named.Obj().Name() + ") " + fn.Name()
		}
		name = named.Obj().Name() + "." + fn.Name()
	}
	text, why := x.signature(head, sig)
	if why != "" {
		x.notBound("", fn, why)
		return
	}
	x.doc("", f.Doc)
	x.out.WriteString(text + "\n")
	x.declared(name)
}

func (x *extractor) funcObject(f *doc.Func) *types.Func {
	if f.Decl.Recv == nil {
		fn, _ := x.pkg.Scope().Lookup(f.Name).(*types.Func)
		return fn
	}
	recv := f.Decl.Recv.List[0].Type
	for {
		switch r := recv.(type) {
		case *ast.StarExpr:
			recv = r.X
			continue
		case *ast.IndexExpr:
			recv = r.X
			continue
		case *ast.IndexListExpr:
			recv = r.X
			continue
		}
		break
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return nil
	}
	tn, _ := x.pkg.Scope().Lookup(id.Name).(*types.TypeName)
	if tn == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, x.pkg, f.Name)
	fn, _ := obj.(*types.Func)
	return fn
}

// typeDoc writes one type declaration, or says why it is not bound.
func (x *extractor) typeDoc(t *doc.Type) {
	tn, _ := x.pkg.Scope().Lookup(t.Name).(*types.TypeName)
	if tn == nil {
		return
	}
	var spec *ast.TypeSpec
	for _, s := range t.Decl.Specs {
		if ts := s.(*ast.TypeSpec); ts.Name.Name == t.Name {
			spec = ts
		}
	}
	text, why := x.typeDecl(tn, spec)
	if why != "" || !x.bound[t.Name] {
		if why == "" {
			why = "it needs a type that is not bound"
		}
		x.notBound("", tn, why)
		return
	}
	d := t.Doc
	if spec != nil && spec.Doc != nil && len(t.Decl.Specs) > 1 {
		d = spec.Doc.Text()
	}
	x.doc("", d)
	x.out.WriteString(text)
	x.declared(t.Name)
}

// typeDecl spells `type Name ...` (with a trailing newline). spec, when given, supplies the
// docs of fields and interface methods; without it the answer only says whether it binds.
func (x *extractor) typeDecl(tn *types.TypeName, spec *ast.TypeSpec) (string, string) {
	if tn.IsAlias() {
		target, why := x.spell(types.Unalias(tn.Type()))
		if why != "" {
			return "", why
		}
		return "type " + tn.Name() + " = " + target + "\n", ""
	}
	named, ok := tn.Type().(*types.Named)
	if !ok || named.TypeParams().Len() > 0 {
		return "", rules.generic.why
	}
	switch u := named.Underlying().(type) {
	case *types.Struct:
		return x.structDecl(tn.Name(), u, spec), ""
	case *types.Interface:
		return x.interfaceDecl(tn.Name(), u, spec)
	default:
		s, why := x.spell(u)
		if why != "" {
			return "", why
		}
		return "type " + tn.Name() + " " + s + "\n", ""
	}
}

// fieldDocs maps each field or method name of a struct or interface spec to its doc.
func fieldDocs(spec *ast.TypeSpec) map[string]string {
	docs := map[string]string{}
	if spec == nil {
		return docs
	}
	var list *ast.FieldList
	switch t := spec.Type.(type) {
	case *ast.StructType:
		list = t.Fields
	case *ast.InterfaceType:
		list = t.Methods
	}
	if list == nil {
		return docs
	}
	for _, f := range list.List {
		text := f.Doc.Text()
		if text == "" {
			text = f.Comment.Text() // a comment at the end of the field's line
		}
		for _, n := range f.Names {
			docs[n.Name] = text
		}
		if len(f.Names) == 0 { // embedded: named by its type
			e := f.Type
			if s, ok := e.(*ast.StarExpr); ok {
				e = s.X
			}
			if id, ok := e.(*ast.Ident); ok {
				docs[id.Name] = text
			}
		}
	}
	return docs
}

// structDecl lists the exported fields; one the language cannot express becomes a comment in
// the body, and the rest of the struct is still bound.
func (x *extractor) structDecl(name string, s *types.Struct, spec *ast.TypeSpec) string {
	docs := fieldDocs(spec)
	var b strings.Builder
	fmt.Fprintf(&b, "type %s struct {\n", name)
	saved := x.out
	x.out = &strings.Builder{}
	for i := 0; i < s.NumFields(); i++ {
		f := s.Field(i)
		if !f.Exported() {
			continue
		}
		t, why := x.spell(f.Type())
		if why != "" {
			decl := f.Name() + " " + types.TypeString(f.Type(), x.qualifier)
			if f.Embedded() {
				decl = types.TypeString(f.Type(), x.qualifier) + " (embedded)"
			}
			fmt.Fprintf(x.out, "\t// gpic: not bound: %s — %s\n", decl, why)
			continue
		}
		x.doc("\t", docs[f.Name()])
		if f.Embedded() {
			fmt.Fprintf(x.out, "\t%s\n", t)
		} else {
			fmt.Fprintf(x.out, "\t%s %s\n", f.Name(), t)
		}
		if x.collected != nil {
			x.collected[name+"."+f.Name()] = true
		}
	}
	b.WriteString(x.out.String())
	x.out = saved
	b.WriteString("}\n")
	return b.String()
}

// interfaceDecl lists every method, embedded ones included (flattened, so an embedded
// interface of another package needs no .gpi). Python implements an interface through a
// proxy, so one method the language cannot express leaves the whole interface unbound.
func (x *extractor) interfaceDecl(name string, it *types.Interface, spec *ast.TypeSpec) (string, string) {
	if !it.IsMethodSet() {
		return "", rules.generic.why
	}
	if it.NumMethods() == 0 {
		return "", rules.emptyInterface.why
	}
	docs := fieldDocs(spec)
	methods := make([]*types.Func, 0, it.NumMethods())
	for i := 0; i < it.NumMethods(); i++ {
		methods = append(methods, it.Method(i))
	}
	sort.SliceStable(methods, func(i, j int) bool { return methods[i].Pos() < methods[j].Pos() })
	saved := x.out
	x.out = &strings.Builder{}
	defer func() { x.out = saved }()
	fmt.Fprintf(x.out, "type %s interface {\n", name)
	for _, m := range methods {
		if !m.Exported() {
			return "", rules.unexportedMeth.why
		}
		text, why := x.signature(m.Name(), m.Signature())
		if why != "" {
			return "", "method " + m.Name() + ": " + why
		}
		x.doc("\t", docs[m.Name()])
		fmt.Fprintf(x.out, "\t%s\n", text)
		if x.collected != nil {
			x.collected[name+"."+m.Name()] = true
		}
	}
	x.out.WriteString("}\n")
	return x.out.String(), ""
}

// hasMethods: the named type declares an exported method (so gpic binds it as a class).
// isNumber says whether t's underlying type is an integer or a floating-point number.
func isNumber(t types.Type) bool {
	basic, ok := t.Underlying().(*types.Basic)
	return ok && basic.Info()&(types.IsInteger|types.IsFloat) != 0
}

func hasMethods(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	for i := 0; i < named.NumMethods(); i++ {
		if named.Method(i).Exported() {
			return true
		}
	}
	return false
}
