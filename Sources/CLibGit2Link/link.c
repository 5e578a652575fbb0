// What linking libgit2 statically needs, and the start-up work it removes.
//
// Debian's libgit2.a is built with HTTPS (mbedTLS), SSH (libssh2) and SPNEGO (GSSAPI). sparkd
// only reads and writes local repositories — it never fetches, pushes or clones — so:
//
// - GSSAPI has no static archive; its nine symbols, reached only from HTTP Negotiate
//   authentication, fail here (GSS_S_FAILURE).
// - git_libgit2_init() parses the whole CA bundle (/etc/ssl/certs/ca-certificates.crt, ~140
//   certificates) and seeds a DRBG from HAVEGE entropy: measured 3.6 ms of a 5.9 ms start of a
//   static binary that opens a repository and reads its index (perf record, base64 decoding and
//   havege_fill on top), and the parsed bundle stays on the heap of every process. The link
//   wraps (`ld --wrap=SYMBOL`, Package.swift) those calls to do nothing, and makes TLS set-up
//   itself fail, so a TLS connection can never run with an unseeded generator or unverified
//   certificates: libgit2 reports "failed to create ssl object".
// - libssh2_init() initialises OpenSSL; SSH sessions fail to start instead.
//
// Written by hand because no library supplies "libgit2 without transports"; building libgit2
// from source without them is not possible offline.

#include <stddef.h>

typedef unsigned int OM_uint32;
#define SPARKD_GSS_S_FAILURE (13u << 16)

OM_uint32 gss_display_status(OM_uint32 *minor, OM_uint32 status, int type, void *mech, OM_uint32 *context, void *buffer) {
    if (minor) *minor = 0;
    return SPARKD_GSS_S_FAILURE;
}
OM_uint32 gss_release_buffer(OM_uint32 *minor, void *buffer) { if (minor) *minor = 0; return 0; }
OM_uint32 gss_delete_sec_context(OM_uint32 *minor, void *context, void *output) { if (minor) *minor = 0; return 0; }
OM_uint32 gss_import_name(OM_uint32 *minor, void *input, void *type, void *output) {
    if (minor) *minor = 0;
    return SPARKD_GSS_S_FAILURE;
}
OM_uint32 gss_release_name(OM_uint32 *minor, void *name) { if (minor) *minor = 0; return 0; }
OM_uint32 gss_init_sec_context(OM_uint32 *minor, void *credential, void *context, void *target, void *mech,
                               OM_uint32 flags, OM_uint32 time, void *bindings, void *input, void *actual_mech,
                               void *output, OM_uint32 *returned_flags, OM_uint32 *returned_time) {
    if (minor) *minor = 0;
    return SPARKD_GSS_S_FAILURE;
}
OM_uint32 gss_indicate_mechs(OM_uint32 *minor, void **mechs) {
    if (minor) *minor = 0;
    if (mechs) *mechs = NULL;
    return SPARKD_GSS_S_FAILURE;
}
OM_uint32 gss_release_oid_set(OM_uint32 *minor, void **set) { if (minor) *minor = 0; return 0; }
void *GSS_C_NT_HOSTBASED_SERVICE = NULL;

// mbedTLS, as called by libgit2's git_mbedtls_stream_global_init and stream set-up.
int __wrap_mbedtls_x509_crt_parse_file(void *chain, const char *path) { return 0; }
int __wrap_mbedtls_x509_crt_parse_path(void *chain, const char *path) { return 0; }
// libgit2 calloc()s the context it passes; gathering entropy here ran HAVEGE (havege_fill).
void __wrap_mbedtls_entropy_init(void *context) {}
int __wrap_mbedtls_ctr_drbg_seed(void *context, void *entropy, void *entropy_context,
                                 const unsigned char *custom, size_t length) {
    return 0;
}
int __wrap_mbedtls_ssl_setup(void *ssl, const void *configuration) {
    return -0x7100; // MBEDTLS_ERR_SSL_BAD_INPUT_DATA: TLS is disabled in sparkd
}

// libssh2, as called by libgit2's SSH transport.
int __wrap_libssh2_init(int flags) { return 0; }
void *__wrap_libssh2_session_init_ex(void *alloc, void *release, void *reallocate, void *abstract) { return NULL; }
