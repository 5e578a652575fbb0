#ifndef SPARKD_CLIBGIT2_SHIM_H
#define SPARKD_CLIBGIT2_SHIM_H

// The whole C surface sparkd uses: libgit2, its in-memory object database (mempack), and zlib.
// Note: git_libgit2_opts is variadic and cannot be called from Swift; wrap any option
// needed in a static inline function here.
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
// zlib (which libgit2 links too): GitKit's LooseBlobReader inflates loose objects itself.
#include <zlib.h>

static inline int sparkd_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

#endif
