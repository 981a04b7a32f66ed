#ifndef C_ALLOCATOR_TUNING_H
#define C_ALLOCATOR_TUNING_H

/// Pads every heap growth of glibc's allocator with 64 MiB of address space (`mallopt(M_TOP_PAD)`), set as the
/// program that links this target loads (the `openapi-codegen` command), before its first thread starts: pages are
/// still touched, and counted in its memory, only as they are used.
///
/// A thread other than the main one allocates from an arena of its own, a reserved 64 MiB heap that glibc makes
/// usable by one `mprotect` call per growth, each by the bytes the allocation that did not fit lacks: stripe's
/// few-files run made 12,000 such calls, 3.8% of its samples. Padded, an arena's whole heap is usable from its start
/// (stripe: 14 calls in all), and the main arena's `brk` grows 64 MiB at a time.
///
/// Returns whether the setting was taken at load: 1, or 0 elsewhere than glibc, where nothing is set.
int openapi_codegen_heap_growth_is_padded(void);

#endif
