"""Publishing is atomic, takes turns, survives being killed, and builds are reproducible."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gentle_movements import blocks
from gentle_movements.pages import registry
from site_tools.project_copy import copy_project
from site_tools.publish import PublishError, _remove_old_releases, publish


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture(scope="module", autouse=True)
def _reproducible() -> Iterator[None]:
    """Every build here runs as at one fixed time, so that two of them can be compared."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764000000")
        yield


@pytest.fixture(scope="module")
def published_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a project copy and its site published (`public` and its releases)."""
    folder = tmp_path_factory.mktemp("published")
    publish(copy_project(folder / "project"), folder / "public")
    return folder


@pytest.fixture(scope="module")
def published_again(published_once: Path, tmp_path_factory: pytest.TempPathFactory
                    ) -> tuple[Path, Path]:
    """The same sources published again over a copy of the first publication: from another
    folder and at least a second later. Returns the first release and the new one."""
    finished = (published_once / "public").resolve().stat().st_mtime
    time.sleep(max(0.0, finished + 1.1 - time.time()))
    folder = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(published_once, folder, symlinks=True, dirs_exist_ok=True)
    first = (folder / "public").resolve()
    publish(folder / "project", folder / "public")
    return first, (folder / "public").resolve()


@pytest.fixture
def published(published_once: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A project and its published site, each test its own: a copy of the one publish (the
    link to the release is relative, so the copy's link opens the copy's release)."""
    shutil.copytree(published_once, tmp_path, symlinks=True, dirs_exist_ok=True)
    project, target = tmp_path / "project", tmp_path / "public"
    assert target.resolve().is_relative_to(tmp_path.resolve())
    return project, target, tree_digest(target.resolve())


def assert_as_it_was(target: Path, before: dict[str, str]) -> None:
    """The published site is byte for byte as it was, still the only release, and no build
    folder was left behind."""
    assert tree_digest(target.resolve()) == before
    assert len(list(target.parent.glob(".public-releases/release-*"))) == 1
    assert list(target.parent.glob(".public-releases/build-*")) == []


def test_publish_switches_the_link_to_a_complete_build(published) -> None:
    _, target, digest = published
    assert target.is_symlink()
    assert "index.html" in digest and "exercises/bridge.html" in digest


def test_a_content_error_leaves_the_published_site_as_it_was(published) -> None:
    project, target, before = published
    link_before = target.readlink()
    (project / "content" / "exercises" / "bridge.yml").write_text("title: [\n", encoding="utf-8")
    with pytest.raises(PublishError, match="not valid YAML"):
        publish(project, target)
    assert target.readlink() == link_before
    assert_as_it_was(target, before)


def test_a_failed_audit_leaves_the_published_site_as_it_was(
    published, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inject a renderer fault that drops the stop rules: the audit must stop publication."""
    project, target, before = published
    real_page = registry.exercise_page

    def page_without_stop_rules(slug, site, site_url, version=None):
        return real_page(slug, site, site_url, version).replace(blocks.STOP_IF, "gm-lost")

    monkeypatch.setattr(registry, "exercise_page", page_without_stop_rules)
    with pytest.raises(PublishError, match="stop-if"):
        publish(project, target)
    assert tree_digest(target.resolve()) == before


def test_a_crash_in_the_build_leaves_the_published_site_as_it_was(
    published, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, target, before = published

    def crash(*args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(registry, "safety_page", crash)
    with pytest.raises(Exception, match="injected failure"):
        publish(project, target)
    assert_as_it_was(target, before)


def test_a_full_disk_is_a_message_and_leaves_the_site_as_it_was(
    published, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up part way through the build (the copy of the theme's files)."""
    project, target, before = published

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(PublishError, match="the disk is full"):
        publish(project, target)
    monkeypatch.undo()
    assert tree_digest(target.resolve()) == before
    assert list(target.parent.glob(".public-releases/build-*")) == []


def test_a_dropped_address_is_not_published(published) -> None:
    """A question's id renamed without a redirect: links to its old anchor would break."""
    project, target, before = published
    faq = project / "content" / "faq.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace(
        "id: can-i-keep-working", "id: can-i-keep-going-to-work"), encoding="utf-8")
    with pytest.raises(PublishError, match=r"published-addresses.txt:\d+: faq.html#can-i-keep-wo"):
        publish(project, target)
    assert tree_digest(target.resolve()) == before


def test_old_releases_go_by_when_they_were_finished_never_the_live_one(tmp_path: Path) -> None:
    releases = tmp_path / ".public-releases"
    for number in (1, 2, 3):
        (releases / f"release-{number}").mkdir(parents=True)
    target = tmp_path / "public"
    target.symlink_to(releases.relative_to(tmp_path) / "release-1")  # switched back by hand
    _remove_old_releases(releases, target)
    assert sorted(p.name for p in releases.iterdir()) == ["release-1", "release-3"]


def test_overlapping_publishes_take_turns_and_survive_one_being_killed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    target = tmp_path / "public"
    releases = tmp_path / ".public-releases"
    command = [sys.executable, "-m", "site_tools.publish", str(target), "--project", str(project)]
    runs = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(3)]
    building = _wait_for(lambda: sorted(releases.glob("build-*")))
    killed = int(building[0].name.rsplit("-", 1)[1])  # the run holding the lock, mid-build
    os.kill(killed, signal.SIGKILL)
    outputs = {run.pid: run.communicate(timeout=300)[0] for run in runs}
    codes = {run.pid: run.returncode for run in runs}
    assert codes.pop(killed) == -signal.SIGKILL
    assert list(codes.values()) == [0, 0], outputs
    live = target.resolve()
    assert live.parent == releases.resolve() and (live / "index.html").is_file()
    assert (live / "exercises" / "bridge.html").is_file()
    assert list(releases.glob("build-*")) == []  # the killed run's folder was cleaned up
    assert len(list(releases.glob("release-*"))) == 2
    assert not (tmp_path / ".public.switching").exists()


def _wait_for(found, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := found():
            return result
        time.sleep(0.05)
    raise AssertionError("nothing happened in time")


def test_a_good_publish_replaces_the_old_one(published_again: tuple[Path, Path]) -> None:
    first, second = published_again
    assert second != first and (second / "index.html").is_file()
    assert first.exists()  # the one before stays, to switch back to by hand


def test_two_builds_of_the_same_sources_are_byte_identical(
    published_once: Path, published_again: tuple[Path, Path]
) -> None:
    first = tree_digest((published_once / "public").resolve())
    second = tree_digest(published_again[1])
    assert len(first) > 50
    assert first == second
