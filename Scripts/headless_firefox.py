"""Headless Firefox driven over WebDriver BiDi, the W3C protocol Firefox speaks natively.

Debian packages no geckodriver, so Selenium cannot drive Firefox here; Firefox itself listens
for BiDi on a WebSocket when started with --remote-debugging-port. This is the handful of BiDi
commands the browser checks need: navigate, evaluate a script, click and type with real input
events, set the viewport, take a screenshot, and collect the console. Used by
Scripts/firefox-check.py; needs Debian's firefox-esr.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time

from websocket_client import WebSocket

# Keys that WebDriver names by code point (https://w3c.github.io/webdriver/#keyboard-actions).
KEYS = {"\n": "\ue007", "ArrowRight": "\ue014", "ArrowLeft": "\ue012", "Home": "\ue011",
        "End": "\ue010", "Escape": "\ue00c", "Control": "\ue009"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Firefox:
    """One headless Firefox with a fresh profile and one tab, `width` x `height` CSS pixels."""

    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="argmap-firefox-")
        # No network but the local server: no updates, telemetry or remote settings.
        with open(os.path.join(self.profile, "user.js"), "w") as prefs:
            for name, value in [("app.update.disabledForTesting", "true"),
                                ("datareporting.policy.dataSubmissionEnabled", "false"),
                                ("toolkit.telemetry.enabled", "false"),
                                ("browser.shell.checkDefaultBrowser", "false"),
                                ("network.proxy.type", "0")]:
                prefs.write('user_pref("%s", %s);\n' % (name, value))
        port = free_port()
        binary = shutil.which("firefox-esr") or shutil.which("firefox")
        if not binary:
            raise RuntimeError("Firefox is not installed (Debian: apt-get install firefox-esr)")
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-remote", "--profile", self.profile,
             "--remote-debugging-port", str(port), "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.socket = None
        try:
            self._connect(port, width, height)
        except BaseException:
            # No Firefox left running, no profile left behind, whatever went wrong.
            self.quit()
            raise

    def _connect(self, port, width, height):
        deadline = time.time() + 60
        while True:
            try:
                self.socket = WebSocket(port, "/session", timeout=120)
                break
            except (OSError, EOFError, RuntimeError):
                if time.time() > deadline or self.process.poll() is not None:
                    raise RuntimeError("Firefox did not start its WebDriver BiDi listener")
                time.sleep(0.2)
        self.next_id = 0
        self.console = []
        self.command("session.new", {"capabilities": {}})
        self.command("session.subscribe", {"events": ["log.entryAdded"]})
        tree = self.command("browsingContext.getTree", {})
        self.context = tree["contexts"][0]["context"]
        self.command("browsingContext.setViewport", {
            "context": self.context, "viewport": {"width": width, "height": height},
            "devicePixelRatio": 1})

    def command(self, method, params):
        """Sends one command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.receive())
            if message.get("type") == "event":
                if message.get("method") == "log.entryAdded":
                    entry = message["params"]
                    self.console.append({"level": entry.get("level"), "text": entry.get("text")})
                continue
            if message.get("id") != self.next_id:
                continue
            if message.get("type") == "error":
                raise RuntimeError("%s: %s: %s" % (method, message.get("error"), message.get("message")))
            return message["result"]

    def get(self, url):
        self.command("browsingContext.navigate",
                     {"context": self.context, "url": url, "wait": "complete"})

    def run(self, expression):
        """The value of a JavaScript expression (awaited if a promise), as JSON would carry it."""
        result = self.command("script.evaluate", {
            "expression": "(async () => JSON.stringify(await (async () => (" + expression + "))()))()",
            "target": {"context": self.context}, "awaitPromise": True})
        if result.get("type") == "exception":
            raise RuntimeError("script failed: %s" % result["exceptionDetails"].get("text"))
        value = result["result"]
        return json.loads(value["value"]) if value.get("type") == "string" else None

    def wait(self, condition, seconds=60, what="condition"):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.run(condition)
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError("timed out waiting for " + what + ": " + condition)

    def click(self, selector):
        """A real mouse click in the middle of the first element `selector` finds (which must be
        in view: the page, not the driver, decides what is scrolled where)."""
        box = self.run("(() => { const r = document.querySelector(%s).getBoundingClientRect();"
                       " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
                       % json.dumps(selector))
        self.command("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": int(box[0]), "y": int(box[1])},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})

    def type(self, text):
        """Real key presses into the focused element; `\\n` is Enter."""
        actions = []
        for character in text:
            key = KEYS.get(character, character)
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.command("input.performActions", {"context": self.context, "actions": [
            {"type": "key", "id": "keyboard", "actions": actions}]})

    def press(self, name):
        self.type(KEYS[name])

    def screenshot(self, path):
        data = self.command("browsingContext.captureScreenshot", {"context": self.context})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def quit(self):
        if self.socket is not None:
            try:
                self.command("session.end", {})
            except Exception:  # noqa: BLE001 - Firefox may already be closing
                pass
            self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
