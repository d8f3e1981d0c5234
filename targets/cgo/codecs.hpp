// The Go side of the wire format and of Python objects held by Go: per module, one encoder and
// one decoder per composite type, an encoder/decoder per interface, a proxy type per interface
// (Go calling a Python implementation) and a constructor per callback type. Written to
// <module>_values.go.
#pragma once

#include <map>
#include <string>

#include "targets/common/c_abi.hpp"
#include "targets/common/code_writer.hpp"
#include "targets/target.hpp"

namespace gpic::cgo {

class Codecs {
 public:
  explicit Codecs(const abi::Plan& plan);

  /// Go statement(s) appending value `x` of type `t` to writer `w` (a *gpicWriter).
  std::string enc(const ir::Type& t, const std::string& w, const std::string& x) const;
  /// A Go expression reading a value of type `t` from reader `r` (a *gpicReader).
  std::string dec(const ir::Type& t, const std::string& r) const;

  /// The decoder / encoder function for a top-level wire value of type `t`, which works on
  /// underlying(t); the caller converts to and from the named type.
  std::string decoder(const ir::Type& t) const;
  std::string encoder(const ir::Type& t) const;
  /// The Go function building a Go func from a Python reference, for callback type `t`.
  std::string callback_maker(const ir::Type& t) const;

  /// The file with every codec, proxy and callback constructor.
  std::string emit_file(const ir::Module& m, const Options& options) const;

 private:
  int id_of(const ir::Type& t) const;
  void emit_codec(CodeWriter& w, const ir::Type& u, int id) const;
  void emit_chan(CodeWriter& w, const ir::Type& u, CodeWriter::Vars v) const;
  // A func literal encoding (decoding) one value of type e, for a channel's or iterator's port.
  std::string elem_encoder(const ir::Type& e) const;
  std::string elem_decoder(const ir::Type& e) const;
  void emit_interface(CodeWriter& w, const abi::InterfaceExport& i) const;
  void emit_callback(CodeWriter& w, const abi::CallbackType& c) const;
  void emit_box_bound(CodeWriter& w) const;
  /// The body that calls Python: encodes params a0.., calls, decodes named results r0..
  void emit_python_call(CodeWriter& w, const ir::FuncSig& sig, const std::string& ref, int proxy_id,
                        int method) const;

  const abi::Plan& plan_;
  std::map<std::string, int> ids_;
};

/// The Go spelling of an interface's proxy type.
std::string proxy_type(const ir::TypeDecl& iface);

}  // namespace gpic::cgo
