#include "directory/name_grams.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ssj::directory {
namespace {

int64_t Pair(uint32_t a, uint32_t b) { return (static_cast<int64_t>(a) << 21) | b; }

TEST(NameGramsTest, PairsOfCodePointsSortedWithoutRepeats) {
  // 机械机械: 机械, 械机, 机械 again.
  std::vector<int64_t> grams = NameGrams("机械机械");
  std::vector<int64_t> want = {Pair(U'机', U'械'), Pair(U'械', U'机')};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(grams, want);
}

TEST(NameGramsTest, OneCharacterHasNoPairs) {
  EXPECT_TRUE(NameGrams("").empty());
  EXPECT_TRUE(NameGrams("机").empty());
  EXPECT_EQ(NameGrams("机械").size(), 1u);
}

TEST(NameGramsTest, AsciiLettersIgnoreCaseAndMixWithChinese) {
  EXPECT_EQ(NameGrams("ABC"), NameGrams("abc"));
  EXPECT_EQ(NameGrams("A机"), std::vector<int64_t>{Pair('a', U'机')});
  // Full-width letters are other characters: the LIKE would not match them either.
  EXPECT_NE(NameGrams("ＡＢ"), NameGrams("AB"));
}

TEST(NameGramsTest, EveryPairOfAFragmentIsAPairOfTheNamesContainingIt) {
  const std::string name = "重庆长安汽车股份有限公司（CQ）";
  std::vector<int64_t> all = NameGrams(name);
  for (const std::string fragment : {"长安汽车", "有限公司（c", "司（CQ）", "庆长"}) {
    for (int64_t g : NameGrams(fragment)) {
      EXPECT_TRUE(std::binary_search(all.begin(), all.end(), g)) << fragment;
    }
  }
}

TEST(NameGramsTest, BytesThatAreNotUtf8CountAsCharacters) {
  // A stray continuation byte and a truncated sequence do not stop the rest.
  std::vector<int64_t> grams = NameGrams(std::string("\x80") + "ab" + "\xE6\x9C");
  EXPECT_EQ(grams.size(), 4u);
  EXPECT_TRUE(std::binary_search(grams.begin(), grams.end(), Pair('a', 'b')));
}

TEST(NameGramsTest, OnePairIsTwoCharactersWithoutCase) {
  EXPECT_TRUE(IsOnePair("机械"));
  EXPECT_TRUE(IsOnePair("3号"));
  EXPECT_TRUE(IsOnePair("％_"));
  EXPECT_FALSE(IsOnePair("机"));
  EXPECT_FALSE(IsOnePair("机械厂"));
  // One pair, repeated: a name with 哈哈 need not contain 哈哈哈.
  EXPECT_EQ(NameGrams("哈哈哈").size(), 1u);
  EXPECT_FALSE(IsOnePair("哈哈哈"));
  // The pair of "Ab" is also "AB"'s and "ab"'s, which PostgreSQL's LIKE tells apart.
  EXPECT_FALSE(IsOnePair("Ab"));
  EXPECT_FALSE(IsOnePair("A机"));
  EXPECT_FALSE(IsOnePair("\xe6\x9c"));  // a cut-off character
}

}  // namespace
}  // namespace ssj::directory
