"""system_library(): a library installed under /usr by a Debian package, as a repository.

The repository holds /usr/lib and only the named directories of /usr/include, never the whole
of /usr/include: were external/<name>/include the system include directory itself, its
-isystem would move /usr/include ahead of the C++ library's headers when actions run outside
a sandbox, and libstdc++'s `#include_next <stdlib.h>` would then find nothing.
"""

def _system_library_impl(rctx):
    rctx.symlink("/usr/lib", "lib")
    for directory in rctx.attr.include_directories:
        source = rctx.path("/usr/include/" + directory)
        if not source.exists:
            fail("%s: /usr/include/%s is missing; ./bazelw installs the Debian packages it comes from" % (rctx.name, directory))
        rctx.symlink(source, "include/" + directory)
    rctx.symlink(rctx.attr.build_file, "BUILD.bazel")

system_library = repository_rule(
    implementation = _system_library_impl,
    attrs = {
        "build_file": attr.label(mandatory = True, allow_single_file = True),
        "include_directories": attr.string_list(mandatory = True, doc = "directories of /usr/include the library's headers are in"),
    },
    local = True,
    doc = "/usr/lib and some directories of /usr/include, with a BUILD file of ours.",
)
