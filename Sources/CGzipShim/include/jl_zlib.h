// Stable, minimal names for zlib's streaming gzip decoder and encoder.
#ifndef JL_ZLIB_H
#define JL_ZLIB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A gzip decoder (one or more concatenated gzip members); not safe to share between threads.
typedef struct jl_gunzip jl_gunzip;

/// What a call to `jl_gunzip_step` reached.
typedef enum {
  JL_GUNZIP_OK = 0,        ///< progress; call again with more input or more room
  JL_GUNZIP_MEMBER_END = 1, ///< a gzip member ended; the decoder is ready for the next one
  JL_GUNZIP_ERROR = -1     ///< corrupt data; `jl_gunzip_message` says why
} jl_gunzip_status;

/// Creates a decoder, or NULL when out of memory.
jl_gunzip *jl_gunzip_new(void);

/// Decodes from `input` into `output`; `*consumed` and `*produced` get the byte counts.
jl_gunzip_status jl_gunzip_step(jl_gunzip *decoder, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_capacity, size_t *consumed,
                                size_t *produced);

/// Why the last step failed (a static string).
const char *jl_gunzip_message(const jl_gunzip *decoder);

/// Frees the decoder.
void jl_gunzip_delete(jl_gunzip *decoder);

/// A gzip encoder (one gzip member); not safe to share between threads.
typedef struct jl_gzip jl_gzip;

/// Creates an encoder at compression `level` (1 fastest … 9 smallest), or NULL when out of
/// memory.
jl_gzip *jl_gzip_new(int level);

/// Compresses from `input` into `output`; with `finish`, also ends the member once all input
/// is taken. Returns 1 when the member is complete, 0 to call again (with more room, or with
/// more input), -1 on an error. `*consumed` and `*produced` get the byte counts.
int jl_gzip_step(jl_gzip *encoder, const uint8_t *input, size_t input_length, uint8_t *output,
                 size_t output_capacity, int finish, size_t *consumed, size_t *produced);

/// Frees the encoder.
void jl_gzip_delete(jl_gzip *encoder);

#ifdef __cplusplus
}
#endif
#endif
