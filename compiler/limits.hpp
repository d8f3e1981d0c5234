// The limits gpic puts on its input (docs/en/gpi-language.md, "Limits"; docs/en/cli.md).
//
// Every stage of gpic (the ANTLR parser, the AST builder, the checker, every target, the JSON
// IR) walks types and constant expressions recursively. Rather than make each of those walks
// iterative, the front end refuses structures deeper than kMaxNesting, at their position, so
// that no later stage ever sees one.
#pragma once

#include <cstdint>

namespace gpic::limits {

/// How deeply types and constant expressions may nest, counting every type constructor
/// (`[]T`, `[N]T`, `*T`, `map[K]V`, `func(...)`), every alias or defined type a type goes
/// through to its underlying type, every embedded interface, and every parenthesis, unary
/// operator or call in a constant expression, and every struct a struct holds by value.
///
/// Why 256: real interfaces nest a handful of levels. The deepest walk per level is ANTLR's
/// recursive descent through a func type (type_ -> signature -> parameters -> parameterDecl
/// -> type_, about 1.5 KB of stack a level, measured); the targets' walks take less. 256
/// levels thus need well under 1 MB of the default 8 MB stack, a margin of more than 8x
/// (tests/e2e/test_limits.py compiles nesting at the limit under a 1 MB stack).
inline constexpr int kMaxNesting = 256;

/// Inputs larger than this are refused before they are read. The largest real .gpi files
/// are a few hundred kilobytes; 16 MiB leaves room for generated ones while keeping gpic's
/// memory (a small multiple of the input) well within an ordinary machine.
inline constexpr std::uintmax_t kMaxInputBytes = 16u << 20;

/// Errors (and, separately, warnings) printed before the rest are summarised, unless
/// --error-limit says otherwise (0: no limit). As clang's -ferror-limit.
inline constexpr int kDefaultErrorLimit = 20;

}  // namespace gpic::limits
