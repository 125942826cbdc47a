# SPDX-License-Identifier: EUPL-1.2
"""Screenshots of each role's start page and of a case page, at 1280 and 390 px wide.

Usage (from the project root, after `make setup` and `make chromium`):

    .venv/bin/python docs/screenshots/make_screenshots.py [target-folder]

It loads the demo into a fresh SQLite database in a temporary folder, starts the development
server on a free port, logs in as each role and saves `<role>-<width>.png` in the target folder
(default docs/screenshots/). Nothing of the real var/ database is touched.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
RAADSLOKET = [sys.executable, "-m", "raadsloket"]
# One login per role the guide names; the case page is shown to the griffier and the requester.
ROLES = {
    "griffier": "griffier",
    "raadslid": "raadslid1",
    "secretaris": "secretaris",
    "ambtenaar": "ambtenaar1",
    "manager": "manager1",
    "college": "wethouder1",
    "beheerder": "beheerder",
}
WIDTHS = (1280, 390)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def demo_server(folder: Path, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
        "DEBUG": "true",
        "TASKS_IMMEDIATE": "true",
        "TWO_FACTOR_REQUIRED": "false",
    }
    for step in (["migrate", "--noinput", "-v0"], ["demo"]):
        subprocess.run(RAADSLOKET + step, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [*RAADSLOKET, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urlopen(f"http://127.0.0.1:{port}/gezond", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("De ontwikkelserver start niet.")


def login(page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()


def first_case_url(page, base: str) -> str:
    page.goto(f"{base}/verzoeken/")
    return page.locator("main table a[href^='/verzoeken/']").first.get_attribute("href")


def shoot(page, target: Path, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        page.screenshot(path=target / f"{name}-{width}.png", full_page=True)
        print(f"  {name}-{width}.png")


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        server = demo_server(Path(folder), port)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(locale="nl-NL")
                for role, username in ROLES.items():
                    login(page, base, username)
                    shoot(page, target, role)
                login(page, base, "raadslid1")
                page.goto(base + first_case_url(page, base))
                shoot(page, target, "verzoek-raadslid")
                login(page, base, "griffier")
                page.goto(base + first_case_url(page, base))
                shoot(page, target, "verzoek-griffier")
                browser.close()
        finally:
            server.terminate()


if __name__ == "__main__":
    main()
