// Stable, minimal names for Snowball's libstemmer.
#ifndef JL_STEMMER_H
#define JL_STEMMER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A Snowball stemmer for one algorithm; not safe to share between threads.
typedef struct jl_stemmer jl_stemmer;

/// Creates a UTF-8 stemmer for `algorithm` ("english", "french", …), or NULL
/// when libstemmer has no such algorithm.
jl_stemmer *jl_stemmer_new(const char *algorithm);

/// Stems `length` bytes of UTF-8. The result stays valid until the next call
/// on the same stemmer; `*out_length` gets its byte length. NULL on failure.
const uint8_t *jl_stemmer_stem(jl_stemmer *stemmer, const uint8_t *word, int32_t length,
                               int32_t *out_length);

/// Frees the stemmer.
void jl_stemmer_delete(jl_stemmer *stemmer);

/// The NULL-terminated list of algorithm names libstemmer knows.
const char **jl_stemmer_algorithms(void);

#ifdef __cplusplus
}
#endif
#endif
