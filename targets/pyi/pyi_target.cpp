// The pyi target: a typed stub, <module>.pyi, for the Python API that the cffi and cpython
// targets implement (written with every Python target by `gpic build`). It reads only the IR,
// so it describes every construct, whatever a binding target can build today.
#include "targets/common/python_collisions.hpp"
#include "targets/pyi/stub_writer.hpp"
#include "targets/target.hpp"

namespace gpic {
namespace {

class PyiTarget : public Target {
 public:
  std::string_view name() const override { return "pyi"; }
  Reads reads() const override { return Reads::Both; }
  std::string_view summary() const override {
    return "typed Python stub (<module>.pyi) of the Python API, with the doc comments as docstrings";
  }
  void generate(const ir::Module& m, const Options& options, FileSink& out, Diagnostics& diags) const override {
    if (m.python_backed()) {
      // The module is Python source: its own annotations are its types. A stub written from
      // the .gpi would stand beside it and hide them from type checkers (a .pyi wins over
      // the .py), so it is refused rather than written in a form that misleads.
      diags.error(m.go_path_loc, "package " + m.name + " describes the Python module " + m.python_module +
                                     ", whose source is its own stub: the pyi target writes stubs of Go packages "
                                     "bound for Python; annotate the module itself, and use --target go for Go's side");
      return;
    }
    if (!py::check_collisions(m, options.snake_names ? py::Case::Snake : py::Case::Keep, diags)) return;
    out.write(m.name + ".pyi", pyi::emit_stub(m, options));
  }
};

}  // namespace

GPIC_REGISTER_TARGET(PyiTarget)

}  // namespace gpic
