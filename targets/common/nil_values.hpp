// Where Python's None is Go's nil (DESIGN §5): the one rule the cgo shim and both Python
// targets follow for a parameter (also a field or variable being set).
//
//   - a slice or map (numeric or not) takes None as nil: a numeric slice crosses as
//     gpic_slice{NULL, -1} (n = -1 because an empty buffer may have a NULL pointer too, and
//     Go tells nil from empty: gonum's stat.Mean(x, nil) is "unweighted"), any other slice or
//     map as empty gpic_bytes, which Go decodes as the zero value, nil;
//   - pointers, funcs and interfaces take None already, in their own lowering (a nullable
//     handle, reference 0, the codec's nil encoding);
//   - an array has no nil: None is refused (a constructor's missing field aside, which is the
//     zero value of every composite type).
#pragma once

#include "targets/common/c_abi.hpp"

namespace gpic::abi {

/// True for a slice or map type (also named, without methods): one whose parameter takes None
/// as nil although its codec refuses None. The stubs and docs spell such a parameter `... | None`.
bool slice_or_map(const ir::Type& t);

/// True when a parameter lowered as `l` takes None as Go's nil, which the target itself must
/// pass (its codec refuses None): a slice or map, unless `variadic` (its values arrive as a
/// tuple, never None).
bool none_is_nil(const Lowering& l, bool variadic = false);

/// The gpic_slice length that carries a nil numeric slice (its pointer is NULL).
inline constexpr int nil_slice_length = -1;

}  // namespace gpic::abi
