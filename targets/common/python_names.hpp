// The naming table for Python: how a Go identifier becomes a Python identifier, and how text
// becomes a Python string literal or docstring. Every Python-emitting target (cffi, cpython,
// pyi, docs) goes through here, so escaping lives in exactly one place.
#pragma once

#include <string>
#include <string_view>

#include "compiler/ir.hpp"

namespace gpic::py {

bool is_keyword(std::string_view ident);        // hard keywords: None, True, lambda, from, ...
bool is_soft_keyword(std::string_view ident);   // match, case, type, _
bool is_builtin(std::string_view ident);        // names in Python's builtins module

/// Names the generated module itself defines (GoError, GoPanic, Error, ...): a Go declaration
/// with such a name gets a trailing underscore so that neither hides the other.
bool is_reserved_module_name(std::string_view ident);

enum class Case { Keep, Snake };

/// `GetPI` -> `get_pi` (Case::Snake), then escaped. Types are never snake-cased.
std::string to_snake(std::string_view ident);

/// A module-level name (function, const, var, type).
std::string module_name(std::string_view go_name, Case c = Case::Keep);
/// A struct field, method or interface method.
std::string member_name(std::string_view go_name, Case c = Case::Keep);
/// A parameter: keywords escaped, `_` and unnamed ones numbered (`arg0`), names used by
/// generated function bodies (the `_g` prefix) escaped.
std::string param_name(std::string_view go_name, size_t index);
/// A struct constructor's keyword for a field: the field's attribute name as a parameter, so
/// that `Point(label=...)` matches `p.label` under Case::Snake.
std::string field_param_name(std::string_view go_field, size_t index, Case c);

/// A Python string literal (double-quoted, every non-printable and non-ASCII byte of the
/// UTF-8 kept as is except quotes, backslashes and control characters, which are escaped).
std::string string_literal(std::string_view text);
/// A docstring literal: triple-quoted, with backslashes and `"""` escaped so that any doc text
/// (including `"""`, `*/`, backslashes, Korean) round-trips; indented by `indent` on
/// continuation lines.
std::string docstring(std::string_view text, std::string_view indent);

}  // namespace gpic::py
