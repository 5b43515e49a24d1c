"""The HTML report in a real headless browser (Debian's chromium): it loads cleanly and draws its charts."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from helpers import kata

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER) and not os.environ.get("CI"):
    pytest.skip(
        "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The "done when" of issue 5: a demo history of library-fines, reviewed into one HTML page."""
    from helpers import ROOT, copy_repo

    tmp = tmp_path_factory.mktemp("html")
    repo = copy_repo(ROOT, tmp / "repo")
    done = kata("demo-history", "library-fines", str(tmp / "demo"), cwd=repo)
    assert done.returncode == 0, done.stderr
    out = tmp / "review.html"
    done = kata("review", str(tmp / "demo"), "--format", "html", "--output", str(out), "--no-cache", cwd=repo)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    options.binary_location = CHROMIUM or ""
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER or "chromedriver"), options=options)
    yield driver
    driver.quit()


def test_the_page_needs_nothing_from_the_network(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text and "url(" not in text
    assert "<svg" in text and "<style>" in text


def test_the_page_loads_without_console_errors_and_draws_every_chart(report: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    assert "library-fines" in browser.title
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    names = {c.get_attribute("data-chart") for c in charts}
    assert {
        "steps",
        "max_cyclomatic",
        "max_cognitive",
        "min_mi",
        "max_efferent",
        "max_lcom4",
        "duplicated_lines",
        "rule_findings",
    } <= names
    for chart in charts:
        assert chart.size["width"] > 100 and chart.size["height"] > 50, chart.get_attribute("data-chart")
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.chart g.bar rect.added")
    assert len(bars) == 8
    assert all(bar.size["height"] > 0 and bar.size["width"] > 0 for bar in bars)
    points = browser.find_elements(By.CSS_SELECTOR, "svg[data-chart=max_cyclomatic] circle.point")
    assert len(points) == 9  # the base and 8 commits
    assert all(p.size["width"] > 0 for p in points)
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 8
    assert "replace conditional with polymorphism" in rows[4].text
    golf = browser.find_element(By.CSS_SELECTOR, ".golf").text
    assert "par" in golf and "stroke" in golf
    bars[3].click()  # the script highlights the commit's row
    assert "hl" in (browser.find_element(By.ID, "commit-4").get_attribute("class") or "")
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert errors == []


def test_red_commits_are_marked_in_the_charts(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    from review_support import LEGACY, RED_STEP, commit, student_repo

    repo = student_repo(tmp_path)
    commit(repo, "a red step", {LEGACY: RED_STEP})
    out = tmp_path / "red.html"
    done = kata("review", str(repo), "--run-tests", "--format", "html", "-o", str(out), "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    browser.get(out.as_uri())
    bands = browser.find_elements(By.CSS_SELECTOR, "svg[data-chart=steps] rect.redband")
    assert len(bands) == 1 and bands[0].size["width"] > 0
    assert browser.find_elements(By.CSS_SELECTOR, "tr.red")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
