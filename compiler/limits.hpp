// The limits gpic puts on its input (docs/en/gpi-language.md, "Limits"; docs/en/cli.md).
//
// Every stage of gpic (the ANTLR parser, the AST builder, the checker, every target, the JSON
// IR) walks types and constant expressions recursively. Rather than make each of those walks
// iterative, the front end refuses structures deeper than kMaxNesting, at their position, so
// that no later stage ever sees one.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gpic::limits {

/// How deeply types and constant expressions may nest, counting every type constructor
/// (`[]T`, `[N]T`, `*T`, `map[K]V`, `func(...)`), every alias or defined type a type goes
/// through to its underlying type, every embedded interface, and every parenthesis, unary
/// operator or call in a constant expression, and every struct a struct holds by value.
///
/// Why 256: real interfaces nest a handful of levels. The deepest walks per level are ANTLR's
/// recursive descent (a func type goes type_ -> signature -> parameters -> parameterDecl ->
/// type_) and the targets' codec builders, 1-2 KB of stack a level: a compile with every
/// target of input nested to the limit everywhere needs between 256 KB and 512 KB of stack
/// (measured with ulimit -s), a margin of 16x on the default 8 MB. tests/e2e/test_limits.py
/// compiles that input under a 1 MB stack.
inline constexpr int kMaxNesting = 256;

/// How many methods the complete method sets of a file's interfaces may hold in all, counting
/// each embedded method again in every interface that embeds it. Every one is a method of a
/// proxy class (Go) and of a Python stand-in in each target's output, so the output grows with
/// this count, not with the input: 40 chains of 250 interfaces, each embedding the previous
/// one and adding a method, are 413 KB of .gpi but 1.25 million methods (over a minute and
/// 3.6 GB before this limit). Real packages' interfaces hold a few thousand methods in all.
inline constexpr std::size_t kMaxMethodSetTotal = 100000;

/// Inputs larger than this are refused before they are read. The largest real .gpi files
/// are a few hundred kilobytes; 16 MiB leaves room for generated ones. gpic's peak memory is
/// about 110x its input for the front end (ANTLR's token objects and its UTF-32 copy of the
/// text are most of it) and up to about 230x with the Python targets, measured on a 1.9 MB
/// file of functions and structs, so the limit keeps any run within a few gigabytes.
inline constexpr std::uintmax_t kMaxInputBytes = 16u << 20;

/// Errors (and, separately, warnings) printed before the rest are summarised, unless
/// --error-limit says otherwise (0: no limit). As clang's -ferror-limit.
inline constexpr int kDefaultErrorLimit = 20;

}  // namespace gpic::limits
