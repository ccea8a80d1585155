"""Headless Chromium through Selenium and Debian's chromium-driver, as the browser checks use it.

Shared by Scripts/page-geometry.py and Scripts/serve-check.py.
"""
import os

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def driver(width, height=1000, console=False):
    """A headless Chromium whose layout viewport is exactly `width` x `height` CSS pixels, with
    every host name but 127.0.0.1 unresolvable (a page that asks the network fails visibly; a
    local server is still reached); `console` keeps the page's console messages for
    `get_log("browser")`."""
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--force-device-scale-factor=1",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                 "--window-size=%d,%d" % (width, height)]:
        options.add_argument(flag)
    if console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = next((path for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
                   if os.path.exists(path)), None)
    if binary:
        options.binary_location = binary
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") \
        else Service()
    browser = webdriver.Chrome(service=service, options=options)
    # The window's outer size includes no chrome in headless mode; set the layout size exactly.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return browser
