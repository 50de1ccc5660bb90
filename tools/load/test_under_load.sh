#!/usr/bin/env bash
# Runs the tests several times each while a second, unrelated build keeps every core busy, to
# show that no test depends on a quiet machine (docs/build.md). The load is a fresh clone of
# this repository, built over and over with its own Bazel server and no cache, until the tests
# are done. Usage: tools/load/test_under_load.sh [bazel test arguments, default: //...]
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${RUNS_PER_TEST:-5}
load_dir=$(mktemp -d)
git clone --quiet . "$load_dir/clone"
echo 'build --disk_cache=' > "$load_dir/clone/user.bazelrc"

stop_load() {
  kill "$load_pid" 2>/dev/null || true
  wait "$load_pid" 2>/dev/null || true
  (cd "$load_dir/clone" && ./bazelw shutdown >/dev/null 2>&1) || true
  rm -rf "$load_dir"
}
(
  cd "$load_dir/clone"
  while true; do
    ./bazelw clean >/dev/null 2>&1
    ./bazelw build //reference/... //conformance/targets:all >/dev/null 2>&1 || true
  done
) &
load_pid=$!
trap stop_load EXIT

./bazelw test --runs_per_test="$runs" "${@:-//...}"
