"""Outlier detection by z-score with numpy: the Python half of the Go-calls-Python sample.

Go calls `detect` through the package `gpic build outliers.gpi --target go` writes; the data
reaches it as a numpy array over the Go slice's own memory (no copy), and the index array it
returns is copied once into a Go []int64.
"""

import numpy as np


def detect(data, threshold):
    """Indices, in increasing order, of the values of `data` whose z-score (distance from the
    mean in standard deviations) is larger than `threshold`.

    Empty or constant data has no outliers (its standard deviation is 0)."""
    data = np.asarray(data, dtype=np.float64)
    std = data.std() if data.size else 0.0
    if std == 0.0:
        return np.empty(0, dtype=np.int64)
    z = np.abs(data - data.mean()) / std
    return np.flatnonzero(z > threshold).astype(np.int64, copy=False)


def noop():
    """Does nothing: calling it measures the call overhead alone."""
