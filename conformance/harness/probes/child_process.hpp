// Probe: runs part of a case in a forked child process and tells how that
// process ended, for the effects that end a process: std::terminate called for
// an exception that escapes a function run by system_executor
// ([async.system.exec.ops] p3), what the system context's destructor does when
// the program exits ([async.system.context] p4).
//
//   const child_outcome outcome = run_in_child([] { ...; std::exit(0); });
//   EXPECT_EQ(outcome.exit_code, 0) << outcome.describe();
//
// The child starts with the calling thread alone, so a case forks before it
// touches the facility it observes in the child. A child still running after
// `limit` is killed and reported as timed out: the wait is for the child's end,
// bounded, never a fixed sleep.
#pragma once

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>
#include <thread>

namespace conformance {

struct child_outcome {
  bool timed_out = false;
  bool exited = false;
  int exit_code = -1;
  int signal = 0;

  std::string describe() const {
    if (timed_out) return "the child process was still running at the time limit and was killed";
    if (exited) return "the child process exited with code " + std::to_string(exit_code);
    return "the child process was ended by signal " + std::to_string(signal);
  }
};

// The exit code a child's body uses to say that the statement under test
// returned normally.
inline constexpr int child_returned_exit_code = 3;

template <class Body>
child_outcome run_in_child(Body body, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const pid_t child = ::fork();
  if (child == 0) {
    body();
    std::_Exit(child_returned_exit_code);
  }
  child_outcome outcome;
  if (child < 0) {
    outcome.signal = -1;
    return outcome;
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (::waitpid(child, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      outcome.timed_out = true;
      return outcome;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  outcome.exited = WIFEXITED(status);
  outcome.exit_code = outcome.exited ? WEXITSTATUS(status) : -1;
  outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return outcome;
}

}  // namespace conformance
