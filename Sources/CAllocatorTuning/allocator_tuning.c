#include "CAllocatorTuning.h"
// Any C library header, for `__GLIBC__`.
#include <stdlib.h>

static int padded = 0;

#if defined(__GLIBC__)
#include <malloc.h>

// Before `main`, so before the Swift runtime and Dispatch start the threads that run the command (on Linux the
// async `main` runs on one of them), each of which makes its arena with its first allocation.
__attribute__((constructor)) static void pad_heap_growth(void) { padded = mallopt(M_TOP_PAD, 64 << 20); }
#endif

int openapi_codegen_heap_growth_is_padded(void) { return padded; }
