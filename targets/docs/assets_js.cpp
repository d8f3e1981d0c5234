// assets/gpic-docs.js, kept as a raw string so that gpic stays one self-contained binary.
// Plain ES2017, no modules (pages open from file://), no dependencies.
#include "targets/docs/assets.hpp"

namespace gpic::docs {

std::string_view docs_js() {
  return R"JS(/* gpic-docs.js: search and language switching for gpic-generated API docs. */
(function () {
  "use strict";

  // ---- Words, split exactly as targets/docs/search_index.cpp splits them --------------------
  function charClass(c) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) return 1;
    if (c < 0xC0 || c === 0xD7 || c === 0xF7) return 0;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
        (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
        (c >= 0xFF5B && c <= 0xFF65) || c >= 0x1F000) return 0;
    return 2;
  }

  function asciiLower(s) {
    return s.replace(/[A-Z]/g, function (c) { return c.toLowerCase(); });
  }

  // [{text, ascii}] for each run of ASCII word characters or of other letters.
  function splitWords(text) {
    var out = [], cur = "", cls = 0;
    for (var ch of text.normalize("NFC")) {
      var k = charClass(ch.codePointAt(0));
      if (k !== cls && cur) { out.push({ text: cls === 1 ? asciiLower(cur) : cur, ascii: cls === 1 }); cur = ""; }
      cls = k;
      if (k) cur += ch;
    }
    if (cur) out.push({ text: cls === 1 ? asciiLower(cur) : cur, ascii: cls === 1 });
    return out;
  }

  // ---- The index ----------------------------------------------------------------------------
  var index = window.GPIC_SEARCH_INDEX || { entries: [], terms: {} };
  var keys = Object.keys(index.terms).sort();

  function firstWithPrefix(prefix) {
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Scores of the entries one query word matches. A match in a name weighs four times one in
  // the text; an exact term twice a prefix.
  function matchWord(word) {
    var scores = new Map();
    function hit(posting, weight) {
      var id = posting >> 1, w = (posting & 1) ? weight * 4 : weight;
      if ((scores.get(id) || 0) < w) scores.set(id, w);
    }
    for (var i = firstWithPrefix(word.text); i < keys.length && keys[i].startsWith(word.text); i++) {
      var exact = keys[i] === word.text;
      index.terms[keys[i]].forEach(function (p) { hit(p, exact ? 2 : 1); });
    }
    // A long Korean (or other non-ASCII) word may sit inside a longer word: every pair of its
    // neighbouring characters must then occur in the same entry.
    var chars = Array.from(word.text);
    if (!word.ascii && chars.length >= 3) {
      var common = null;
      for (var k = 0; k + 1 < chars.length; k++) {
        var ids = new Set((index.terms[chars[k] + chars[k + 1]] || []).map(function (p) { return p >> 1; }));
        common = common === null ? ids : new Set(Array.from(common).filter(function (id) { return ids.has(id); }));
      }
      common.forEach(function (id) { if (!scores.has(id)) scores.set(id, 1); });
    }
    return scores;
  }

  function search(query) {
    var words = splitWords(query);
    if (!words.length) return [];
    var total = null;
    words.forEach(function (w) {
      var s = matchWord(w);
      if (total === null) { total = s; return; }
      var both = new Map();
      total.forEach(function (v, id) { if (s.has(id)) both.set(id, v + s.get(id)); });
      total = both;
    });
    return Array.from(total.keys()).sort(function (a, b) {
      var d = total.get(b) - total.get(a);
      if (d) return d;
      var na = index.entries[a][0], nb = index.entries[b][0];
      return na.length - nb.length || (na < nb ? -1 : na > nb ? 1 : 0);
    }).slice(0, 25);
  }

  // ---- The search box -----------------------------------------------------------------------
  var input = document.getElementById("gpic-search");
  var list = document.getElementById("gpic-results");
  var active = -1;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function setActive(i) {
    var items = list.querySelectorAll("li a");
    if (!items.length) return;
    active = (i + items.length) % items.length;
    items.forEach(function (a, k) { a.parentNode.classList.toggle("active", k === active); });
    items[active].scrollIntoView({ block: "nearest" });
  }

  function show() {
    var query = input.value.trim();
    list.textContent = "";
    active = -1;
    if (!query) { list.hidden = true; return; }
    var ids = search(query);
    if (!ids.length) {
      list.appendChild(el("li", "empty", input.getAttribute("data-no-results")));
    }
    ids.forEach(function (id) {
      var e = index.entries[id];
      var a = el("a");
      a.href = e[2];
      a.appendChild(el("code", "", e[0]));
      a.appendChild(document.createTextNode(" "));
      a.appendChild(el("span", "kind", e[1]));
      if (e[3]) a.appendChild(el("span", "summary", e[3]));
      var li = el("li", "result");
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }

  if (input && list) {
    input.addEventListener("input", show);
    input.addEventListener("focus", function () { if (input.value.trim()) show(); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { setActive(active + 1); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { setActive(active - 1); ev.preventDefault(); }
      else if (ev.key === "Escape") { input.value = ""; list.hidden = true; }
      else if (ev.key === "Enter") {
        var links = list.querySelectorAll("li a");
        if (links.length) links[Math.max(active, 0)].click();
      }
    });
    list.addEventListener("click", function () { list.hidden = true; });
    document.addEventListener("click", function (ev) {
      if (!list.contains(ev.target) && ev.target !== input) list.hidden = true;
    });
  }

  // ---- The language switcher: land on the same symbol in the other language ---------------
  // The anchor in the address bar, or else the symbol whose heading was last scrolled past.
  function currentAnchor() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && document.getElementById(id)) return id;
    var found = "";
    var marks = document.querySelectorAll("main section[id], main tr[id]");
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getBoundingClientRect().top > 80) break;
      found = marks[i].id;
    }
    return found;
  }

  var switches = document.querySelectorAll("a.lang-switch");
  function retarget() {
    var id = currentAnchor();
    switches.forEach(function (a) {
      a.href = a.href.split("#")[0] + (id ? "#" + id : "");
    });
  }
  switches.forEach(function (a) { a.addEventListener("click", retarget); });
  window.addEventListener("hashchange", retarget);
  retarget();
})();
)JS";
}

}  // namespace gpic::docs
