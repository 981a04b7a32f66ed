#include "CContentHash.h"

#include <string.h>

static const uint64_t multiplier1 = 0x9E3779B97F4A7C15ULL;
static const uint64_t multiplier2 = 0xC2B2AE3D27D4EB4FULL;

static uint64_t mix(uint64_t hash, uint64_t word) {
    hash ^= word * multiplier2;
    return ((hash << 31) | (hash >> 33)) * multiplier1;
}

static uint64_t initial(size_t count) { return 0x2545F4914F6CDD1DULL ^ ((uint64_t)count * multiplier1); }

static uint64_t avalanche(uint64_t hash) {
    hash ^= hash >> 33;
    hash *= 0xFF51AFD7ED558CCDULL;
    hash ^= hash >> 33;
    return hash;
}

uint64_t openapi_codegen_content_hash(const void *bytes, size_t count) {
    const unsigned char *byte = bytes;
    uint64_t hash = initial(count);
    size_t words = count / 8;
    for (size_t index = 0; index < words; index++) {
        uint64_t word;
        memcpy(&word, byte + index * 8, sizeof word);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        word = __builtin_bswap64(word);
#endif
        hash = mix(hash, word);
    }
    uint64_t tail = 0;
    for (size_t index = count; index > words * 8; index--) tail = tail << 8 | byte[index - 1];
    hash = mix(hash, tail);
    // Final avalanche, so that every input bit reaches every output bit.
    return avalanche(hash);
}

void openapi_codegen_content_hasher_start(openapi_codegen_content_hasher *hasher, size_t count) {
    hasher->hash = initial(count);
    hasher->pending = 0;
    hasher->pending_count = 0;
}

void openapi_codegen_content_hasher_update(openapi_codegen_content_hasher *hasher, const void *bytes, size_t count) {
    const unsigned char *byte = bytes;
    size_t index = 0;
    // First the bytes that complete the word begun by the pieces before.
    while (hasher->pending_count > 0 && index < count) {
        hasher->pending |= (uint64_t)byte[index++] << (8 * hasher->pending_count++);
        if (hasher->pending_count == 8) {
            hasher->hash = mix(hasher->hash, hasher->pending);
            hasher->pending = 0;
            hasher->pending_count = 0;
        }
    }
    for (; count - index >= 8; index += 8) {
        uint64_t word;
        memcpy(&word, byte + index, sizeof word);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        word = __builtin_bswap64(word);
#endif
        hasher->hash = mix(hasher->hash, word);
    }
    for (; index < count; index++) hasher->pending |= (uint64_t)byte[index] << (8 * hasher->pending_count++);
}

uint64_t openapi_codegen_content_hasher_finish(const openapi_codegen_content_hasher *hasher) {
    // The last 0 to 7 bytes as one more word, as `openapi_codegen_content_hash` mixes its tail.
    return avalanche(mix(hasher->hash, hasher->pending));
}
