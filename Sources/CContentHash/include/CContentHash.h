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

/// The state of `openapi_codegen_content_hash` over bytes given in pieces, whose total count is known at the
/// start: the same hash as of the pieces joined, without joining them.
typedef struct {
    uint64_t hash;
    /// The bytes after the last whole word, as the low bytes of a little-endian word.
    uint64_t pending;
    /// How many bytes `pending` holds: 0 to 7.
    unsigned pending_count;
} openapi_codegen_content_hasher;

/// Starts hashing `count` bytes, to be given in pieces.
void openapi_codegen_content_hasher_start(openapi_codegen_content_hasher *hasher, size_t count);
/// Hashes the next `count` bytes (`bytes` may be NULL when `count` is 0).
void openapi_codegen_content_hasher_update(openapi_codegen_content_hasher *hasher, const void *bytes, size_t count);
/// The hash, once exactly the count given to `openapi_codegen_content_hasher_start` was given.
uint64_t openapi_codegen_content_hasher_finish(const openapi_codegen_content_hasher *hasher);

#endif
