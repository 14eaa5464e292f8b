// SHA-256 of messages that fit one 64-byte block (at most 55 bytes), two at a time, with the
// x86 SHA extensions. A ticket is such a message (§6), and hashing ten million of them is the
// draw's largest cost: OpenSSL's SHA256_Init/Update/Final spends about as long on buffering and
// padding as on the compression itself, and one compression at a time leaves the SHA unit idle
// half the time waiting on the previous round. Interleaving two independent messages fills it.
// Used only where Available(); tests compare it with OpenSSL on random messages.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ssj::draw::sha256 {

// Whether this CPU has the SHA extensions (checked once).
bool Available();

// Digests of two padded blocks (message, 0x80, zeros, 64-bit bit length), written as 32 bytes
// each. Requires Available().
void CompressTwo(const unsigned char* block_a, const unsigned char* block_b, unsigned char* out_a,
                 unsigned char* out_b);

// Pads a message of at most 55 bytes into `block`.
void Pad(const unsigned char* message, size_t size, unsigned char* block);

}  // namespace ssj::draw::sha256
