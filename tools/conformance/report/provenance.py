"""Where a report comes from: the suite's commit, when and on what machine it ran, and the
compiler, mode and flags the rule units were built with (from the target manifests)."""

import datetime
import os
import platform
import subprocess


def _first_line(command, cwd=None):
    try:
        out = subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=30, cwd=cwd)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip().splitlines()[0] if out.returncode == 0 and out.stdout.strip() else ""


def suite_commit(workspace):
    """The workspace's git commit, with "+ local changes" when the tree differs from it."""
    commit = _first_line(["git", "rev-parse", "HEAD"], cwd=workspace)
    if not commit:
        return "unknown (not a git checkout)"
    dirty = _first_line(["git", "status", "--porcelain", "--untracked-files=no"], cwd=workspace)
    return commit + (" + local changes" if dirty else "")


def machine():
    return f"{platform.node()}: {platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPUs"


def build_description(manifests):
    """{"compiler", "flags"} shared by the manifests' builds (each distinct one listed)."""
    builds = [m.get("build", {}) for m in manifests]
    compilers = sorted({b.get("compiler", "") for b in builds} - {""})
    versions = [f"{c} ({_first_line([c, '--version']) or 'version unknown'})" for c in compilers]
    flags = sorted({f"-c {b.get('compilation_mode', '?')} " + " ".join(b.get("flags", [])) for b in builds})
    return {"compiler": "; ".join(versions) or "unknown", "flags": " | ".join(flags) or "unknown"}


def collect(workspace, manifests):
    return {
        "suite_commit": suite_commit(workspace),
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        **build_description(manifests),
    }
