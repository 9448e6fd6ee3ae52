"""Notes with scripts, event handlers, javascript: links and template syntax
build into pages where nothing runs and every word is still shown."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from helpers import copy_project, run_build
from local_browser import serve_folder

OUTLINE = """• S3:
  • <script>alert('outline script')</script> stays text
  • <img src=x onerror="alert('img')"> stays text
  • [click me](javascript:alert('link')) stays text
  • {{ config.site_name }} and {% if true %}jinja{% endif %} stay text
  • <iframe src="javascript:alert('frame')"></iframe> stays text
  • Q: Which comment opens <!--<script> in a question?
  • A: <!--<script> and </script> as an answer
  • Q: Which second question has </script><script>alert('q')</script>?
  • A: A second answer with "quotes" & ampersands
  • Q: Which third question is plain?
  • A: A third plain answer
  • Q: Which fourth question is plain too?
  • A: A fourth plain answer
"""
MARKDOWN = """## SQS

<script>alert('markdown script')</script>

<img src=x onerror="alert('md img')">

A [real-looking link](javascript:alert('md link')) and ![an image](javascript:alert('md image')).

<a href="javascript:alert('raw a')">raw anchor</a> and {{ 7 * 7 }} and {% raw %}x{% endraw %}.
"""


def test_hostile_notes_run_nothing_and_keep_their_text(chromium, tmp_path):
    project = copy_project(tmp_path / "project", {"a.txt": OUTLINE, "b.md": MARKDOWN})
    result = run_build(project)
    assert result.returncode == 0, result.output
    context = chromium.new_context()
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    with serve_folder(project / "site") as base:
        for path in ("services/s3/", "services/sqs/", "study/", "glossary/", ""):
            page.goto(base + path, wait_until="load")
        # The cards and questions carry the notes' text as data: their pages still work.
        page.goto(base + "study/")
        expect(page.locator(".cd-study__front")).not_to_be_empty()
        page.goto(base + "practice-test/")
        expect(page.locator(".cd-practice[data-ready=true]")).to_be_attached()
        page.get_by_role("button", name=re.compile("Quick test")).click()
        expect(page.locator(".cd-practice__progress")).to_contain_text("Question 1 of")
        page.goto(base + "services/sqs/")
        page.get_by_text("real-looking link").click()  # its javascript: URL was removed
        page.goto(base + "services/s3/")
        article = page.locator("article")
        for text in ("<script>alert('outline script')</script> stays text", """<img src=x onerror="alert('img')">""",
                     "[click me](javascript:alert('link'))", "{{ config.site_name }} and {% if true %}jinja{% endif %}",
                     """<iframe src="javascript:alert('frame')"></iframe>"""):
            expect(article).to_contain_text(text)
        page.goto(base + "services/sqs/")
        for text in ("<script>alert('markdown script')</script>", "raw anchor", "{{ 7 * 7 }}"):
            expect(page.locator("article")).to_contain_text(text)
        assert page.locator("article a[href^='javascript']").count() == 0
        assert page.locator("article img[src^='javascript']").count() == 0
    context.close()
    assert dialogs == []
    assert errors == []
