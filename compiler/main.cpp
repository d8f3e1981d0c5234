#include "compiler/driver.hpp"

int main(int argc, char** argv) { return gpic::run_cli(argc, argv); }
