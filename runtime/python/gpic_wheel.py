"""Writes a PEP 427 wheel of a package gpic built (gpic build --wheel).

Run by the interpreter the package was built for, so that the wheel's tags are that
interpreter's own: cp311-cp311-linux_x86_64 for CPython 3.11, pp39-pypy39_pp73-linux_x86_64 for
PyPy 3.9 (PEP 425, as pip computes them). Prints the wheel's file name.
"""

import argparse
import base64
import hashlib
import os
import re
import sys
import sysconfig
import zipfile

# Every file gets this fixed time, so the same inputs give the same wheel, byte for byte.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def interpreter_tag():
    """cp311 or pp39: the implementation and the Python language version it implements."""
    short = {"cpython": "cp", "pypy": "pp"}.get(sys.implementation.name)
    if short is None:
        raise SystemExit("gpic wheel: no wheel tag for the %s implementation" % sys.implementation.name)
    return "%s%d%d" % (short, sys.version_info[0], sys.version_info[1])


def abi_tag():
    """cp311 or pypy39_pp73, from the interpreter's SOABI (cpython-311-x86_64-linux-gnu)."""
    soabi = sysconfig.get_config_var("SOABI")
    if not soabi:
        raise SystemExit("gpic wheel: this interpreter reports no SOABI")
    parts = soabi.split("-")
    if sys.implementation.name == "cpython":
        return "cp" + parts[1]
    return "_".join(parts[:2])


def platform_tag():
    return re.sub(r"[-.]", "_", sysconfig.get_platform())


def record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return "sha256=" + digest


def cffi_requirement():
    """A cffi extension imports _cffi_backend, which PyPy has built in and CPython gets from the
    cffi distribution: at least the version it was compiled with."""
    import cffi

    major_minor = ".".join(cffi.__version__.split(".")[:2])
    return 'cffi>=%s; platform_python_implementation != "PyPy"' % major_minor


def metadata(name, version, summary, requires):
    lines = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version]
    if summary:
        lines.append("Summary: " + " ".join(summary.split()))
    lines.append("Requires-Python: ==%d.%d.*" % sys.version_info[:2])
    lines.extend("Requires-Dist: " + r for r in requires)
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", required=True, help="the folder whose contents go into the wheel")
    parser.add_argument("--name", required=True, help="the distribution name")
    parser.add_argument("--version", required=True, help="the distribution version (PEP 440)")
    parser.add_argument("--summary", default="", help="one line for the metadata")
    parser.add_argument("--out", required=True, help="the folder to write the wheel in")
    parser.add_argument("--cffi", action="store_true", help="the package holds a cffi extension")
    args = parser.parse_args(argv)

    tag = "%s-%s-%s" % (interpreter_tag(), abi_tag(), platform_tag())
    dist = re.sub(r"[-_.]+", "_", args.name)  # PEP 427: the name's runs of -_. become one _
    dist_info = "%s-%s.dist-info" % (dist, args.version)
    files = []
    for folder, dirs, names in os.walk(args.root):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files.append((os.path.relpath(path, args.root).replace(os.sep, "/"), f.read()))
    files.append((dist_info + "/METADATA", metadata(args.name, args.version, args.summary, [cffi_requirement()] if args.cffi else []).encode("utf-8")))
    wheel = "Wheel-Version: 1.0\nGenerator: gpic\nRoot-Is-Purelib: false\nTag: %s\n" % tag
    files.append((dist_info + "/WHEEL", wheel.encode("utf-8")))
    record = "".join("%s,%s,%d\n" % (path, record_hash(data), len(data)) for path, data in files)
    record += dist_info + "/RECORD,,\n"
    files.append((dist_info + "/RECORD", record.encode("utf-8")))

    filename = "%s-%s-%s.whl" % (dist, args.version, tag)
    os.makedirs(args.out, exist_ok=True)
    with zipfile.ZipFile(os.path.join(args.out, filename), "w", zipfile.ZIP_DEFLATED) as whl:
        for path, data in files:
            info = zipfile.ZipInfo(path, FIXED_TIME)
            info.external_attr = (0o755 if path.endswith(".so") else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            whl.writestr(info, data)
    sys.stdout.write(filename + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
