#include "targets/docs/anchors.hpp"

namespace gpic::docs {

namespace {
std::string join(std::string_view a, std::string_view b) { return std::string(a) + std::string(b); }
}  // namespace

std::string anchor_func(std::string_view name) { return join("func-", name); }
std::string anchor_type(std::string_view name) { return join("type-", name); }
std::string anchor_field(std::string_view type, std::string_view field) {
  return anchor_type(type) + join(".field-", field);
}
std::string anchor_method(std::string_view type, std::string_view method) {
  return anchor_type(type) + join(".method-", method);
}
std::string anchor_const(std::string_view name) { return join("const-", name); }
std::string anchor_var(std::string_view name) { return join("var-", name); }
std::string anchor_exception(std::string_view name) { return join("exc-", name); }

std::map<std::string, std::string, std::less<>> symbol_anchors(const ir::Module& m) {
  std::map<std::string, std::string, std::less<>> out;
  for (const char* e : {"Error", "GoError", "GoPanic", "GoHandleError"}) out[e] = anchor_exception(e);
  for (const auto& t : m.types) {
    out[t.name] = anchor_type(t.name);
    for (const auto& f : t.fields) out[t.name + "." + f.name] = anchor_field(t.name, f.name);
    for (const auto& im : t.methods) out[t.name + "." + im.name] = anchor_method(t.name, im.name);
  }
  for (const auto& f : m.funcs) {
    if (f.recv) out[f.recv->type_name + "." + f.name] = anchor_method(f.recv->type_name, f.name);
    else out[f.name] = anchor_func(f.name);
  }
  for (const auto& c : m.consts) out[c.name] = anchor_const(c.name);
  for (const auto& v : m.vars) out[v.name] = anchor_var(v.name);
  return out;
}

std::string page_stem(std::string_view module_name) {
  return module_name == "index" ? "index_" : std::string(module_name);
}

}  // namespace gpic::docs
