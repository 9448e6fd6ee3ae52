"""link_terms: glossary and service links, context by context. Each case is a
page of its own (links are first-mention only), converted on the SQS page
with the small glossary in tests/fixtures/link-terms. The expected .html
files were read line by line against the rules before being saved."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, HOOKS
from link_terms import LinkTermsExtension, TermLinker, build_matcher, load_glossary
from notes_model import NotesError
from test_render_markdown import site_markdown

CASES_DIR = FIXTURES / "link-terms"
CASES = sorted(p.stem for p in CASES_DIR.glob("*.md"))


@pytest.fixture(scope="module")
def linker(catalogue):
    glossary = load_glossary(CASES_DIR / "glossary.yml", "glossary.yml", catalogue)
    pages = {"sqs": "services/sqs.md", "sns": "services/sns.md", "lambda": "services/lambda.md"}
    return TermLinker(build_matcher(glossary, catalogue), "glossary.md", pages.get,
                      lambda text: {hit.payload.service.id for hit in catalogue.mentions(text)})


def convert(linker, text: str) -> tuple[str, object]:
    md = site_markdown()
    seen = {}
    LinkTermsExtension(linker, lambda: ("services/sqs.md", "sqs"), seen.__setitem__).extendMarkdown(md)
    return md.convert(text), seen.get("services/sqs.md")


@pytest.mark.parametrize("case", CASES)
def test_links_match_golden_html(linker, case):
    html, _ = convert(linker, (CASES_DIR / f"{case}.md").read_text(encoding="utf-8"))
    assert html + "\n" == (CASES_DIR / f"{case}.html").read_text(encoding="utf-8")


def test_page_use_records_every_term_mentioned_not_only_linked(linker):
    _, use = convert(linker, "KMS and KMS. `IAM` in code. SNS and SQS.")
    assert list(use.terms) == ["kms-key"]
    assert list(use.services) == ["sns"]


def test_the_real_glossary_has_at_least_120_terms(catalogue):
    glossary = load_glossary(HOOKS / "exams" / "aws-developer-associate" / "glossary.yml", "glossary.yml", catalogue)
    assert len(glossary) >= 120
    assert all(term.definition.endswith((".", ")")) for term in glossary.values())


def test_a_page_never_links_its_own_service(linker):
    html, use = convert(linker, "SQS feeds Lambda; SQS again.")
    assert 'class="cd-service-link"' in html  # Lambda is linked...
    assert "SQS" in html and "sqs/" not in html  # ...but not SQS, on the SQS page
    assert list(use.services) == ["lambda"]


GOOD = "terms:\n  - term: GSI\n    definition: An index.\n    service: dynamodb\n"


@pytest.mark.parametrize("text, message", [
    (GOOD + "  - term: LSI\n    definition: Another.\n    aliases: [gsi]\n",
     "glossary.yml:5: duplicate alias 'gsi' in term 'LSI' (already used by 'GSI' on line 2)"),
    (GOOD + "  - term: GSI\n    definition: Again.\n",
     "glossary.yml:5: duplicate term 'GSI' in term 'GSI' (already used by 'GSI' on line 2)"),
    (GOOD + "  - term: WCU\n    definition: ''\n",
     "glossary.yml:6: term 'WCU' has an empty definition (write one or two sentences)"),
    (GOOD.replace("dynamodb", "dynamo"),
     "glossary.yml:4: term 'GSI' names unknown service 'dynamo' (use a service id from services.yml, or leave it out)"),
    (GOOD + "  - term: [broken\n", "glossary.yml:6: YAML does not parse"),
    (GOOD + "  - term: RCU\n", "glossary.yml:5: a glossary entry is missing 'definition' (required: definition, term)"),
])
def test_bad_glossary_is_one_clear_line(tmp_path, catalogue, text, message):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotesError) as caught:
        load_glossary(path, "glossary.yml", catalogue)
    assert str(caught.value).startswith(message)
