#ifndef C_FOLDER_EXCHANGE_H
#define C_FOLDER_EXCHANGE_H

/// Swaps two paths on the same file system in one step: after a successful call, each name refers to what
/// the other referred to before, and no process (nor a crash) can observe any state in between.
///
/// Linux: `renameat2(RENAME_EXCHANGE)` (kernel 3.15; ext4, xfs, btrfs, tmpfs and others), called through
/// `syscall` because Swift's Glibc module does not declare the glibc wrapper. macOS: `renamex_np(RENAME_SWAP)`
/// (APFS). Returns 0, or -1 with `errno` set: `EINVAL`, `ENOSYS` or `ENOTSUP` when the system or file system
/// cannot exchange, `EXDEV` when the paths are on different file systems (or an overlay's lower layer), `EBUSY`
/// when one of them is a mount point.
int openapi_codegen_exchange(const char *first, const char *second);

#endif
