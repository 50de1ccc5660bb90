"""Repository rule: a header-only library unpacked from a pinned Debian package.

The package is never installed system-wide (the Boost versions conflict as installed
packages). Its .deb is taken from a local cache directory, downloaded there with
`apt-get download` only when missing, then unpacked with `dpkg -x`. A package of another
Debian release (`suite`, e.g. "trixie") is downloaded through a private apt state directory
inside the repository being made (its own sources list, package lists and cache, passed with
apt's -o options), so the machine's apt configuration is never changed. The resulting
repository has the layout of third_party/asio_headers.BUILD: `include/` plus a
`cc_library(name = "headers")`, so `--override_repository` can point it at any other
checkout laid out the same way (docs/build.md).
"""

_CACHE_ENV = "ASYNC_CONFORMANCE_DEB_DIR"

def _cache_dir(rctx):
    explicit = rctx.os.environ.get(_CACHE_ENV, "")
    if explicit:
        return rctx.path(explicit)
    home = rctx.os.environ.get("HOME", "/tmp")
    return rctx.path(home + "/.cache/async-conformance/debs")

def _deb_file_name(package, version, arch):
    return "%s_%s_%s.deb" % (package, version.replace(":", "%3a"), arch)

def _run(rctx, argv, what, working_directory = ""):
    result = rctx.execute(argv, working_directory = working_directory, timeout = 900, quiet = True)
    if result.return_code != 0:
        fail("%s failed (exit %d):\n  %s\n%s%s" % (
            what,
            result.return_code,
            " ".join(argv),
            result.stdout,
            result.stderr,
        ))
    return result.stdout

def _machine_archive(rctx):
    """The Debian archive URI the machine's own apt sources name (its first non-security one)."""
    sources = [rctx.path("/etc/apt/sources.list")]
    parts = rctx.path("/etc/apt/sources.list.d")
    if parts.exists:
        sources += [f for f in parts.readdir() if f.basename.endswith(".list") or f.basename.endswith(".sources")]
    for source in sources:
        if not source.exists:
            continue
        for line in rctx.read(source).splitlines():
            if line.strip().startswith("#") or "security" in line:
                continue
            for word in line.strip().split(" "):
                uri = word.rstrip("/")
                if uri.startswith("http") and uri.endswith("/debian"):
                    return uri
    return "http://deb.debian.org/debian"

def _apt_options_for_suite(rctx, suite):
    """apt-get options that read `suite` through a private state directory (in the repository
    being made, so concurrent fetches never share apt's lock), after reading its package lists."""
    state = rctx.path("apt-" + suite)
    rctx.file(
        "apt-%s/sources.list" % suite,
        "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n" % (_machine_archive(rctx), suite),
    )
    _run(rctx, ["mkdir", "-p", str(state) + "/lists/partial", str(state) + "/cache/archives/partial"], "creating " + str(state))
    options = [
        "-o",
        "Dir::Etc::sourcelist=%s/sources.list" % state,
        "-o",
        "Dir::Etc::sourceparts=-",
        "-o",
        "Dir::State::Lists=%s/lists" % state,
        "-o",
        "Dir::Cache=%s/cache" % state,
    ]
    rctx.report_progress("apt-get update for Debian " + suite)
    _run(rctx, ["apt-get"] + options + ["-qq", "update"], "reading the package lists of Debian " + suite)
    return options

def _fetch_deb(rctx, cache):
    pinned = "%s=%s" % (rctx.attr.package, rctx.attr.version)
    deb = cache.get_child(_deb_file_name(rctx.attr.package, rctx.attr.version, rctx.attr.arch))
    if deb.exists:
        return deb
    _run(rctx, ["mkdir", "-p", str(cache)], "creating the .deb cache " + str(cache))
    options = _apt_options_for_suite(rctx, rctx.attr.suite) if rctx.attr.suite else []
    rctx.report_progress("apt-get download " + pinned)
    result = rctx.execute(["apt-get"] + options + ["download", pinned], working_directory = str(cache), timeout = 900, quiet = True)
    if result.return_code != 0 or not deb.exists:
        fail(("Could not obtain %s.\n%s%s\nRun ./bazelw (it refreshes the package lists), or put %s " +
              "into %s (or the directory named by $%s).") % (
            pinned,
            result.stdout,
            result.stderr,
            deb.basename,
            cache,
            _CACHE_ENV,
        ))
    return deb

def _check_sha256(rctx, deb):
    if not rctx.attr.sha256:
        return
    actual = _run(rctx, ["sha256sum", str(deb)], "hashing " + deb.basename).split(" ")[0]
    if actual != rctx.attr.sha256:
        fail("%s has sha256 %s, expected %s. Delete it from the cache to fetch it again." % (
            deb,
            actual,
            rctx.attr.sha256,
        ))

def _check_version_macro(rctx):
    header = rctx.path("include/" + rctx.attr.version_header)
    if not header.exists:
        fail("%s does not contain %s" % (rctx.attr.package, rctx.attr.version_header))
    wanted = "#define %s %s" % (rctx.attr.version_macro, rctx.attr.version_value)
    if wanted not in rctx.read(header):
        fail("%s in %s is not %s" % (rctx.attr.version_macro, rctx.attr.version_header, rctx.attr.version_value))

def _debian_headers_impl(rctx):
    deb = _fetch_deb(rctx, _cache_dir(rctx))
    _check_sha256(rctx, deb)
    _run(rctx, ["dpkg", "-x", str(deb), "unpacked"], "unpacking " + deb.basename)
    _run(rctx, ["mv", "unpacked/usr/include", "include"], "moving the headers of " + deb.basename)
    _run(rctx, ["rm", "-rf", "unpacked", "apt-" + rctx.attr.suite], "cleaning up")
    _check_version_macro(rctx)
    rctx.symlink(rctx.attr.build_file, "BUILD.bazel")
    rctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % rctx.name)

debian_headers = repository_rule(
    implementation = _debian_headers_impl,
    attrs = {
        "package": attr.string(mandatory = True, doc = "Debian package name"),
        "version": attr.string(mandatory = True, doc = "exact Debian version (pinned)"),
        "arch": attr.string(default = "amd64", doc = "the .deb's architecture field (all, amd64)"),
        "sha256": attr.string(doc = "sha256 of the .deb; checked when set"),
        "suite": attr.string(doc = "another Debian release to take the package from (e.g. trixie); default: the machine's"),
        "version_header": attr.string(mandatory = True, doc = "header holding the version macro"),
        "version_macro": attr.string(mandatory = True),
        "version_value": attr.string(mandatory = True, doc = "expected macro value, e.g. 102600"),
        "build_file": attr.label(default = Label("//third_party:asio_headers.BUILD")),
    },
    environ = [_CACHE_ENV, "HOME"],
    doc = "Headers of a pinned Debian package, unpacked into an external repository.",
)
