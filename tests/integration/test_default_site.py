"""The default notes, built for real with ``mkdocs build --strict``."""

from __future__ import annotations

import re

from helpers import ARTICLE_RE, BULLET_RE, ROOT, article_words, content_pages, words



def test_build_is_strict_clean_and_prints_a_summary(default_site):
    assert "WARNING" not in default_site.output
    assert "cramdown: 45 services, 59 pages, 44 of 44 exam notes routed, 0 unassigned" in default_site.output


def test_every_notes_line_is_in_the_content_of_a_page(default_site):
    pages = [article_words(text) for _, text in content_pages(default_site.site)]
    lost = []
    for number, line in enumerate((ROOT / "notes" / "aws-developer-associate.txt").read_text().splitlines(), 1):
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
    notes = (ROOT / "notes" / "aws-developer-associate.txt").read_text()
    mentioned = {h.payload.service.id for h in catalogue.mentions(notes)}
    missing = [s for s in mentioned if not (default_site.site / "services" / s / "index.html").exists()]
    assert missing == []
    topics = sorted(p.name for p in (default_site.site / "topics").iterdir())
    assert topics == ["advanced-identity", "aws-cicd", "aws-integration-and-messaging", "containers-on-aws",
                      "monitoring-troubleshooting-audit", "rds-aurora-elasticache"]


def test_review_page_keeps_every_item_in_order_with_links(default_site):
    review = (default_site.site / "practice-exam" / "index.html").read_text(encoding="utf-8")
    ids = [int(n) for n in re.findall(r'id="exam-(\d+)"', review)]
    assert len(ids) == 44 and ids == sorted(ids)
    first = review[review.index('id="exam-424"'):review.index('id="exam-426"')]
    assert 'href="../services/sqs/"' in first


def test_home_page_counts_notes_per_service(default_site):
    home = ARTICLE_RE.search(default_site.page("")).group(1)
    card = home[home.index('href="services/dynamodb/"'):]
    assert re.search(r"\d+ notes · 3 exam traps", card[:600])


def test_service_page_shows_category_and_breadcrumb(default_site):
    page = default_site.page("services/sqs")
    assert "Application Integration" in page[page.index("md-path"):page.index("</nav>", page.index("md-path"))]
    assert 'class="cd-chip"' in page
    assert "notes/aws-developer-associate.txt, lines 118–129" in page


def test_calculators_are_blocks_of_their_own_not_inside_a_paragraph(default_site):
    # A <form> cannot sit in a <p>: the browser would close the paragraph early
    # and leave two empty ones around the calculator.
    forms = wrapped = 0
    for path, text in content_pages(default_site.site):
        forms += text.count('<form class="cd-calc"')
        wrapped += len(re.findall(r'<p>\s*<form class="cd-calc"', text))
    assert forms >= 5
    assert wrapped == 0
