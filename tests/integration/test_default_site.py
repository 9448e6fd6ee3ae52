"""The default notes, built for real with ``mkdocs build --strict``."""

from __future__ import annotations

import re

from helpers import (
    ARTICLE_RE,
    BULLET_RE,
    DEFAULT_NOTES,
    DEFAULT_NOTES_SHOWN,
    article_words,
    content_pages,
    exam_lines,
    line_of,
    words,
)

# A review item, and the services it is routed to.
ROUTE_RE = re.compile(r'<div class="cd-exam-item" id="exam-(\d+)">(?:(?!cd-exam-item).)*?<p class="cd-route">(.*?)</p>',
                      re.S)


def routes_of(review: str) -> dict[int, list[str]]:
    return {int(n): re.findall(r'href="\.\./services/([^/]+)/"', route) for n, route in ROUTE_RE.findall(review)}
SUMMARY_RE = re.compile(r"cramdown: (\d+) services, (\d+) pages, (\d+) of (\d+) exam notes routed, (\d+) unassigned")


def test_build_is_strict_clean_and_prints_a_summary_that_matches_the_site(default_site):
    assert "WARNING" not in default_site.output
    summary = SUMMARY_RE.search(default_site.output)
    assert summary, default_site.output
    services, pages, routed, exam_notes, unassigned = map(int, summary.groups())
    # Services with notes of their own: their pages show where the notes came from.
    pages_with_notes = [p for p in (default_site.site / "services").glob("*/index.html")
                        if 'class="cd-source"' in p.read_text(encoding="utf-8")]
    assert services == len(pages_with_notes)
    written = [p for p in default_site.site.rglob("index.html") if p.relative_to(default_site.site).parts[0]
               not in ("search", "assets")]
    assert pages == len(written)
    assert routed == exam_notes > 0 and unassigned == 0


def test_every_notes_line_is_in_the_content_of_a_page(default_site):
    pages = [article_words(text) for _, text in content_pages(default_site.site)]
    lost = []
    for number, line in enumerate(DEFAULT_NOTES.read_text(encoding="utf-8").splitlines(), 1):
        wanted = words(BULLET_RE.sub("", line))
        if wanted and not any(wanted in page for page in pages):
            lost.append((number, line))
    assert lost == []


def page_words(site, path):
    return article_words((site / path / "index.html").read_text(encoding="utf-8"))


def test_practice_exam_notes_are_on_their_service_pages(default_site):
    site = default_site.site
    expectations = {
        "services/sqs": "Max Size for SQS Message is 256KB",
        "services/ssm-parameter-store": "PlaintText vs SecureString in SSM",
        "services/kinesis": "Kinesis Agent is a stand-alone Java software application",
        "services/dynamodb": "GSI vs LSI",
        "services/vpc": "allow the response to be sent to the client on the ephemeral",
    }
    for path, text in expectations.items():
        assert words(text) in page_words(site, path), path


def test_content_nested_under_cloudwatch_lands_on_its_own_page(default_site):
    site = default_site.site
    cloudwatch = page_words(site, "services/cloudwatch")
    assert words("We need x-ray daemon to be running") in page_words(site, "services/x-ray")
    assert words("We need x-ray daemon to be running") not in cloudwatch
    assert words("Auditing our AWS account") in page_words(site, "services/cloudtrail")
    assert words("EventBridge is a serverless event bus") in page_words(site, "services/eventbridge")


def test_every_mentioned_service_has_a_page_and_groups_have_overviews(default_site, catalogue):
    notes = DEFAULT_NOTES.read_text(encoding="utf-8")
    mentioned = {h.payload.service.id for h in catalogue.mentions(notes)}
    missing = [s for s in mentioned if not (default_site.site / "services" / s / "index.html").exists()]
    assert missing == []
    topics = {p.name for p in (default_site.site / "topics").iterdir()}
    # Headings in the notes that name several services, or none, are topics ("Containers on AWS").
    for heading in ("Containers on AWS", "AWS Integration and Messaging", "AWS CICD"):
        assert heading in notes
        assert re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-") in topics, heading


def test_review_page_keeps_every_item_in_order_with_links(default_site):
    review = (default_site.site / "practice-exam" / "index.html").read_text(encoding="utf-8")
    ids = [int(n) for n in re.findall(r'id="exam-(\d+)"', review)]
    exam = exam_lines()
    assert ids == sorted(ids) and set(ids) <= {n for n, _ in exam}
    shown = article_words(review)
    assert [text for _, text in exam if words(BULLET_RE.sub("", text)) not in shown] == []
    assert routes_of(review)[line_of("Max Size for SQS Message is 256KB")] == ["sqs"]


def test_home_page_counts_notes_per_service(default_site):
    home = ARTICLE_RE.search(default_site.page("")).group(1)
    card = home[home.index('href="services/dynamodb/"'):]
    review = default_site.page("practice-exam")
    count = sum(1 for services in routes_of(review).values() if "dynamodb" in services)
    assert count > 0
    assert re.search(rf"\d+ notes · {count} exam traps?\b", card[:600])


def test_service_page_shows_category_and_breadcrumb(default_site):
    page = default_site.page("services/sqs")
    assert "Application Integration" in page[page.index("md-path"):page.index("</nav>", page.index("md-path"))]
    assert 'class="cd-chip"' in page
    source = re.search(re.escape(DEFAULT_NOTES_SHOWN) + r", lines (\d+)–(\d+)", page)
    assert source and int(source[1]) == line_of("SQS: This is AWS Simple Queue Service")


def test_calculators_are_blocks_of_their_own_not_inside_a_paragraph(default_site, calculators):
    # A <form> cannot sit in a <p>: the browser would close the paragraph early
    # and leave two empty ones around the calculator.
    forms = wrapped = 0
    for _path, text in content_pages(default_site.site):
        forms += text.count('<form class="cd-calc"')
        wrapped += len(re.findall(r'<p>\s*<form class="cd-calc"', text))
    assert forms >= len(calculators)  # the Calculators page shows each
    assert wrapped == 0
