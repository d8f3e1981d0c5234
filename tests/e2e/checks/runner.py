"""Runs every check_* function of a checks module inside the interpreter under test (CPython or
PyPy, which has no pytest) and prints one JSON object: {name: null | "traceback"}.

    INTERP runner.py CHECKS_FILE
"""

import json
import os
import sys
import traceback


def main(path):
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    namespace = {"__name__": "checks", "__file__": path}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), namespace)
    results = {}
    for name, fn in list(namespace.items()):
        if name.startswith("check_") and callable(fn):
            try:
                fn()
                results[name] = None
            except BaseException:  # a check that fails reports; it never stops the others
                results[name] = traceback.format_exc()
    sys.stdout.write("\n" + json.dumps(results) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
