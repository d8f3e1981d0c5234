#include "compiler/subcommand_args.hpp"

#include <iostream>
#include <vector>

namespace po = boost::program_options;

namespace gpic {

std::variant<std::vector<std::string>, int> parse_subcommand_inputs(int argc, char** argv, const po::options_description& options,
                                                               std::string_view command, std::string_view usage,
                                                               std::string_view what, size_t min, size_t max) {
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    if (vm.count("help")) {
      std::cout << usage << '\n' << options;
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "gpic " << command << ": error: " << e.what() << "\n" << usage;
    return 2;
  }
  auto inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (inputs.size() < min || inputs.size() > max) {
    std::cerr << "gpic " << command << ": error: expected " << (min == max ? "exactly " : "") << what << ", got "
              << inputs.size() << "\n" << usage;
    return 2;
  }
  return inputs;
}

std::variant<std::string, int> parse_subcommand(int argc, char** argv, const po::options_description& options,
                                                std::string_view command, std::string_view usage, std::string_view what) {
  auto inputs = parse_subcommand_inputs(argc, argv, options, command, usage, what, 1, 1);
  if (const int* status = std::get_if<int>(&inputs)) return *status;
  return std::get<std::vector<std::string>>(inputs).front();
}

}  // namespace gpic
