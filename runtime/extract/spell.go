package main

import (
	"fmt"
	"go/types"
	"strings"
)

// spell writes a type as the .gpi language spells it, or says (by the rules table) why it
// cannot. `error` is accepted only where the caller allows it: a function's last result.
func (x *extractor) spell(t types.Type) (string, string) {
	switch t := t.(type) {
	case *types.Alias:
		if obj := t.Obj(); obj.Pkg() == x.pkg && x.bound[obj.Name()] {
			return obj.Name(), ""
		}
		return x.spell(types.Unalias(t))
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return "", rules.unsafePointer.why
		}
		if t.Info()&types.IsUntyped != 0 {
			return "", rules.untypedNil.why
		}
		return t.Name(), ""
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			if obj.Name() == "error" {
				return "error", ""
			}
			return "", fmt.Sprintf(rules.foreignType.why, obj.Name())
		}
		if obj.Pkg().Path() == "iter" && (obj.Name() == "Seq" || obj.Name() == "Seq2") && t.TypeArgs().Len() > 0 {
			return x.spellSeq(obj.Name(), t.TypeArgs())
		}
		if t.TypeArgs().Len() > 0 || t.TypeParams().Len() > 0 {
			return "", rules.generic.why
		}
		if name, ok := wellKnown(obj, false); ok {
			return name, ""
		}
		if obj.Pkg() != x.pkg {
			if name := x.spellSibling(obj); name != "" {
				return name, ""
			}
			return "", fmt.Sprintf(rules.foreignType.why, obj.Pkg().Name()+"."+obj.Name())
		}
		if !obj.Exported() {
			return "", fmt.Sprintf(rules.unexportedType.why, obj.Name())
		}
		if !x.bound[obj.Name()] {
			return "", fmt.Sprintf(rules.unboundType.why, obj.Name())
		}
		return obj.Name(), ""
	case *types.Pointer:
		// *big.Int and *big.Float are well-known types; big.Int without the pointer is not.
		if n, ok := t.Elem().(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "math/big" &&
			(n.Obj().Name() == "Int" || n.Obj().Name() == "Float") {
			return "*big." + n.Obj().Name(), ""
		}
		return x.wrap("*", t.Elem())
	case *types.Slice:
		return x.wrap("[]", t.Elem())
	case *types.Array:
		return x.wrap(fmt.Sprintf("[%d]", t.Len()), t.Elem())
	case *types.Map:
		k, why := x.spell(t.Key())
		if why != "" {
			return "", why
		}
		return x.wrap("map["+k+"]", t.Elem())
	case *types.Chan:
		return x.spellChan(t)
	case *types.Signature:
		return x.signature("func", t)
	case *types.Interface:
		if t.Empty() {
			return "any", ""
		}
		return "", rules.interfaceLit.why
	case *types.Struct:
		return "", rules.structLit.why
	case *types.TypeParam:
		return "", rules.generic.why
	}
	return "", "the type " + t.String() + " has no .gpi spelling"
}

// spellChan writes `chan T`, `<-chan T` or `chan<- T`, as Go does. Values go both ways on a
// channel Python holds, so its element is spelled as a parameter's would be.
func (x *extractor) spellChan(t *types.Chan) (string, string) {
	saved := x.inResult
	defer func() { x.inResult = saved }()
	x.inResult = false
	switch t.Dir() {
	case types.RecvOnly:
		return x.wrap("<-chan ", t.Elem())
	case types.SendOnly:
		return x.wrap("chan<- ", t.Elem())
	}
	// Go writes `chan (<-chan T)`: `chan <-chan T` would read as `chan<- chan T`.
	if e, ok := t.Elem().(*types.Chan); ok && e.Dir() == types.RecvOnly {
		return "", rules.chanOfRecvChan.why
	}
	return x.wrap("chan ", t.Elem())
}

// spellSeq writes Go's iterators, `iter.Seq[V]` and `iter.Seq2[K, V]`, which the .gpi
// language has built in (no import), where they cross: in a function's results.
func (x *extractor) spellSeq(name string, args *types.TypeList) (string, string) {
	if !x.inResult {
		return "", rules.seqNotResult.why
	}
	spelled := make([]string, args.Len())
	for i := range spelled {
		s, why := x.spell(args.At(i))
		if why != "" {
			return "", why
		}
		spelled[i] = s
	}
	return "iter." + name + "[" + strings.Join(spelled, ", ") + "]", ""
}

func (x *extractor) wrap(prefix string, elem types.Type) (string, string) {
	e, why := x.spell(elem)
	if why != "" {
		return "", why
	}
	return prefix + e, ""
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// signature spells `head(params) results`: head is "func" for a function type, or
// "func (r *T) Name" / "func Name" for a declaration.
func (x *extractor) signature(head string, sig *types.Signature) (string, string) {
	if sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 {
		return "", rules.generic.why
	}
	// Iterators cross in a declared function's or method's results only: not in its
	// parameters, nor anywhere in a func type's signature or an interface's methods.
	declaration := strings.HasPrefix(head, "func ")
	saved := x.inResult
	defer func() { x.inResult = saved }()
	x.inResult = false
	var names, kinds []string
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		prefix := ""
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = t.(*types.Slice).Elem()
			prefix = "..."
		}
		s, why := x.spell(t)
		// Streams and contexts are lent to Go for one call: a declaration's own parameters only.
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && head != "func" {
			if name, ok := wellKnown(n.Obj(), true); ok {
				s, why = name, ""
			}
		}
		if why != "" {
			return "", why
		}
		names = append(names, paramName(sig.Params().At(i).Name(), i))
		kinds = append(kinds, prefix+s)
	}
	params := kinds
	if tupleNamed(sig.Params()) {
		params = groupParams(names, kinds)
	}
	x.inResult = declaration
	var rnames, rkinds []string
	n := sig.Results().Len()
	resultsNamed := tupleNamed(sig.Results())
	for i := 0; i < n; i++ {
		r := sig.Results().At(i)
		var s, why string
		if i == n-1 && isError(r.Type()) {
			s = "error"
		} else if s, why = x.spell(r.Type()); why != "" {
			return "", why
		}
		rnames = append(rnames, paramName(r.Name(), i))
		rkinds = append(rkinds, s)
	}
	results := rkinds
	if resultsNamed {
		results = groupParams(rnames, rkinds)
	}
	text := head + "(" + strings.Join(params, ", ") + ")"
	switch {
	case len(results) == 1 && !resultsNamed:
		text += " " + results[0]
	case len(results) > 0:
		text += " (" + strings.Join(results, ", ") + ")"
	}
	return text, ""
}

// tupleNamed: Go names all of a list's parameters or none.
func tupleNamed(t *types.Tuple) bool {
	for i := 0; i < t.Len(); i++ {
		if t.At(i).Name() != "" {
			return true
		}
	}
	return false
}

// paramName keeps Go's name, which Python keyword arguments use, unless the .gpi language
// cannot take it: `_`, or a name outside ASCII.
func paramName(name string, i int) string {
	ok := name != "" && name != "_"
	for _, r := range name {
		if r > 127 {
			ok = false
		}
	}
	if ok {
		return name
	}
	return fmt.Sprintf("arg%d", i)
}

// groupParams writes named parameters as go doc does: `a, b string`.
func groupParams(names, kinds []string) []string {
	var out []string
	for i := 0; i < len(names); i++ {
		j := i
		for j+1 < len(names) && kinds[j+1] == kinds[i] {
			j++
		}
		out = append(out, strings.Join(names[i:j+1], ", ")+" "+kinds[i])
		i = j
	}
	return out
}

// wellKnown spells the standard library's types that gpic has built in (targets/common/
// wellknown.cpp): time.Time, time.Duration and driver.Value anywhere; io.Reader, io.Writer and
// context.Context as a declaration's parameters.
func wellKnown(obj *types.TypeName, param bool) (string, bool) {
	switch obj.Pkg().Path() + "." + obj.Name() {
	case "time.Time", "time.Duration":
		return "time." + obj.Name(), true
	case "io.Reader", "io.Writer":
		return "io." + obj.Name(), param
	case "context.Context":
		return "context.Context", param
	case "database/sql/driver.Value":
		return "driver.Value", true
	}
	return "", false
}
