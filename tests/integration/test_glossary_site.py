"""Glossary links in the built default site."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from helpers import content_pages

NO_LINK_INSIDE = {"code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


class _LinkContexts(HTMLParser):
    """Collects term and service links with the elements they sit in."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.links: list[tuple[str, str, list[str]]] = []  # (class, href, ancestors)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("class") in ("cd-term", "cd-service-link"):
            self.links.append((attributes["class"], attributes["href"], list(self.stack)))
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


def links_of(page_html: str):
    parser = _LinkContexts()
    parser.feed(page_html)
    return parser.links


def test_dynamodb_page_links_gsi_lsi_rcu_wcu_with_tooltips(default_site):
    page = default_site.page("services/dynamodb")
    for slug, definition in (("gsi", "Global secondary index"), ("lsi", "Local secondary index"),
                             ("rcu", "Read capacity unit"), ("wcu", "Write capacity unit")):
        match = re.search(rf'<a class="cd-term" href="../../glossary/#{slug}" title="([^"]+)"', page)
        assert match, slug
        assert definition in match.group(1)


def test_every_glossary_link_in_the_site_resolves(default_site):
    glossary = default_site.page("glossary")
    anchors = set(re.findall(r'<h3 id="([^"]+)"', glossary))
    assert len(anchors) >= 120
    checked = 0
    for path, html in content_pages(default_site.site):
        for cls, href, _ in links_of(html):
            if cls == "cd-term":
                assert href.split("#")[1] in anchors, (path, href)
                checked += 1
            else:
                target = (default_site.site / path).parent / href.split("#")[0] / "index.html"
                assert target.resolve().exists(), (path, href)
    assert checked > 0


def test_nothing_inside_code_or_headings_is_linked_and_one_link_per_term_per_page(default_site):
    for path, html in content_pages(default_site.site):
        links = links_of(html)
        for _, href, ancestors in links:
            assert not NO_LINK_INSIDE & set(ancestors), (path, href, ancestors)
        hrefs = [href for _, href, _ in links]
        assert len(hrefs) == len(set(hrefs)), path


def test_pages_never_link_to_themselves(default_site):
    # MkDocs writes a link to the page itself as "./", so resolve every href.
    checked = 0
    for path, html in content_pages(default_site.site):
        here = (default_site.site / path).resolve()
        for _, href, _ in links_of(html):
            target = (here.parent / href.split("#")[0]).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target != here, (path, href)
            checked += 1
    assert checked > 0


def test_glossary_entry_lists_pages_that_mention_it(default_site):
    glossary = default_site.page("glossary")
    entry = glossary[glossary.index('<h3 id="gsi"'):glossary.index('<h3', glossary.index('<h3 id="gsi"') + 5)]
    assert "Also: GSIs, Global Secondary Index" in entry
    assert 'Service: <a href="../services/dynamodb/">DynamoDB</a>' in entry
    assert re.search(r'Mentioned on: .*<a href="../services/dynamodb/">DynamoDB</a>', entry)


def test_service_pages_have_related_services_and_a_printed_terms_list(default_site):
    page = default_site.page("services/lambda")
    related = page[page.index('class="cd-related"'):]
    related = related[:related.index("</div>")]
    for name in ("S3", "SQS", "VPC", "EventBridge"):
        assert f">{name}</a>" in related, name
    terms = page[page.index('class="cd-terms-used"'):]
    assert "<b>Lambda@Edge</b>" in terms and "<b>Execution role</b>" in terms
    assert "data-search-exclude" in page[page.index("<aside"):page.index('class="cd-terms-used"') + 80]
