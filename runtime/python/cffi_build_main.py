

# --- gpic runtime: the generic part of every cffi builder (runtime/python/cffi_build_main.py) ---

def main(argv=None):
    """Compiles the cffi extension for the running interpreter and puts it into the package."""
    import argparse
    import os
    import shutil
    import sys
    import tempfile

    import cffi

    parser = argparse.ArgumentParser(description="Build the cffi extension of a gpic package.")
    parser.add_argument("--cgo-dir", required=True, help="folder with the shim's C headers")
    go = parser.add_mutually_exclusive_group(required=True)
    go.add_argument("--archive", help="the shim built with go build -buildmode=c-archive")
    go.add_argument("--shared", help="the joint build's library (go build -buildmode=c-shared) to link to")
    parser.add_argument("--rpath", help="where the extension finds the --shared library at run time ($ORIGIN/..)")
    parser.add_argument("--out", required=True, help="the package folder to put the extension in")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    if args.verbose:
        # setuptools' distutils (PyPy's) logs the compiler commands through logging, which says
        # nothing until configured; the standard library's distutils prints them itself.
        import logging

        logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(message)s")
    if args.shared:
        # A joint build: the Go runtime is the one shared library every module links to.
        go = dict(library_dirs=[os.path.dirname(os.path.abspath(args.shared))],
                  libraries=[":" + os.path.basename(args.shared), "pthread"],
                  extra_link_args=["-Wl,-rpath," + args.rpath] if args.rpath else [])
    else:
        # The Go runtime inside stays private to this extension: another gpic package in the
        # same process must not bind to its symbols.
        go = dict(extra_objects=[os.path.abspath(args.archive)], libraries=["pthread"],
                  extra_link_args=["-Wl,--exclude-libs,ALL"])
    ffi = cffi.FFI()
    ffi.cdef(CDEF)
    ffi.set_source(
        EXTENSION,
        SOURCE,
        include_dirs=[os.path.abspath(args.cgo_dir)],
        extra_compile_args=["-O2"],
        **go
    )
    with tempfile.TemporaryDirectory(prefix="gpic-cffi-") as tmp:
        built = ffi.compile(tmpdir=tmp, verbose=args.verbose)
        os.makedirs(args.out, exist_ok=True)
        dest = os.path.join(args.out, os.path.basename(built))
        staged = dest + ".tmp"
        shutil.copyfile(built, staged)
        os.replace(staged, dest)  # never a half-written extension in the package
    sys.stdout.write(dest + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
