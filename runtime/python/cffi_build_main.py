

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
    parser.add_argument("--archive", required=True, help="the shim built with go build -buildmode=c-archive")
    parser.add_argument("--out", required=True, help="the package folder to put the extension in")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    if args.verbose:
        # setuptools' distutils (PyPy's) logs the compiler commands through logging, which says
        # nothing until configured; the standard library's distutils prints them itself.
        import logging

        logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(message)s")
    ffi = cffi.FFI()
    ffi.cdef(CDEF)
    ffi.set_source(
        EXTENSION,
        SOURCE,
        include_dirs=[os.path.abspath(args.cgo_dir)],
        extra_objects=[os.path.abspath(args.archive)],
        libraries=["pthread"],
        extra_compile_args=["-O2"],
        # The Go runtime inside stays private to this extension: another gpic package in the
        # same process must not bind to its symbols.
        extra_link_args=["-Wl,--exclude-libs,ALL"],
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
