// doctest's main for the unit tests: `gpic_unit` runs them all; `gpic_unit -ts=checker` one suite.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
