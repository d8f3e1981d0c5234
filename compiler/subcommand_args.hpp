// The command-line shape `gpic build` and `gpic extract` share: named options, then the
// positional arguments (.gpi files, an import path), `--help`, and usage errors as exit 2.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gpic {

/// Parses `gpic COMMAND ...` (argv[0] is COMMAND) against `options`, which must include
/// `help,h`. Returns the one positional argument, or the exit status to end with: 0 after
/// printing the help, 2 after printing a usage error (`what` names the argument expected,
/// e.g. "one .gpi file").
std::variant<std::string, int> parse_subcommand(int argc, char** argv, const boost::program_options::options_description& options,
                                                std::string_view command, std::string_view usage, std::string_view what);

/// parse_subcommand for between `min` and `max` positional arguments (`gpic build a.gpi b.gpi`).
std::variant<std::vector<std::string>, int> parse_subcommand_inputs(int argc, char** argv, const boost::program_options::options_description& options,
                                                               std::string_view command, std::string_view usage,
                                                               std::string_view what, size_t min, size_t max);

}  // namespace gpic
