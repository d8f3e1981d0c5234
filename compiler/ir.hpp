// The one intermediate representation every target reads.
//
// The AST builder (compiler/ast_builder) fills it from the ANTLR parse tree; the checker
// (compiler/checker) validates it and resolves named types; targets only ever read it.
// Nothing here knows about ANTLR or about any target.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gpic::ir {

/// A position in a .gpi file. Line and column are 1-based; the column counts code points.
struct Loc {
  std::string file;
  int line = 0;
  int col = 0;
};

/// Doc comment text, split by language. Untagged text is English.
struct Doc {
  std::string en;
  std::string ko;
  /// `@ko[abcd1234]`: short hash of the English text this translation was made from
  /// (written by `gpic docs --stamp`); empty when the translation is unstamped.
  std::string ko_stamp;
  Loc loc;
  bool empty() const { return en.empty() && ko.empty(); }
};

/// Go's predeclared types. `byte` and `rune` stay distinct from uint8/int32 so that docs and
/// stubs show what the author wrote; `canonical()` folds them.
enum class Prim {
  Bool,
  Int, Int8, Int16, Int32, Int64,
  Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Byte, Rune,
  Float32, Float64,
  Complex64, Complex128,
  String,
  Error,
  /// `any` (also written `interface{}`): a dynamic value. Python's None, bool, int, float,
  /// complex, str, bytes, list and dict cross as Go's natural dynamic values; any other Go
  /// value is an opaque Go object (targets/common/ABI.md, "Wire format").
  Any,
};

std::string_view prim_name(Prim);                   // "int64", "byte", ...
std::optional<Prim> prim_from_name(std::string_view);
Prim canonical(Prim);                               // Byte -> Uint8, Rune -> Int32
bool is_integer(Prim);
bool is_signed(Prim);
bool is_float(Prim);
bool is_complex(Prim);
int prim_bits(Prim);                                // 8..128; 64 for int/uint/uintptr

struct TypeDecl;
struct FuncSig;
struct Module;
struct Type;
using TypeRef = std::shared_ptr<Type>;

/// A type expression as written in the .gpi.
struct Type {
  enum class Kind {
    Prim, Named, Slice, Array, Map, Pointer, Func,
    /// `chan T`, `<-chan T`, `chan<- T` (direction in `dir`, element in `elem`): a Go channel
    /// Python receives from as an iterator or sends to (targets/common/channels.hpp).
    Chan,
    /// `iter.Seq[V]` (elem V) and `iter.Seq2[K, V]` (key K, elem V): a Go iterator Python
    /// loops over lazily (targets/common/channels.hpp).
    Seq,
  };
  /// Kind::Chan: which way values may go, as Go's channel types say.
  enum class ChanDir { Both, Recv, Send };
  Kind kind = Kind::Prim;
  ChanDir dir = ChanDir::Both;      // Kind::Chan
  Loc loc;

  Prim prim = Prim::Int;            // Kind::Prim
  std::string qualifier;            // Kind::Named: import name ("geometry"), empty for this file
  std::string name;                 // Kind::Named
  TypeRef elem;                     // Slice, Array, Pointer, Chan, Seq; Map's value
  TypeRef key;                      // Map; Seq2's key (null for Seq)
  uint64_t length = 0;              // Array
  std::shared_ptr<FuncSig> sig;     // Func
  /// Kind::Named: the type arguments of an instantiation as written (`Set[int]`). The checker
  /// (compiler/check_generics.cpp) replaces such a type by the name the file gives the
  /// instantiation, so targets never see arguments here.
  std::vector<TypeRef> args;

  /// Set by the checker for Kind::Named: the declaration the name resolves to (possibly in an
  /// imported module). Null before checking or when the name did not resolve.
  const TypeDecl* decl = nullptr;
  const Module* decl_module = nullptr;

  /// Go spelling of the type, as the .gpi wrote it ("[]float64", "map[string]*geometry.Vec").
  std::string go_spelling() const;
};

/// What `//gpic:` directives say Go does with a parameter's memory beyond the call
/// (compiler/directives.hpp). Only numeric slice parameters, which Go reads in place, carry them.
struct ParamMarks {
  bool keep = false;                // //gpic:keep: Go keeps the slice after the call returns
  bool borrow = false;              // //gpic:borrow: Go does not (no default keep-alive)
  bool readonly = false;            // //gpic:readonly: Go only reads it
  /// Results only: //gpic:nilable: this pointer result may be nil, so the stub says `T | None`
  /// (an unmarked pointer result is typed `T`; Go's nil still arrives as None).
  bool nilable = false;
  Loc loc;                          // the name in the first directive that marks it
  /// A lending mark (keep, borrow, readonly): what the checker validates on a parameter.
  bool any() const { return keep || borrow || readonly; }
};

/// A parameter or result. Results may be unnamed (empty name).
struct Param {
  std::string name;
  TypeRef type;
  Loc loc;
  ParamMarks marks;                 // parameters; `nilable` on results
};

struct FuncSig {
  std::vector<Param> params;
  std::vector<Param> results;
  bool variadic = false;            // the last param is `...T`; its type is stored as []T

  bool returns_error() const;       // last result is `error`
  /// Results without a trailing error.
  std::vector<const Param*> value_results() const;
};

/// A type parameter of a generic declaration: `T comparable`. Its constraint is kept for the
/// checks gpic can make alone (a union of predeclared types, `comparable`, `any`); Go checks
/// the rest when it compiles the shim.
struct TypeParam {
  std::string name;
  /// The constraint's terms: `~int | float64` is {~int, float64}. A term that is an interface
  /// literal has a null type.
  struct Term {
    bool tilde = false;
    TypeRef type;
  };
  std::vector<Term> terms;
  std::string constraint;           // Go text of the constraint, as written
  Loc loc;
};

/// What a declaration instantiates: `type IntSet = Set[int]` has generic "Set" and args {int}.
/// The declaration itself then holds the generic's body with the arguments substituted; only
/// the cgo target, which names the Go type (`gopkg.Set[int]`), and the docs read this.
struct Instantiation {
  std::string generic;
  std::vector<TypeRef> args;        // in the scope of the module that declares the instance
  std::string go_spelling() const;  // "Set[int]"
};

struct Field {
  std::string name;                 // for an embedded field, the type's name
  TypeRef type;
  bool embedded = false;
  Doc doc;
  Loc loc;
};

/// A method in an interface declaration.
struct InterfaceMethod {
  std::string name;
  FuncSig sig;
  Doc doc;
  Loc loc;
};

struct Func;

struct TypeDecl {
  enum class Kind {
    Struct,                         // type Point struct { ... }
    Interface,                      // type Shape interface { ... }
    Defined,                        // type Celsius float64   (or an alias: type A = B)
  };
  Kind kind = Kind::Struct;
  std::string name;
  Doc doc;
  Loc loc;

  std::vector<Field> fields;                    // Struct
  /// Interface: its method set. Methods an embedded interface brings are appended by the
  /// checker after the interface's own, so a target sees the complete set here.
  std::vector<InterfaceMethod> methods;
  std::vector<TypeRef> embeds;                  // Interface: embedded interfaces, as written
  TypeRef underlying;                           // Defined
  bool alias = false;                           // Defined: `type A = B`
  /// A generic declaration's type parameters. The checker moves generic declarations to
  /// Module::generic_types, so targets never see one among Module::types.
  std::vector<TypeParam> type_params;
  /// Set for an instantiation (`type IntSet = Set[int]`) once the checker has expanded it.
  std::optional<Instantiation> instance_of;
  /// Made by abi::plan, never written in a .gpi: the class of an unnamed func type whose Go
  /// values Python holds (`func F() func() int`). Go spells it as that func type.
  bool synthetic = false;
  /// Defined over a func type, marked `//gpic:opaque` (compiler/directives.hpp): its .gpi
  /// signature stands in for one Go spells with unexported types, so Python neither calls nor
  /// makes one, and the signature is not checked against Go's.
  bool opaque = false;

  /// Filled by the checker: the file's funcs whose receiver names this type, in file order.
  std::vector<const Func*> bound_methods;
};

struct Receiver {
  std::string name;                 // may be empty: func (*Point) Scale(f float64)
  std::string type_name;
  bool pointer = false;
  Loc loc;
  /// A method of a generic type names the type's parameters: `(s *Set[T])` has {"T"}.
  std::vector<std::string> type_params = {};
};

/// A function, or a method when `recv` is set.
struct Func {
  std::string name;
  std::optional<Receiver> recv;
  FuncSig sig;
  Doc doc;
  Loc loc;
  std::vector<TypeParam> type_params;           // a generic function's (see TypeDecl)
  /// `func MaxInt = Max[int]` as written, before the checker expands it; after, the expanded
  /// function (and an instance type's methods) carry what they instantiate.
  std::optional<Instantiation> instance_of;
};

/// A constant expression kept as Go tokens: the cgo target re-emits it (qualifying names of
/// the module's constants) so that Go itself checks it against the real package, and the docs
/// target shows it as written.
struct ConstExpr {
  struct Token {
    enum class Kind { Int, Float, Imaginary, Rune, String, Bool, Iota, Ident, Op };
    Kind kind;
    std::string text;
  };
  std::vector<Token> tokens;
  std::string text() const;         // Go source text, tokens joined with Go-like spacing
  bool empty() const { return tokens.empty(); }
};

struct Const {
  std::string name;
  /// Null for an untyped constant until the checker infers one; an inferred type has no Loc
  /// (line 0), which is how the checker still tells it from a written one.
  TypeRef type;
  ConstExpr value;                  // for an implicit group entry: the repeated expression
  bool implicit = false;            // `Green` in a group, repeating the previous type and value
  int iota = 0;                     // its index inside its const group
  int group = -1;                   // index of its `const ( ... )` group, -1 when alone
  Doc doc;
  Loc loc;
};

struct Var {
  std::string name;
  TypeRef type;
  Doc doc;
  Loc loc;
};

struct Import {
  std::string path;                 // as written: "geometry.gpi"
  Loc loc;
  /// The name this file gives the package (`g` in `import g "geometry.gpi"`); empty: the
  /// package's own name. The checker rewrites `g.Vec` to the package's name, so nothing after
  /// it sees aliases.
  std::string alias;
  Loc alias_loc;
  /// Filled by the driver when it loads the imported file.
  const Module* module = nullptr;
};

/// One declaration in source order, across kinds (docs and stable output use this).
struct DeclRef {
  enum class Kind { Type, Func, Const, Var };
  Kind kind;
  size_t index;                     // into Module::types / funcs / consts / vars
};

/// One .gpi file: one Go package.
struct Module {
  std::string file;                 // path as given on the command line
  bool shipped = false;             // a standard-library .gpi gpic ships (compiler/std_gpi.hpp)
  std::string name;                 // Python module name: `package shapes`
  std::string go_path;              // Go import path: "example.com/shapes"
  /// Where the package clause writes the path (the string literal), or the package name when
  /// the clause has no path; the checker reports an invalid import path here.
  Loc go_path_loc;
  std::string go_version;           // the module version pinned by `"path@v1.2.3"`, or empty
  /// `package outliers "python:outliers"`: the .gpi describes a Python module (imported by
  /// this dotted name from sys.path) that Go calls (`--target go`), not a Go package that
  /// Python calls. Empty for a Go package; go_path is then the package name.
  std::string python_module;
  bool python_backed() const { return !python_module.empty(); }
  Doc doc;
  Loc loc;

  std::vector<Import> imports;
  std::vector<TypeDecl> types;
  std::vector<Func> funcs;          // functions and methods, in file order
  std::vector<Const> consts;
  std::vector<Var> vars;
  std::vector<DeclRef> order;
  /// Generic declarations, moved here by the checker once their instantiations are expanded:
  /// they are documentation of the .gpi, not bindings.
  std::vector<TypeDecl> generic_types;
  std::vector<Func> generic_funcs;

  const TypeDecl* find_type(std::string_view name) const;
  /// Free functions (no receiver), in file order.
  std::vector<const Func*> functions() const;
};

}  // namespace gpic::ir
