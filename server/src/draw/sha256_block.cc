#include "draw/sha256_block.h"

#include <immintrin.h>

#include <cstring>

namespace ssj::draw::sha256 {
namespace {

alignas(16) constexpr uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

alignas(16) constexpr uint32_t kInitial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

// The SHA instructions keep the state as (A, B, E, F) and (C, D, G, H).
struct State {
  __m128i abef, cdgh;
};

__attribute__((target("sha,sse4.1"))) inline State Initial() {
  __m128i abcd = _mm_load_si128(reinterpret_cast<const __m128i*>(kInitial));
  __m128i efgh = _mm_load_si128(reinterpret_cast<const __m128i*>(kInitial + 4));
  abcd = _mm_shuffle_epi32(abcd, 0xB1);  // C D A B (high to low: ...)
  efgh = _mm_shuffle_epi32(efgh, 0x1B);
  return {_mm_alignr_epi8(abcd, efgh, 8), _mm_blend_epi16(efgh, abcd, 0xF0)};
}

__attribute__((target("sha,sse4.1"))) inline void Store(const State& s, unsigned char* out) {
  __m128i feba = _mm_shuffle_epi32(s.abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(s.cdgh, 0xB1);
  __m128i dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  __m128i hgfe = _mm_alignr_epi8(dchg, feba, 8);
  // Words to big-endian bytes.
  const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_shuffle_epi8(dcba, swap));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16), _mm_shuffle_epi8(hgfe, swap));
}

}  // namespace

bool Available() {
  static const bool available = __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
  return available;
}

void Pad(const unsigned char* message, size_t size, unsigned char* block) {
  std::memset(block, 0, 64);
  std::memcpy(block, message, size);
  block[size] = 0x80;
  uint64_t bits = uint64_t{size} * 8;
  for (int b = 0; b < 8; ++b) block[63 - b] = static_cast<unsigned char>(bits >> (8 * b));
}

// 16 groups of 4 rounds. Each group adds the round constants to 4 schedule words and runs two
// SHA256RNDS2 (2 rounds each); groups 1–14 also extend the schedule with SHA256MSG1/MSG2. The two
// messages go through the same steps side by side, so their dependency chains overlap.
__attribute__((target("sha,sse4.1"))) void CompressTwo(const unsigned char* block_a,
                                                       const unsigned char* block_b,
                                                       unsigned char* out_a, unsigned char* out_b) {
  const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  const unsigned char* blocks[2] = {block_a, block_b};
  State s[2] = {Initial(), Initial()};
  const State saved = s[0];
  __m128i w[2][4];
#pragma GCC unroll 16
  for (int g = 0; g < 16; ++g) {
    const __m128i k = _mm_load_si128(reinterpret_cast<const __m128i*>(kRound + 4 * g));
    __m128i msg[2];
    for (int m = 0; m < 2; ++m) {
      if (g < 4) {
        w[m][g] = _mm_shuffle_epi8(
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(blocks[m] + 16 * g)), swap);
      }
      msg[m] = _mm_add_epi32(w[m][g % 4], k);
      s[m].cdgh = _mm_sha256rnds2_epu32(s[m].cdgh, s[m].abef, msg[m]);
    }
    for (int m = 0; m < 2; ++m) {
      if (g >= 3 && g <= 14) {
        __m128i t = _mm_alignr_epi8(w[m][g % 4], w[m][(g + 3) % 4], 4);
        w[m][(g + 1) % 4] = _mm_sha256msg2_epu32(_mm_add_epi32(w[m][(g + 1) % 4], t), w[m][g % 4]);
      }
      msg[m] = _mm_shuffle_epi32(msg[m], 0x0E);
      s[m].abef = _mm_sha256rnds2_epu32(s[m].abef, s[m].cdgh, msg[m]);
      if (g >= 1 && g <= 12)
        w[m][(g + 3) % 4] = _mm_sha256msg1_epu32(w[m][(g + 3) % 4], w[m][g % 4]);
    }
  }
  for (int m = 0; m < 2; ++m) {
    s[m].abef = _mm_add_epi32(s[m].abef, saved.abef);
    s[m].cdgh = _mm_add_epi32(s[m].cdgh, saved.cdgh);
  }
  Store(s[0], out_a);
  Store(s[1], out_b);
}

}  // namespace ssj::draw::sha256
