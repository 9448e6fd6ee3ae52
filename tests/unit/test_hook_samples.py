"""scripts/hook_samples.py: which py-spy samples count as the hooks', and under
which pass. The stacks are written by hand in py-spy's raw format."""

from __future__ import annotations

from helpers import ROOT  # noqa: F401  (puts scripts/ on the path)
from hook_samples import attribute

BUILD = "<module> (<string>:1);build (mkdocs/commands/build.py:{line})"
RAW = "\n".join([
    # MkDocs alone: counts in the total only.
    BUILD.format(line=310) + ";Markdown.convert (markdown/core.py:370) 50",
    # The files step, by the pipeline function it called, however deep.
    BUILD.format(line=292) + ";PluginCollection.run_event (mkdocs/plugins.py:566);on_files (mkdocs_hooks.py:189)"
    ";build_site (build_site.py:60);site_from_notes (build_site.py:72);split_by_service (split_by_service.py:273)"
    ";Catalogue.mentions (service_catalogue.py:64) 7",
    BUILD.format(line=292) + ";PluginCollection.run_event (mkdocs/plugins.py:566);on_files (mkdocs_hooks.py:205)"
    ";build_site (build_site.py:60);site_from_notes (build_site.py:90);write_pages (write_pages/__init__.py:63)"
    ";service_mentions (write_pages/common.py:123) 3",
    # A tree processor inside Markdown: the outermost frame of ours names it.
    BUILD.format(line=310) + ";Markdown.convert (markdown/core.py:370);_LinkTermsProcessor.run (link_terms.py:288)"
    ";TermLinker.link (link_terms.py:152);TermMatcher.finditer (term_matcher.py:95) 4",
    # A sample with no Python frame (interpreter start-up): not counted at all.
    " 9",
])


def test_samples_are_put_under_the_outermost_hook_frame():
    passes, total = attribute(RAW)
    assert total == 50 + 7 + 3 + 4
    assert passes == {"on_files: split_by_service": 7, "on_files: write_pages": 3,
                      "_LinkTermsProcessor.run": 4}


def test_a_file_of_another_format_gives_no_samples():
    assert attribute("# a heading\nsome text ending in 12\n") == ({}, 0)
