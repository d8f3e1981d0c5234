"""Capturing what Go and C print, for the checks of packages that print (gopy's examples)."""
import os
import sys
import tempfile


def printed(fn, *args):
    """What fn(*args) writes to the process's standard output (Go's fmt and C's stdio)."""
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile() as f:
        os.dup2(f.fileno(), 1)
        try:
            result = fn(*args)
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
        f.seek(0)
        return f.read().decode(), result
