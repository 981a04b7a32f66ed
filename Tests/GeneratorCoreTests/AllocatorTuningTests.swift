import CAllocatorTuning
import Foundation
import Testing

/// The command's allocator setting (`CAllocatorTuning`), which this test process links too: on glibc it is taken as
/// the program loads, and a thread's arena then has a heap usable in full (64 MiB, one `mprotect` call) where glibc
/// made it usable 132 KiB at first and then by what each allocation lacked.
struct AllocatorTuningTests {
    #if canImport(Glibc)
        @Test func aThreadsHeapIsUsableInFull() throws {
            #expect(openapi_codegen_heap_growth_is_padded() == 1)
            // A block allocated on a thread of its own, from that thread's arena (or, when glibc has made as many
            // arenas as it allows, one it shares: the main arena's `[heap]`, which is not a heap of this kind).
            final class Address: @unchecked Sendable {
                /// Written by the thread before it signals `done`, read after.
                var value: UInt?
            }
            let address = Address()
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                let block = malloc(64)
                address.value = block.map { UInt(bitPattern: $0) }
                free(block)
                done.signal()
            }
            thread.start()
            done.wait()
            let block = try #require(address.value)
            let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
            let mapping = maps.split(separator: "\n").first { line in
                let range = line.prefix { $0 != " " }.split(separator: "-").compactMap { UInt($0, radix: 16) }
                return range.count == 2 && range[0] <= block && block < range[1]
            }
            let line = try #require(mapping)
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count < 6 || fields[5] != "[heap]" {
                let range = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
                #expect(fields[1] == "rw-p")
                #expect(range[1] - range[0] >= 32 << 20, "\(line)")
            }
        }
    #endif
}
