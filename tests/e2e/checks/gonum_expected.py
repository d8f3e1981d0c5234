"""What gonum itself computes for the inputs of the gonum checks: the JSON that
tests/e2e/fixtures/real/gonum/expect (a Go program over the same pinned gonum) printed, which
test_real_gonum.py names in GPIC_GONUM_EXPECTED. The inputs below are that program's."""

import json
import os

with open(os.environ["GPIC_GONUM_EXPECTED"], encoding="utf-8") as f:
    EXPECTED = json.load(f)

X = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]
Y = [1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 8.0, 9.0]
WEIGHTS = [1.0, 2.0, 1.0, 3.0, 1.0, 2.0, 1.0, 1.0]
DIVIDERS = [0.0, 3.0, 5.0, 10.0]
GRID = [1.0, -2.0, 3.0, 4.0, 5.0, -6.0]   # 2×3, row-major
SQUARE = [4.0, 7.0, 2.0, 6.0]             # 2×2, row-major
