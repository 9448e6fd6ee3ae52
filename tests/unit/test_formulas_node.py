"""Runs the JavaScript formulas' tests in Node (node --test) with the limits
from limits.yml, so the page and the data share one source of truth."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from calculators import limits_json
from helpers import ROOT


def test_formulas_pass_the_shared_case_table_in_node(limits, calculators, tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the calculator tests: install the nodejs package")
    merged = {}
    for calculator in calculators.values():
        merged.update(json.loads(limits_json(calculator, limits)))
    limits_file = tmp_path / "limits.json"
    limits_file.write_text(json.dumps(merged))
    completed = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "formulas.test.js")],
                               capture_output=True, text=True, env={"CRAMDOWN_LIMITS": str(limits_file),
                                                                    "PATH": "/usr/bin:/bin"}, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "# fail 0" in completed.stdout
    # Every case of the table ran, and the two tests written out in the file.
    cases = json.loads((ROOT / "tests" / "fixtures" / "calculator-cases.json").read_text())["cases"]
    assert f"# pass {len(cases) + 2}" in completed.stdout


def test_scheduler_passes_its_tests_in_node():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the scheduler tests: install the nodejs package")
    completed = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "study.test.js")],
                               capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "# fail 0" in completed.stdout
    written = len(re.findall(r"^test\(", (ROOT / "tests" / "js" / "study.test.js").read_text(), re.M))
    assert f"# pass {written}" in completed.stdout  # every test in the file ran


def test_practice_test_passes_its_tests_in_node():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the practice test's tests: install the nodejs package")
    script = ROOT / "tests" / "js" / "practice.test.js"
    completed = subprocess.run([node, "--test", str(script)], capture_output=True, text=True,
                               env={"PATH": "/usr/bin:/bin"}, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "# fail 0" in completed.stdout
    written = len(re.findall(r"^test\(", script.read_text(), re.M))
    assert f"# pass {written}" in completed.stdout  # every test in the file ran
