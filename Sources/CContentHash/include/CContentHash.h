#ifndef C_CONTENT_HASH_H
#define C_CONTENT_HASH_H

#include <stddef.h>
#include <stdint.h>

/// A 64-bit hash of `count` bytes (`bytes` may be NULL when `count` is 0), for noticing that a file changed: the
/// bytes as little-endian 64-bit words, each mixed into the state by a multiply and a rotation, the last 0 to 7
/// bytes as one more word (the last byte highest), then a final avalanche. Not a cryptographic hash.
///
/// In C so that a debug build hashes about as fast as a release one: SwiftPM builds the build tool plugin's
/// generator in the build's configuration, debug by default, where the same loop in Swift (unspecialised generic
/// loads, exclusivity checks) was four fifths of a no-op run on a large document.
uint64_t openapi_codegen_content_hash(const void *bytes, size_t count);

#endif
