"""mkdocs gh-deploy, against a local bare git repository (no network)."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import copy_project


def git(*args, cwd, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def test_gh_deploy_publishes_the_site_to_a_bare_repository(tmp_path):
    project = copy_project(tmp_path / "project")
    remote = tmp_path / "pages.git"
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com", "NO_MKDOCS_2_WARNING": "1"}
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    git("init", "-q", "-b", "main", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "notes", cwd=project, env=env)
    git("remote", "add", "pages", str(remote), cwd=project)
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--remote-name", "pages",
                                "--force", "--no-history"], cwd=project, env=env, capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in files and "services/sqs/index.html" in files and ".nojekyll" in files
    assert "Max Size for SQS Message is 256KB" in git("show", "gh-pages:services/sqs/index.html", cwd=remote)
