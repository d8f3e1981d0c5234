#include "targets/cpython/exports.hpp"

#include "targets/common/python_names.hpp"

namespace gpic::cpython {

bool Export::scalar_only() const {
  for (const auto& p : params)
    if (!p.value.scalar) return false;
  return results.empty() || (direct && results.size() == 1 && results[0].scalar);
}

namespace {

Value value_of(const ir::Type& t) {
  auto l = abi::lower(t, false);
  return {l->c_type, &t, l->scalar};
}

Export accessor(const std::string& c_name, const std::string& python_name, const std::string& go_name,
                const std::string& symbol, const ir::Doc& doc) {
  Export e;
  e.c_name = c_name;
  e.python_name = python_name;
  e.error_name = go_name;
  e.symbol = symbol;
  e.doc = &doc;
  return e;
}

}  // namespace

Exports collect(const ir::Module& m, const abi::Plan& plan, const Options& options) {
  py::Case names = options.snake_names ? py::Case::Snake : py::Case::Keep;
  Exports out;
  for (const auto& f : plan.funcs) {
    Export e = accessor("fn_" + f.func->name, py::module_name(f.func->name, names), f.func->name, f.sig.symbol,
                        f.func->doc);
    e.func = f.func;
    for (size_t i = 0; i < f.func->sig.params.size(); ++i) {
      const auto& p = f.func->sig.params[i];
      e.params.push_back({py::param_name(p.name, i), p.type->go_spelling(), value_of(*p.type)});
    }
    for (const auto* r : f.func->sig.value_results()) e.results.push_back(value_of(*r->type));
    e.direct = f.sig.direct_result.has_value();
    out.funcs.push_back(std::move(e));
  }
  for (const auto& k : plan.consts) {
    const ir::Const& c = *k.constant;
    Export e = accessor("const_" + c.name, py::module_name(c.name, names), c.name, k.symbol, c.doc);
    e.results.push_back(value_of(*c.type));
    e.direct = k.type.scalar;
    out.consts.push_back(std::move(e));
  }
  for (const auto& v : plan.vars) {
    const ir::Var& var = *v.var;
    std::string name = py::module_name(var.name, names);
    Export g = accessor("get_" + var.name, name, var.name, v.getter, var.doc);
    g.results.push_back(value_of(*var.type));
    g.direct = v.type.scalar;
    Export s = accessor("set_" + var.name, name, var.name, v.setter, var.doc);
    s.params.push_back({"value", var.type->go_spelling(), value_of(*var.type)});
    out.getters.push_back(std::move(g));
    out.setters.push_back(std::move(s));
  }
  return out;
}

}  // namespace gpic::cpython
