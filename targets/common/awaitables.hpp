// Awaitable Go calls (asyncio): the decisions every target shares. Each bound function and
// method has an awaitable form: the cgo shim exports `<symbol>_async` (converts the arguments,
// starts the call on a goroutine, returns) and `<symbol>_collect` (the blocking export's
// results, once Go has finished), plus one `gpic_<module>_aio_cancel`; the Python targets
// bind them as two private calls each and write the same Python layer over them: the module's
// `aio` namespace (`await mod.aio.F(x)`) and each class's `aio` view (`await obj.aio.M(x)`),
// over the runtime's Awaiter (runtime/python/gpic_aio.py).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compiler/ir.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/common/python_calls.hpp"

namespace gpic::aio {

/// The symbol that cancels an awaitable call's context: gpic_<module>_aio_cancel.
std::string cancel_symbol(const ir::Module& m);

/// The two calls the Python targets bind for the awaitable form of `blocking`: `start` takes
/// the blocking call's arguments and a call id (a uint64 named `_gcall`, last) and returns
/// nothing; `collect` takes the call id and returns the blocking call's results.
struct Pair {
  const py::Call* blocking = nullptr;
  py::Call start, collect;
};
Pair awaitable_calls(const py::Call& blocking);

/// Whether a function or method has an awaitable form: every one. A call with an in-out
/// pointer parameter (targets/common/in_out.hpp) has one too: its collect call returns Go's
/// new values of the pointees after the value results, and the awaitable form writes them
/// into the arguments Python passed (the codec's put_back) on the event loop's thread, when
/// the call completes, as the blocking form writes them back when it returns. A cancelled
/// call writes nothing back.
bool has_awaitable_form(const ir::FuncSig& sig);

/// Which bound calls have an awaitable form: functions, methods of classes, interfaces and
/// named scalar and container types (their values' classes get the same `aio` view), and
/// the field getters of classes.
struct Awaitables {
  std::vector<Pair> funcs;
  struct Owner {
    const ir::TypeDecl* decl;
    std::vector<Pair> methods;
    /// A Go object's field getters: their awaitable forms read the field on the loop's thread
    /// (a field read never waits in Go, so a goroutine would only add a hop), for code that
    /// awaits every access alike. Assignments have none: `obj.N = v` never waits either.
    std::vector<const py::Call*> getters;
  };
  std::vector<Owner> classes;   // classes, interfaces, then value types, in plan order
  std::vector<const py::Call*> all_calls() const;  // every start and collect call
};
Awaitables collect_awaitables(const py::Calls& calls);

/// The Python name a target gives the start or collect call (both targets: "_g" + the cffi
/// wrapper's name after "gpicw_"): a module attribute, except a method's start call, which
/// is an attribute of its class (called on the object).
std::string private_name(const py::Call& c);

/// Writes the Python layer over a target's start/collect functions: the module's `aio`
/// namespace class and each class's `aio` view. `awaiter` is the module-level name of the
/// module's gpic_aio.Awaiter, `cancel` the function that cancels a call's context, `codec`
/// the target's Python name of a type's codec (for in-out pointers' write-backs).
void emit_python(CodeWriter& w, const ir::Module& m, const Awaitables& a, const std::string& awaiter,
                 const std::string& cancel, const std::function<std::string(const ir::Type&)>& codec);

}  // namespace gpic::aio
