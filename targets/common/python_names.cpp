#include "targets/common/python_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "compiler/hidden_chars.hpp"
#include "targets/common/quoting.hpp"

namespace gpic::py {
namespace {

constexpr std::array kKeywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};

constexpr std::array kSoftKeywords = {"_", "case", "match", "type"};

constexpr std::array kBuiltins = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BlockingIOError",
    "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning",
    "EOFError", "Ellipsis", "EnvironmentError", "Exception", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
    "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
    "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError", "OverflowError",
    "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
    "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError",
    "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
    "Warning", "ZeroDivisionError", "abs", "all", "any", "ascii", "bin", "bool", "breakpoint",
    "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict",
    "dir", "divmod", "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr",
    "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass",
    "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
    "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set", "setattr",
    "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip"};

// What every generated Python module defines at top level besides the package's own names.
// (The runtime's GoError, GoPanic, GoHandleError and release are imported into it, see
// runtime/python/gpic_rt.py and runtime/cpython/gpic_cpython_module.hpp; the module itself
// defines Error, handle_count and collect, GoRef when it takes in-out pointers, GoChan and
// GoIter when its API has channels or iterators (targets/common/chan_classes.hpp), and aio,
// the awaitable forms: targets/common/awaitables.hpp.)
constexpr std::array kReservedModuleNames = {"GoError", "GoPanic", "GoHandleError", "GoHandle", "release", "Error",
                                             "handle_count", "collect", "GoRef", "GoChan", "GoIter", "aio"};

template <size_t N>
bool contains(const std::array<const char*, N>& list, std::string_view s) {
  return std::any_of(list.begin(), list.end(), [&](const char* k) { return s == k; });
}

}  // namespace

bool is_keyword(std::string_view s) { return contains(kKeywords, s); }
bool is_soft_keyword(std::string_view s) { return contains(kSoftKeywords, s); }
bool is_builtin(std::string_view s) { return contains(kBuiltins, s); }
bool is_reserved_module_name(std::string_view s) { return contains(kReservedModuleNames, s); }

std::string to_snake(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && i > 0) {
      bool prev_lower = std::islower(static_cast<unsigned char>(s[i - 1])) || std::isdigit(static_cast<unsigned char>(s[i - 1]));
      bool next_lower = i + 1 < s.size() && std::islower(static_cast<unsigned char>(s[i + 1]));
      bool prev_upper = std::isupper(static_cast<unsigned char>(s[i - 1]));
      // "GetPI" -> get_pi, "HTTPServer" -> http_server, "ID" -> id
      if (prev_lower || (prev_upper && next_lower)) out += '_';
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

static std::string escape(std::string s) {
  if (is_keyword(s)) s += '_';
  return s;
}

std::string module_name(std::string_view go_name, Case c) {
  std::string s = c == Case::Snake ? to_snake(go_name) : std::string(go_name);
  if (is_keyword(s) || is_reserved_module_name(s) || is_builtin(s) || s.rfind("_g", 0) == 0) s += '_';
  return s;
}

std::string member_name(std::string_view go_name, Case c) {
  std::string s = c == Case::Snake ? to_snake(go_name) : std::string(go_name);
  // Members live in the class namespace: only keywords, our own private prefix and the view of
  // the awaitable forms (`obj.aio`, targets/common/awaitables.hpp) collide.
  if (is_keyword(s) || s.rfind("_g", 0) == 0 || s == "aio") s += '_';
  return s;
}

std::string param_name(std::string_view go_name, size_t index) {
  if (go_name.empty() || go_name == "_") return "arg" + std::to_string(index);
  std::string s = escape(std::string(go_name));
  // Generated bodies name their locals and module aliases with a leading `_g`; a parameter
  // must not hide them, nor a method's `self`. Names like `type` or `len` are fine as
  // parameters: generated bodies never use builtins by name.
  if (s.rfind("_g", 0) == 0 || s == "self") s += '_';
  return s;
}

std::string field_param_name(std::string_view go_field, size_t index, Case c) {
  return param_name(c == Case::Snake ? to_snake(go_field) : std::string(go_field), index);
}

// A hidden character (compiler/hidden_chars.hpp) as a Python escape: \xNN below U+0100,
// \uNNNN above, so the source shows it and the string still holds it. A malformed UTF-8
// byte (which a Python source file cannot hold) becomes the code point of the same number.
static std::string py_escape(char32_t cp, unsigned char byte) { return text::escaped(cp, byte); }

std::string string_literal(std::string_view text) {
  // UTF-8 passes through: the file is UTF-8.
  return quoting::quote_each(
      text, [](char32_t cp) { return cp == '\r' ? "\\r" : quoting::common_escape(cp); },
      [](char32_t cp, std::string_view bytes) { return py_escape(cp, static_cast<unsigned char>(bytes[0])); });
}

std::string docstring(std::string_view text, std::string_view indent) {
  std::string body;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = text::decode(text, i);
    if (cp == '\\') {
      body += "\\\\";
    } else if (cp == '"' && text.substr(start, 3) == "\"\"\"") {
      body += "\\\"\\\"\\\"";
      i = start + 3;
    } else if (cp == '\n') {
      body += '\n';
      // Indent continuation lines, but leave blank lines empty (no trailing whitespace).
      if (i < text.size() && text[i] != '\n') body += indent;
    } else if (text::is_hidden(cp)) {
      body += py_escape(cp, static_cast<unsigned char>(text[start]));
    } else {
      body.append(text.substr(start, i - start));
    }
  }
  // A docstring ending in a quote would merge with the closing triple quote.
  // (A quote after an odd run of backslashes is escaped already.)
  size_t slashes = 0;
  while (body.size() >= slashes + 2 && body[body.size() - 2 - slashes] == '\\') ++slashes;
  if (!body.empty() && body.back() == '"' && slashes % 2 == 0) body.insert(body.size() - 1, "\\");
  bool multiline = body.find('\n') != std::string::npos;
  return "\"\"\"" + body + (multiline ? "\n" + std::string(indent) : "") + "\"\"\"";
}

}  // namespace gpic::py
