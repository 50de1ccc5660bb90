// Tests of lifetime_tracked and the tracked buffer sequences: the live count follows every
// copy and move, a copy kept too long is seen, and uses of moved-from or destroyed instances
// are noted. (tracked_buffer_sequence_test.cc shows Asio accepting the sequences.)
#include "conformance/harness/probes/lifetime_tracked.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "conformance/harness/target_description.hpp"

namespace conformance {
namespace {

std::size_t total_size(const tracked_const_buffers& buffers) {
  std::size_t total = 0;
  for (const net::const_buffer& b : buffers) total += b.size();
  return total;
}

TEST(LifetimeTracked, CountsEveryCopyAndMoveAsALiveInstance) {
  const auto log = std::make_shared<lifetime_log>();
  {
    lifetime_tracked original(log);
    lifetime_tracked copy(original);
    lifetime_tracked moved(std::move(copy));
    EXPECT_EQ(log->live(), 3) << "a moved-from instance still exists";
    EXPECT_EQ(log->copies(), 1);
    EXPECT_EQ(log->moves(), 1);
  }
  EXPECT_EQ(log->live(), 0);
  EXPECT_EQ(log->created(), 3);
}

TEST(LifetimeTracked, SeesACopyThatIsKeptAlive) {
  const auto log = std::make_shared<lifetime_log>();
  std::vector<lifetime_tracked> kept;
  {
    lifetime_tracked argument(log);
    kept.push_back(argument);  // deliberately kept, as a leaking library would
  }
  EXPECT_EQ(log->live(), 1);
  kept.clear();
  EXPECT_EQ(log->live(), 0);
}

TEST(LifetimeTracked, NotesAUseOfAMovedFromInstance) {
  const auto log = std::make_shared<lifetime_log>();
  lifetime_tracked original(log);
  const lifetime_tracked taken(std::move(original));
  EXPECT_TRUE(taken.usable());
  EXPECT_FALSE(original.usable());  // NOLINT(bugprone-use-after-move): the misuse under test
  EXPECT_EQ(log->uses_after_move(), 1);
  EXPECT_EQ(log->uses_after_destruction(), 0);
}

TEST(LifetimeTracked, NotesAUseOfADestroyedInstance) {
  const auto log = std::make_shared<lifetime_log>();
  alignas(lifetime_tracked) std::array<std::byte, sizeof(lifetime_tracked)> storage;
  auto* const object = new (storage.data()) lifetime_tracked(log);
  object->~lifetime_tracked();

  // Deliberately undefined: reading the dead object is what a library bug would do; the
  // storage is still ours, so the mark left by the destructor can be read back.
  EXPECT_FALSE(std::launder(object)->usable());
  EXPECT_EQ(log->uses_after_destruction(), 1);
  EXPECT_EQ(log->live(), 0);
}

TEST(TrackedBufferSequence, PresentsItsBuffersAndNotesUseAfterMove) {
  const auto log = std::make_shared<lifetime_log>();
  const std::string_view text = "hello";
  tracked_const_buffers buffers(log, net::buffer(text.data(), text.size()));
  EXPECT_EQ(total_size(buffers), text.size());

  const tracked_const_buffers taken(std::move(buffers));
  EXPECT_EQ(total_size(taken), text.size());
  EXPECT_EQ(total_size(buffers), 0u);  // NOLINT(bugprone-use-after-move): the misuse under test
  EXPECT_GT(log->uses_after_move(), 0);
}

}  // namespace
}  // namespace conformance
