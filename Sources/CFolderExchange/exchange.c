#include "CFolderExchange.h"

#include <errno.h>

#if defined(__APPLE__)
#include <stdio.h>

int openapi_codegen_exchange(const char *first, const char *second) {
    return renamex_np(first, second, RENAME_SWAP);
}

#elif defined(__linux__)
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

int openapi_codegen_exchange(const char *first, const char *second) {
#if defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 1 << 1 /* RENAME_EXCHANGE */);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#else
int openapi_codegen_exchange(const char *first, const char *second) {
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
}
#endif
