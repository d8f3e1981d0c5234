// How each IR construct appears to a Python user (DESIGN §6): the Python type of a Go type and
// the Python signature of a function. cffi and cpython generate exactly this API; pyi writes
// it as stubs and docs show it, so all of them render it from here.
#pragma once

#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/python_names.hpp"

namespace gpic::py {

enum class Role { Param, Result };

/// The Python type annotation for `t` (typing-module free, PEP 585/604 spellings as strings:
/// stubs may use them even on Python 3.9):
///   bool -> bool; integers, byte, rune -> int; floats -> float; complex -> complex;
///   string -> str; []byte, []uint8 and their arrays -> bytes (a param also takes any
///   bytes-like object);
///   numeric []T / [N]T -> array.array[int|float] as a result, `Sequence[int] | Buffer` as a
///   param (buffer-protocol objects are read without a copy); other []T -> list[T];
///   map[K]V -> dict[K, V]; *T and interfaces -> T | None; func(...) -> Callable[[...], R];
///   named types -> their (escaped) name, qualified by module for imported ones.
/// `awaited`: a parameter of an awaitable call's form (`await m.aio.F(ch)`), where a channel
/// Python fills may also be an async iterable (channels.hpp); a blocking call refuses one.
std::string type_annotation(const ir::Type& t, Role role, bool awaited = false);

/// The annotation of one result of a function or method. A pointer result is `T`, not
/// `T | None`, unless the .gpi marks it `//gpic:nilable`: most functions that return a pointer
/// never return nil (constructors, `Must*`), and ordinary code should type-check without
/// narrowing. A nil still arrives as None at run time; the docs say which rule applies.
std::string result_value_annotation(const ir::Param& result);

/// The Python result annotation of a signature: None, T, or tuple[T1, T2] (error results are
/// raised, not returned).
std::string result_annotation(const ir::FuncSig& sig);

/// One rendered parameter: "name: type" (variadics as "*name: T").
struct PyParam {
  std::string name;
  std::string annotation;
  bool variadic = false;
};
/// `awaited`: the parameters of an awaitable call's form (type_annotation).
std::vector<PyParam> params(const ir::FuncSig& sig, bool awaited = false);

/// "Add(a: int, b: int) -> int" (methods get `self` first).
std::string signature(std::string_view python_name, const ir::FuncSig& sig, bool method);

/// True when values of `t` are numeric and cross without a copy as a buffer (slices/arrays of
/// integers or floats; not bool, and not bytes, which []byte and []uint8 are).
bool is_numeric_sequence(const ir::Type& t);

}  // namespace gpic::py
