#include "targets/common/channels.hpp"

#include <memory>

namespace gpic::channels {

ir::TypeRef pump_func_type(const ir::Type& chan) {
  auto list = std::make_shared<ir::Type>();
  list->kind = ir::Type::Kind::Slice;
  list->loc = chan.loc;
  list->elem = chan.elem;
  auto sig = std::make_shared<ir::FuncSig>();
  sig->results.push_back(ir::Param{"", list, chan.loc, {}});
  auto f = std::make_shared<ir::Type>();
  f->kind = ir::Type::Kind::Func;
  f->loc = chan.loc;
  f->sig = sig;
  return f;
}

std::string py_chan(const ir::Type& chan, const std::string& elem, bool param, bool awaited) {
  std::string go_chan = "GoChan[" + elem + "]";
  if (!param || !python_may_fill(chan)) return go_chan;
  return go_chan + " | Iterable[" + elem + "]" + (awaited ? " | AsyncIterable[" + elem + "]" : "");
}

std::string py_seq(const std::string& key, const std::string& elem) {
  return key.empty() ? "GoIter[" + elem + "]" : "GoIter[tuple[" + key + ", " + elem + "]]";
}

std::string stub_classes(const std::string& body) {
  bool chan = body.find("GoChan[") != std::string::npos, seq = body.find("GoIter[") != std::string::npos;
  if (!chan && !seq) return "";
  // One type variable per stub: GoRef's (pyi/stub_writer.cpp) may have declared it already.
  std::string out = body.find("_T = TypeVar(\"_T\")") == std::string::npos ? "_T = TypeVar(\"_T\")\n\n" : "";
  if (chan)
    out += "class GoChan(Generic[_T]):\n"
           "    \"\"\"A Go channel (the runtime's GoChan, which the module exports by this name): iterate\n"
           "    it to receive until Go closes it; send() and close() where Go lets Python send.\n"
           "    Blocking waits release the GIL and stop on Ctrl-C.\"\"\"\n"
           "    def __iter__(self) -> Iterator[_T]: ...\n"
           "    def __next__(self) -> _T: ...\n"
           "    def recv(self, timeout: float | None = None) -> _T: ...\n"
           "    def send(self, value: _T, timeout: float | None = None) -> None: ...\n"
           "    def close(self) -> None: ...\n"
           "    def release(self) -> None: ...\n"
           "    def __aiter__(self) -> AsyncIterator[_T]: ...\n"
           "    async def __anext__(self) -> _T: ...\n"
           "    async def arecv(self, timeout: float | None = None) -> _T: ...\n"
           "    async def asend(self, value: _T, timeout: float | None = None) -> None: ...\n\n";
  if (seq)
    out += "class GoIter(Iterator[_T]):\n"
           "    \"\"\"A Go iterator (the runtime's GoIter, which the module exports by this name): lazy;\n"
           "    close() (or leaving a with block) stops the Go loop early, running its deferred code.\"\"\"\n"
           "    def __next__(self) -> _T: ...\n"
           "    def close(self) -> None: ...\n"
           "    def __enter__(self) -> Self: ...\n"
           "    def __exit__(self, *exc: object) -> None: ...\n\n";
  return out;
}

}  // namespace gpic::channels
