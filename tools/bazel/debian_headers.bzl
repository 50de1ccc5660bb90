"""Repository rule: a header-only library unpacked from a pinned Debian package.

The package is never installed system-wide (the two Boost versions conflict as installed
packages). Its .deb is taken from a local cache directory, downloaded there with
`apt-get download` only when missing, then unpacked with `dpkg -x`. The resulting
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

def _fetch_deb(rctx, cache):
    pinned = "%s=%s" % (rctx.attr.package, rctx.attr.version)
    deb = cache.get_child(_deb_file_name(rctx.attr.package, rctx.attr.version, rctx.attr.arch))
    if deb.exists:
        return deb
    rctx.report_progress("apt-get download " + pinned)
    _run(rctx, ["mkdir", "-p", str(cache)], "creating the .deb cache " + str(cache))
    result = rctx.execute(["apt-get", "download", pinned], working_directory = str(cache), timeout = 900, quiet = True)
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
    _run(rctx, ["rm", "-rf", "unpacked"], "cleaning up")
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
        "version_header": attr.string(mandatory = True, doc = "header holding the version macro"),
        "version_macro": attr.string(mandatory = True),
        "version_value": attr.string(mandatory = True, doc = "expected macro value, e.g. 102600"),
        "build_file": attr.label(default = Label("//third_party:asio_headers.BUILD")),
    },
    environ = [_CACHE_ENV, "HOME"],
    doc = "Headers of a pinned Debian package, unpacked into an external repository.",
)
