package main

// What the .gpi language can express today, in one place. Each rule names a Go construct
// gpic cannot bind and the reason written into the .gpi's "not bound" comment. When the
// language learns one of them, delete its rule and let spell() (types, spell.go) or the
// emitter (declarations, emit.go) write the construct where it now returns the rule.
//
// Error variables (sentinel errors), constants of named numbers with methods (IntEnums),
// error anywhere, any, the well-known standard types (time.Time, time.Duration, *big.Int;
// io.Reader, io.Writer and context.Context as parameters: spell.go's wellKnown), channels
// and, in results, Go's iterators (iter.Seq, iter.Seq2) are bound since the language learned
// them. Still to teach: methodConstant for string types.

type rule struct {
	// why is the text after "—" in `// gpic: not bound: <decl> — <why>`.
	why string
}

var rules = struct {
	chanOfRecvChan  rule // chan (<-chan T): no .gpi spelling
	seqNotResult    rule // iter.Seq or iter.Seq2 other than in a function's results
	unsafePointer   rule // unsafe.Pointer
	emptyInterface  rule // a named interface{} type (any itself is bound)
	interfaceLit    rule // an unnamed interface{ M() } in a signature or field
	structLit       rule // an unnamed struct{ ... } in a signature or field
	foreignType     rule // a named type of another package (time.Time, io.Reader)
	unexportedType  rule // a named type the package does not export
	unboundType     rule // a named type of this package that is itself not bound
	generic         rule // type parameters, instantiated generic types
	receiverKind    rule // a method of a named func type
	unexportedMeth  rule // an interface with unexported methods: Python cannot implement it
	bigConstant     rule // an untyped constant that fits no 64-bit type
	complexConstant rule // a complex constant
	methodConstant  rule // a constant of a named non-numeric type that has methods
	foreignConstant rule // a constant of another package's type (not time.Duration)
	untypedNil      rule // a value of no type
}{
	chanOfRecvChan:  rule{"a channel of receive-only channels (chan (<-chan T)) has no .gpi spelling"},
	seqNotResult:    rule{"an iterator crosses only as a function's result (Python loops over Go's iterators)"},
	unsafePointer:   rule{"unsafe.Pointer cannot cross to Python"},
	emptyInterface:  rule{"a named empty interface type is not bound (write any where it is used)"},
	interfaceLit:    rule{"an unnamed interface type has no .gpi spelling: name it in the Go package"},
	structLit:       rule{"an unnamed struct type has no .gpi spelling"},
	foreignType:     rule{"uses %s from another package, which this .gpi does not describe"},
	unexportedType:  rule{"uses the unexported type %s"},
	unboundType:     rule{"uses %s, which is not bound"},
	generic:         rule{"generic declarations are not bound"},
	receiverKind:    rule{"methods of a named function type are not bound"},
	unexportedMeth:  rule{"the interface has unexported methods, so Python could not implement it"},
	bigConstant:     rule{"the value fits no 64-bit integer type"},
	complexConstant: rule{"complex constants are not extracted"},
	methodConstant:  rule{"a constant of a non-numeric type with methods is not bound (gpic binds such a type as a class)"},
	foreignConstant: rule{"a constant of type %s is not bound (constants are scalars, strings, time.Duration or this package's types)"},
	untypedNil:      rule{"a value of no type"},
}
