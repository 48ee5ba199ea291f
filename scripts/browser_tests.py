#!/usr/bin/env python3
"""Browser tests of `joblens serve` in headless Chromium (Selenium, the system's chromedriver).

Run through scripts/browser-tests.sh, which installs what they need. Starts the server on a free
port of 127.0.0.1, drives the app as a curriculum designer would, and prints one line per test,
the time to the first report, and 'N passed, N failed'. Exit status 1 when a test failed.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parent.parent
JOBLENS = os.environ.get("JOBLENS", str(ROOT / ".build/release/joblens"))
OUT = pathlib.Path(os.environ.get("BROWSER_TEST_OUT", ROOT / "out/browser-tests"))
HOSTILE_TITLES = [
    "<script>window.__xss = 1</script>Assistant",
    '"><img src=x onerror="window.__xss = 2">Assistant',
]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def start_server():
    started = time.monotonic()
    process = subprocess.Popen(
        [JOBLENS, "serve", "--port", "0", "--index", str(ROOT / "Data/index/esco.jlidx")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
    if not match:
        process.kill()
        raise SystemExit("browser tests: the server did not start: " + line + process.stderr.read())
    return process, match.group(1), time.monotonic() - started


def browser(download_dir, width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(
        service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver


def wait(driver, condition, seconds=30, what="the page"):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d))
    except Exception:
        raise Failure(f"timed out waiting for {what}; status: {status(driver)!r}; "
                      f"errors: {driver.find_element(By.ID, 'errors').text!r}")


def status(driver):
    return driver.find_element(By.ID, "status").text


def figure(driver):
    return driver.find_element(By.CSS_SELECTOR, "#coverage .value").text


def refreshed(driver, before_generation):
    return driver.execute_script("return window.jobLensState.generation") > before_generation and \
        status(driver).startswith("Report updated")


def act(driver, action):
    """Does `action` and waits for the report to be measured again."""
    generation = driver.execute_script("return window.jobLensState.generation")
    action()
    wait(driver, lambda d: refreshed(d, generation), what="the report to update")


def no_script_ran(driver):
    check(driver.execute_script("return window.__xss === undefined"), "a posting's script ran")
    check(not driver.find_elements(By.CSS_SELECTOR, "img[src='x']"), "a posting made an <img>")


class Tests:
    def __init__(self, driver, address, workdir, startup):
        self.driver, self.address, self.workdir, self.startup = driver, address, workdir, startup
        self.first_report = None

    def test_default_report_in_under_2_seconds(self):
        started = time.monotonic()
        self.driver.get(self.address)
        wait(self.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#headline"), what="the report")
        self.first_report = time.monotonic() - started
        headline = self.driver.find_element(By.ID, "headline").text
        check("postings" in headline and "curriculum covers" in headline, f"headline: {headline}")
        check(re.fullmatch(r"\d+(\.\d)?%", figure(self.driver)), f"figure: {figure(self.driver)}")
        total = self.startup + self.first_report
        check(total < 2, f"server start + first report took {total:.2f} s")

    def test_sample_postings_and_default_curriculum(self):
        driver = self.driver
        driver.find_element(By.CSS_SELECTOR, "#controls summary").click()
        act(driver, lambda: driver.find_element(By.ID, "use-sample").click())
        act(driver, lambda: driver.find_element(By.ID, "use-default-curriculum").click())
        check("Virtual assistant" in driver.find_element(By.TAG_NAME, "h1").text, "title")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#items tbody tr")) == 17, "17 items")

    def test_excluding_a_skill_changes_the_figure(self):
        driver = self.driver
        before = figure(driver)
        button = driver.find_element(By.CSS_SELECTOR, "#gaps button[data-action='exclude-skill']")
        label = button.get_attribute("data-label")
        act(driver, button.click)
        check(figure(driver) != before, f"the figure stayed {before}")
        check(label in driver.find_element(By.ID, "edits").text, "the exclusion is listed")
        self.excluded_figure = figure(driver)

    def test_accepting_a_suggested_skill(self):
        driver = self.driver
        button = driver.find_element(By.CSS_SELECTOR, "#items button[data-action='edit-item']")
        button.click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#item-suggestions .accept-skill"),
             what="suggestions")
        before = len(driver.find_elements(By.CSS_SELECTOR, "#item-skills li"))
        act(driver, lambda: driver.find_element(By.CSS_SELECTOR, "#item-suggestions .accept-skill").click())
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#item-skills li")) == before + 1,
             what="the accepted skill")

    def test_opening_a_gap_and_explaining_a_posting(self):
        driver = self.driver
        driver.find_element(By.CSS_SELECTOR, "#gaps button[data-action='postings']").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel button[data-action='explain']"),
             what="the postings")
        driver.find_element(By.CSS_SELECTOR, "#panel button[data-action='explain']").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .posting-text mark"),
             what="the marked text")

    def download(self, button, suffix):
        for old in self.workdir.glob(f"*{suffix}"):
            old.unlink()
        self.driver.find_element(By.ID, button).click()
        wait(self.driver, lambda d: [p for p in self.workdir.glob(f"*{suffix}")
                                     if not p.name.endswith(".crdownload")], what="the download")
        return next(p for p in self.workdir.glob(f"*{suffix}") if not p.name.endswith(".crdownload"))

    def test_downloaded_curriculum_passes_curriculum_check(self):
        for button, suffix in [("download-yaml", ".yaml"), ("download-csv", ".csv")]:
            path = self.download(button, suffix)
            result = subprocess.run([JOBLENS, "curriculum", "check", str(path), "--index",
                                     str(ROOT / "Data/index/esco.jlidx")],
                                    capture_output=True, text=True, cwd=ROOT)
            check(result.returncode == 0, f"curriculum check {path.name}: {result.stderr.strip()}")
            check("17 items" in result.stdout or "18 items" in result.stdout, result.stdout)
        tables = self.download("download-tables", "coverage.csv")
        check(tables.read_text().startswith("section,"), "the tables' CSV")

    def test_hostile_postings_execute_nothing(self):
        driver = self.driver
        hostile = self.workdir / "hostile.jsonl"
        with hostile.open("w") as out:
            for number, title in enumerate(HOSTILE_TITLES):
                out.write(json.dumps({"id": f"h{number}<b>", "title": title,
                                      "text": title + "\n- Schedule appointments and answer e-mails"
                                      " <script>window.__xss = 3</script>\n- Keep the books"}) + "\n")
        act(driver, lambda: driver.find_element(By.ID, "postings-file").send_keys(str(hostile)))
        no_script_ran(driver)
        check(HOSTILE_TITLES[0] in driver.find_element(By.ID, "report").text
              or "h0<b>" in driver.find_element(By.ID, "report").text
              or driver.find_element(By.CSS_SELECTOR, "#items"), "report shown")
        driver.find_element(By.CSS_SELECTOR, "button[data-action='postings']").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel button[data-action='explain']"),
             what="the hostile postings")
        # Markup in a title field is reduced to text on reading (as for any scraped field), so
        # the id, which is kept verbatim, is what must come back as text; no element may be made.
        panel = driver.find_element(By.ID, "panel")
        check("(h0<b>)" in panel.text, "the hostile id is shown as text")
        check(not panel.find_elements(By.CSS_SELECTOR, "script, img, b"),
              "no element made from a posting's strings")
        driver.find_element(By.CSS_SELECTOR, "#panel button[data-action='explain']").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .posting-text"), what="explain")
        time.sleep(0.3)
        no_script_ran(driver)
        paste = driver.find_element(By.ID, "paste-text")
        paste.send_keys(HOSTILE_TITLES[1] + "\nAnswer the phone <img src=x onerror=alert(1)>")
        act(driver, lambda: driver.find_element(By.ID, "paste-button").click())
        no_script_ran(driver)

    def test_bad_uploads_show_an_error(self):
        driver = self.driver
        bad_zip = self.workdir / "broken.zip"
        bad_zip.write_bytes(b"PK\x03\x04 this is not a zip")
        driver.find_element(By.ID, "postings-file").send_keys(str(bad_zip))
        wait(driver, lambda d: "not a readable zip" in d.find_element(By.ID, "errors").text,
             what="the zip error")
        bad_yaml = self.workdir / "broken.yaml"
        bad_yaml.write_text("id: x\ntitle: [unclosed\n")
        driver.find_element(By.ID, "curriculum-file").send_keys(str(bad_yaml))
        wait(driver, lambda d: "not a valid curriculum" in d.find_element(By.ID, "errors").text,
             what="the curriculum error")
        act(driver, lambda: driver.find_element(By.ID, "use-sample").click())

    def test_comparing_two_corpora(self):
        driver = self.driver
        other = self.workdir / "other.jsonl"
        lines = (ROOT / "Data/samples/va-postings.jsonl").read_text().splitlines()[:3]
        other.write_text("\n".join(lines) + "\n")
        driver.find_element(By.ID, "compare-postings-file").send_keys(str(other))
        wait(driver, lambda d: "Other postings ready" in status(d), what="the other corpus")
        driver.find_element(By.ID, "compare-button").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#comparison #compare-skills tbody tr"),
             what="the comparison")

    def test_screenshots_at_390_and_1280_px(self):
        driver = self.driver
        for width in (390, 1280):
            driver.set_window_size(width, 1000)
            time.sleep(0.3)
            scroll = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            check(scroll[0] <= scroll[1], f"horizontal scroll at {width} px: {scroll}")
            png = OUT / f"app-{width}px.png"
            driver.save_screenshot(str(png))
            blank = subprocess.run([sys.executable, str(ROOT / "scripts/png-not-blank.py"), str(png)],
                                   capture_output=True, text=True)
            check(blank.returncode == 0, f"{png.name} is blank: {blank.stdout}{blank.stderr}")
        driver.set_window_size(1280, 900)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    server, address, startup = start_server()
    passed = failed = 0
    try:
        with tempfile.TemporaryDirectory(prefix="joblens-browser-") as work:
            driver = browser(pathlib.Path(work))
            try:
                tests = Tests(driver, address, pathlib.Path(work), startup)
                for name in [n for n in Tests.__dict__ if n.startswith("test_")]:
                    started = time.monotonic()
                    try:
                        getattr(tests, name)()
                        passed += 1
                        print(f"ok   {name} ({time.monotonic() - started:.2f} s)", flush=True)
                    except Exception as error:
                        failed += 1
                        print(f"FAIL {name}: {error}", flush=True)
                        if not isinstance(error, Failure):
                            traceback.print_exc()
                        driver.save_screenshot(str(OUT / f"failed-{name}.png"))
                if tests.first_report is not None:
                    print(f"time to first report: server ready in {startup:.2f} s, "
                          f"page with the default report in {tests.first_report:.2f} s")
            finally:
                driver.quit()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"browser tests took {time.monotonic() - began:.1f} s")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
