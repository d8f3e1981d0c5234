// Go channels (`chan T`, `<-chan T`, `chan<- T`) and Go 1.23 iterators (`iter.Seq[V]`,
// `iter.Seq2[K, V]`): how they cross to Python, decided here once for every target.
//
//   - Both cross in the wire format (abi::Kind::Wire) as a handle of a "port" in Go's handle
//     table (runtime/go/gpic_chan.go), which Python's GoChan and GoIter objects
//     (runtime/python/gpic_wire.py) drive through fixed exports (gpic_chan_recv,
//     gpic_chan_send, gpic_chan_close, their awaitable forms over the completion ports of
//     awaitable calls, gpic_iter_next, gpic_iter_stop), in the element type's own codec.
//   - One crossing moves a batch of values (gpic_chan.go): a receive takes what is ready, an
//     iterator step runs the Go loop on for as many values as Python asks (1, 2, 4, ... 1024).
//   - A channel may be a parameter, a result, a field, a variable or an element. To Go, Python
//     passes a GoChan it holds, or, where Go receives (`<-chan T`, `chan T`), any iterable:
//     a goroutine pulls its items through a Python callable of type pump_func_type() and
//     sends them on a new channel, which it closes at the end. In an awaitable call, an async
//     iterable too: the callable awaits each item on the call's event loop.
//   - An iterator is a result only (never a parameter or a settable field).
#pragma once

#include <string>

#include "compiler/ir.hpp"

namespace gpic::channels {

/// True for a channel or iterator type (after named aliases are followed by the caller).
inline bool is_chan(const ir::Type& t) { return t.kind == ir::Type::Kind::Chan; }
inline bool is_seq(const ir::Type& t) { return t.kind == ir::Type::Kind::Seq; }

/// True when Go receives from a channel of this type, so that a Python iterable can fill it.
inline bool python_may_fill(const ir::Type& chan) { return chan.dir != ir::Type::ChanDir::Send; }

/// `func() []T` for a channel of T: the Python callable a pump goroutine calls for the next
/// item of an iterable ([x], or [] at the end). A new type each call, sharing `chan`'s element.
ir::TypeRef pump_func_type(const ir::Type& chan);

/// How a stub and the docs spell the type in Python, given the element's spelling(s):
/// `GoChan[int]` for a channel Python receives from or sends to (as a parameter, a channel Go
/// receives from is also any `Iterable[int]`, and, for an awaitable call's form (`awaited`),
/// `AsyncIterable[int]`, which only such a call takes: gpic_wire._apull); `GoIter[int]` /
/// `GoIter[tuple[str, int]]` for an iterator. The stub declares the two generic classes
/// (stub_classes) when it uses them: they are gpic_wire.GoChan and GoIter, which the module
/// exports by those names (chan_classes.hpp).
std::string py_chan(const ir::Type& chan, const std::string& elem, bool param, bool awaited);
std::string py_seq(const std::string& key, const std::string& elem);

/// The stub's declarations of `GoChan` and `GoIter` that a stub body spelling them needs.
std::string stub_classes(const std::string& body);

}  // namespace gpic::channels
