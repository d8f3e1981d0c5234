// Characters that must never pass raw from a .gpi into generated code or onto a terminal:
// they end a line (and so a comment) where a reader sees none, or reorder what a reader sees
// ("Trojan Source", CVE-2021-42574), or drive the terminal (ESC). The diagnostics printer and
// every target's quoting (targets/common/quoting) decide with this one table.
#pragma once

#include <string>
#include <string_view>

namespace gpic::text {

/// What decode() returns for a byte that does not start valid UTF-8 (the byte is consumed).
inline constexpr char32_t kInvalid = 0xFFFFFFFF;

/// Decodes the code point at s[i] and moves i past it; a malformed or truncated sequence
/// yields kInvalid and moves one byte.
char32_t decode(std::string_view s, size_t& i);

/// C0 controls other than tab, DEL, C1 controls, the bidi controls (U+061C, U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069), the line and paragraph separators U+2028/U+2029 and the
/// byte-order mark U+FEFF.
bool is_hidden(char32_t cp);

/// `\u202e`, `\x1b`: how a hidden character (or, for kInvalid, the raw byte `byte`) is shown.
std::string escaped(char32_t cp, unsigned char byte);

/// `text` with every hidden character and malformed byte replaced by its escaped() spelling;
/// the rest (tabs, printable ASCII, any other UTF-8) kept as is. With `keep_newlines`, '\n'
/// is kept too (a multi-line message, such as a compiler's output, stays multi-line).
std::string show(std::string_view text, bool keep_newlines = false);

/// True when show(text) would change something.
bool has_hidden(std::string_view text);

}  // namespace gpic::text
