// Translation stamps: `/// @ko[1a2b3c4d] ...` records which English text a translation was made
// from, so that a later change to the English marks the translation stale.
//
// The stamp is 8 lowercase hex digits: FNV-1a (64-bit) of the English text with every run of
// whitespace folded to one space and the ends trimmed, folded to 32 bits (high half XOR low
// half). Folding whitespace means re-wrapping a comment does not make its translations stale;
// any change of words does. Short on purpose: it is read and diffed by people.
#pragma once

#include <string>
#include <string_view>

#include "compiler/ir.hpp"

namespace gpic::docs {

/// The stamp of an English text.
std::string stamp_of(std::string_view english);

/// How the text of one doc comment stands in one language.
enum class TextStatus {
  Original,      // English, or any text in the language it was written in
  Translated,    // a translation, unstamped or stamped with the current English
  Stale,         // a translation whose stamp does not match the current English
  Fallback,      // no text in this language: another language's text is shown instead
  Absent,        // no text in any language
};

struct LocalText {
  std::string_view text;             // what to show (empty when Absent)
  std::string_view lang;             // the language `text` is in
  TextStatus status = TextStatus::Absent;
};

/// The text to show for `doc` in `lang`: the language's own text if present, else English, else
/// any other language's (a Korean-only comment still shows on the English page, badged).
LocalText local_text(const ir::Doc& doc, std::string_view lang);

}  // namespace gpic::docs
