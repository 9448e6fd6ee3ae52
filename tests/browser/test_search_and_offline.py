"""Search finds the right service first, over http:// and from a folder;
no page makes a request anywhere but where it was loaded from."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from helpers import content_pages

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
        page.get_by_role("textbox", name="Search").click()
        page.keyboard.type(query)
        first = page.locator(".md-search-result__item > a.md-search-result__link").first
        expect(first).to_be_visible()
        page.wait_for_timeout(150)  # results settle as the last keys arrive
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


def requests_of(page, url: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(100)
    return seen


@pytest.mark.parametrize("mode", ["hosted", "offline"])
def test_no_page_requests_anything_from_elsewhere(chromium, mode, default_site, offline_site, site_url):
    site = default_site.site if mode == "hosted" else offline_site.site
    context = chromium.new_context()
    page = context.new_page()
    foreign: list[tuple[str, str]] = []
    pages = 0
    for path, _ in content_pages(site):
        if mode == "hosted":
            url, allowed = site_url + path.removesuffix("index.html"), site_url
        else:
            url, allowed = (site / path).as_uri(), "file://"
        for request in requests_of(page, url):
            if not request.startswith((allowed, "data:", "blob:", "about:")):
                foreign.append((path, request))
        pages += 1
    context.close()
    assert pages > 50
    assert foreign == []


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
