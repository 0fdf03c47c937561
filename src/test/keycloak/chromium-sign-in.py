"""Signs a user in and out of the console through Keycloak in Debian's headless Chromium, driven
over chromedriver's W3C WebDriver protocol (standard library only), for try-keycloak-example.sh:
unlike curl, a browser enforces the pages' Content-Security-Policy, which must let the sign-out
form's redirect go on to Keycloak. Prints one "name: value" line per thing seen."""
import json
import sys
import time
import urllib.request

DRIVER, CONSOLE, USER, PASSWORD = sys.argv[1:5]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(DRIVER + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)["value"]


def wait(what, seconds=30):
    end = time.time() + seconds
    while True:
        try:
            found = what()
            if found:
                return found
        except urllib.error.HTTPError:
            pass
        if time.time() > end:
            raise TimeoutError(f"waited {seconds} s at {call('GET', session + '/url')}")
        time.sleep(0.3)


def find(css):
    return call("POST", session + "/element", {"using": "css selector", "value": css})[ELEMENT]


def url():
    return call("GET", session + "/url")


options = {"binary": "/usr/bin/chromium",
           "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--lang=en", "--window-size=1280,900"]}
session = "/session/" + call("POST", "/session", {"capabilities": {"alwaysMatch": {
    "browserName": "chrome", "goog:chromeOptions": options}}})["sessionId"]
try:
    call("POST", session + "/url", {"url": CONSOLE + "/login"})
    call("POST", session + f"/element/{wait(lambda: find('#login-oidc-button'))}/click", {})
    call("POST", session + f"/element/{wait(lambda: find('#username'))}/value", {"text": USER})
    call("POST", session + f"/element/{find('#password')}/value", {"text": PASSWORD})
    call("POST", session + f"/element/{find('#kc-login')}/click", {})
    user = wait(lambda: find("#current-user"))
    print("current-user:", " ".join(call("GET", session + f"/element/{user}/text").split()))
    call("POST", session + f"/element/{find('#current-user ~ button')}/click", {})
    wait(lambda: url().startswith(CONSOLE + "/login?logout"))
    print("after-sign-out:", url())
    call("POST", session + "/url", {"url": CONSOLE + "/oauth2/authorization/oidc"})
    wait(lambda: find("#username"))
    print("sign-in-again-asks-password: yes")
finally:
    call("DELETE", session)
