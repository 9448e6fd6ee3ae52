"""Search finds the right service first, over http:// and from a folder;
no page makes a request anywhere but where it was loaded from."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from helpers import visit_every_page

# query -> the page that must come first. Typed as a user types them.
QUERIES = {
    "visibility timeout": "services/sqs", "SSE-KMS": "services/s3", "X-Ray": "services/x-ray",
    "Lambda@Edge": "services/lambda", "256KB": "services/sqs", "x-amz-server-side-encryption": "services/s3",
    "AssumeRole": "services/sts", "WaitForTaskToken": "services/step-functions",
    "Simple Queue Service": "services/sqs", "Elasticache": "services/elasticache", "sticky sessions": "services/elb",
    "NACL": "services/vpc", "GSI": "services/dynamodb", "RCU": "services/dynamodb", "KCL": "services/kinesis",
    "shard": "services/kinesis", "buildspec.yml": "services/codebuild", "appspec": "services/codedeploy",
    "SecureString": "services/ssm-parameter-store", "envelope encryption": "services/kms",
    "GenerateDataKey": "services/kms", "Cognito User Pools": "services/cognito",
    "Parallel state": "services/step-functions", "API GateWay": "services/api-gateway",
    "event source mapping": "services/lambda", "Kinesis Agent": "services/kinesis",
    "FindInMap": "services/cloudformation", "Beanstalk": "services/elastic-beanstalk", "K8": "services/eks",
    "Route53": "services/route-53", "dead-letter queue": "services/sqs", "ephemeral port": "services/vpc",
    "multipart upload": "services/s3", "Extended Client Library": "services/sqs",
    "execution role": "services/lambda", "hosted zone": "services/route-53", "DAX": "services/dynamodb",
    "Kineses": "services/kinesis",
}


def first_results(page, start_url: str) -> dict[str, str]:
    found = {}
    for query in QUERIES:
        page.goto(start_url)
        box = page.get_by_role("textbox", name="Search")
        box.click()
        # Material searches on each key. Typed key by key, the results for
        # "X-" could still be on screen when they are read; so all but the
        # last character go in at once (no key, no search) and the last key
        # starts the one search.
        box.fill(query[:-1])
        page.keyboard.type(query[-1])
        first = page.locator(".md-search-result__item > a.md-search-result__link").first
        expect(first).to_be_visible()
        href = first.get_attribute("href")
        found[query] = re.sub(r"(/index)?\.html$|/$", "", urlsplit(href).path).split("site/", 1)[-1].lstrip("/")
    return found


def test_search_puts_the_right_service_first_over_http(page, site_url):
    assert len(QUERIES) >= 25
    results = first_results(page, site_url)
    assert {q: r for q, r in results.items() if r != QUERIES[q]} == {}


def test_search_works_opened_from_a_folder(page, offline_site):
    results = first_results(page, (offline_site.site / "index.html").as_uri())
    assert {q: r for q, r in results.items() if r != QUERIES[q]} == {}


def foreign_requests(visits, allowed: str) -> dict[str, list[str]]:
    found = {page: [url for url in urls if not url.startswith((allowed, "data:", "blob:", "about:"))]
             for page, urls in visits.requests.items()}
    return {page: urls for page, urls in found.items() if urls}


def test_no_hosted_page_requests_anything_from_elsewhere(light_visits, site_url):
    assert light_visits.pages > 50
    assert foreign_requests(light_visits, site_url) == {}


def test_no_offline_page_requests_anything_from_elsewhere(chromium, offline_site):
    visits = visit_every_page(chromium, offline_site.site, None, run_axe=False)
    assert visits.pages > 50
    assert foreign_requests(visits, "file://") == {}


def test_offline_site_navigates_between_pages_from_a_folder(page, offline_site):
    page.goto((offline_site.site / "index.html").as_uri())
    page.get_by_role("link", name="DynamoDB", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"services/dynamodb\.html$"))
    expect(page.locator('form.cd-calc[data-calc="dynamodb"] .cd-calc__answer')).to_have_text("30 WCU")
    page.locator('a.cd-term[href*="glossary.html#gsi"]').click()
    expect(page).to_have_url(re.compile(r"glossary\.html#gsi$"))


def test_offline_zip_works_unzipped_in_a_fresh_folder_with_the_network_off(chromium, tmp_path):
    import subprocess
    import sys
    import zipfile

    from helpers import ROOT

    archive = tmp_path / "site.zip"
    completed = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline_zip.py"), "--out", str(archive)],
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    zipfile.ZipFile(archive).extractall(tmp_path / "fresh")
    context = chromium.new_context(offline=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "fresh" / "study-site" / "index.html").as_uri())
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("visibility timeout")
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"services/sqs\.html"))
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^SQS"))
    context.close()
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
