"""The generated HTML docs in a real browser: headless Chromium (Debian's `chromium`) opens a
page from disk (file://), a Korean word typed into the search box finds the right symbol, and
the language switcher lands on the same symbol in the other language.

Chromium is driven over the Chrome DevTools protocol on a pipe (--remote-debugging-pipe), so
the test needs no driver, no network port and no package beyond the browser itself. A missing
browser fails the test: it is a dependency (scripts/install-deps), not an option.

Screenshots of what the browser showed are left in $GPIC_BUILD_DIR/docs-screenshots (or a
temporary directory) for a person to look at.
"""

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time

import pytest

from conftest import ROOT, gpic_binary

FIXTURES = os.path.join(ROOT, "tests", "golden", "docs", "input")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--no-default-browser-check", "--hide-scrollbars", "--window-size=1280,900"]


def chromium_binary():
    path = os.environ.get("GPIC_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("chromium is required for the docs browser test and is missing (scripts/install-deps installs it)")
    return path


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (events out)."""

    def __init__(self, profile):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire_pipes():
            # Move both ends out of the way first: a pipe may itself be fd 3 or 4, and dup2 onto
            # itself would keep it close-on-exec. close_fds must stay off, since it runs after
            # this and would close 3 and 4 again.
            high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(
            [chromium_binary(), *CHROMIUM_FLAGS, "--user-data-dir=" + profile, "--remote-debugging-pipe",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.session = None

    def _read_message(self, deadline):
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe (exit %s)" % self.proc.poll())
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, browser_level=False, timeout=30):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session and not browser_level:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError("%s failed: %s" % (method, reply["error"]))
                return reply.get("result", {})

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser_level=True)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 browser_level=True)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.navigate(url)

    def navigate(self, url):
        self.send("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete' && location.href === %s" % json.dumps(url))

    def eval(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: %s" % result["exceptionDetails"])
        return result["result"].get("value")

    # What Runtime.evaluate answers when the page it ran in goes away mid-call: a poll that
    # spans a navigation (a language switch) meets it, and must simply ask the new page.
    NAVIGATED = ("Inspected target navigated or closed", "Execution context was destroyed",
                 "Cannot find context with specified id")

    def wait_for(self, expression, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.eval(expression):
                    return
            except RuntimeError as e:
                if not any(m in str(e) for m in self.NAVIGATED):
                    raise
            time.sleep(0.05)
        raise AssertionError("timed out waiting for: " + expression)

    def click(self, selector):
        """A real mouse click at the centre of the element, as a person would make it."""
        box = self.eval("(() => { const r = document.querySelector(%s).getBoundingClientRect();"
                        " return [r.left + r.width / 2, r.top + r.height / 2]; })()" % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                    "clickCount": 1})

    def type_text(self, selector, text):
        self.eval("document.querySelector(%s).focus()" % json.dumps(selector))
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", browser_level=True, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs-site")
    r = subprocess.run([gpic_binary(), "--target", "docs", "--lang", "en,ko", "-o", str(out),
                        os.path.join(FIXTURES, "shapes.gpi"), os.path.join(FIXTURES, "geometry.gpi")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def screenshots():
    base = os.environ.get("GPIC_BUILD_DIR") or tempfile.gettempdir()
    path = os.path.join(base, "docs-screenshots")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture
def browser():
    profile = tempfile.mkdtemp(prefix="gpic-chromium-")
    b = Browser(profile)
    try:
        yield b
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


RESULTS = "[...document.querySelectorAll('#gpic-results li a')].map(a => [a.querySelector('code').textContent, a.getAttribute('href')])"


def test_korean_search_and_language_switch(site, browser, screenshots):
    page = (site / "ko" / "shapes.html").as_uri()
    browser.open(page)
    browser.wait_for("!!window.GPIC_SEARCH_INDEX && !!document.getElementById('gpic-search')")

    # "기하" is only part of the word "기하학적" in Point.Dist's Korean text.
    browser.type_text("#gpic-search", "기하")
    browser.wait_for("document.querySelectorAll('#gpic-results li a').length > 0")
    results = browser.eval(RESULTS)
    assert results[0] == ["shapes.Point.Dist", "shapes.html#type-Point.method-Dist"], results
    browser.screenshot(os.path.join(screenshots, "ko-search.png"))

    browser.click("#gpic-results li a")
    browser.wait_for("location.hash === '#type-Point.method-Dist'")
    assert browser.eval("document.getElementById('gpic-results').hidden") is True

    # The switcher now points at the same symbol (retargeted by the hashchange event, which
    # the browser fires after the hash changes), and following it lands there.
    browser.wait_for("document.querySelector('a.lang-switch').href.endsWith('#type-Point.method-Dist')")
    href = browser.eval("document.querySelector('a.lang-switch').href")
    assert href.endswith("/en/shapes.html#type-Point.method-Dist"), href
    browser.click("a.lang-switch")
    browser.wait_for("location.pathname.endsWith('/en/shapes.html') && document.readyState === 'complete'")
    assert browser.eval("location.hash") == "#type-Point.method-Dist"
    assert browser.eval("document.documentElement.lang") == "en"
    top = browser.eval("document.getElementById('type-Point.method-Dist').getBoundingClientRect().top")
    assert 0 <= top < 300, "the symbol is not at the top of the window: %s" % top
    browser.screenshot(os.path.join(screenshots, "en-after-switch.png"))


def test_switch_without_an_anchor_uses_the_symbol_in_view(site, browser):
    browser.open((site / "en" / "shapes.html").as_uri())
    browser.eval("document.getElementById('func-Histogram').scrollIntoView()")
    browser.click("a.lang-switch")
    browser.wait_for("location.pathname.endsWith('/ko/shapes.html') && document.readyState === 'complete'")
    assert browser.eval("location.hash") == "#func-Histogram"


def test_english_search_finds_identifier_parts_and_says_when_nothing_matches(site, browser):
    browser.open((site / "en" / "index.html").as_uri())
    browser.wait_for("!!window.GPIC_SEARCH_INDEX")
    browser.type_text("#gpic-search", "point")
    browser.wait_for("document.querySelectorAll('#gpic-results li a').length > 0")
    names = [name for name, _ in browser.eval(RESULTS)]
    assert names[0] == "shapes.Point", names
    assert "shapes.NewPoint" in names, names          # "point" is a part of NewPoint

    browser.eval("document.getElementById('gpic-search').value = ''")
    browser.type_text("#gpic-search", "zzzzqqq")
    browser.wait_for("!!document.querySelector('#gpic-results li.empty')")
    assert browser.eval("document.querySelector('#gpic-results li.empty').textContent") == "No matches."


def test_untranslated_text_is_badged_and_marked_english(site, browser, screenshots):
    browser.open((site / "ko" / "shapes.html").as_uri() + "#type-Point")
    browser.wait_for("document.readyState === 'complete'")
    row = "document.getElementById('type-Point.field-Label')"
    assert browser.eval(row + ".querySelector('.badge-untranslated').textContent") == "번역 안 됨"
    assert browser.eval(row + ".querySelector('.doc').lang") == "en"
    # The badge is visible, not merely present.
    assert browser.eval("(() => { const r = %s.querySelector('.badge-untranslated').getBoundingClientRect();"
                        " return r.width > 0 && r.height > 0; })()" % row) is True
    browser.screenshot(os.path.join(screenshots, "ko-point.png"))
