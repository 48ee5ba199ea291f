#include "jl_zlib.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

struct jl_gunzip {
  z_stream stream;
  const char *message;
};

jl_gunzip *jl_gunzip_new(void) {
  jl_gunzip *decoder = calloc(1, sizeof(jl_gunzip));
  if (decoder == NULL) return NULL;
  // 16 + MAX_WBITS: gzip framing only (a zlib or raw stream is an error, not guessed at).
  if (inflateInit2(&decoder->stream, 16 + MAX_WBITS) != Z_OK) {
    free(decoder);
    return NULL;
  }
  return decoder;
}

jl_gunzip_status jl_gunzip_step(jl_gunzip *decoder, const uint8_t *input, size_t input_length,
                                uint8_t *output, size_t output_capacity, size_t *consumed,
                                size_t *produced) {
  z_stream *stream = &decoder->stream;
  if (input_length > UINT32_MAX) input_length = UINT32_MAX;
  if (output_capacity > UINT32_MAX) output_capacity = UINT32_MAX;
  stream->next_in = (Bytef *)input;
  stream->avail_in = (uInt)input_length;
  stream->next_out = output;
  stream->avail_out = (uInt)output_capacity;
  int result = inflate(stream, Z_NO_FLUSH);
  *consumed = input_length - stream->avail_in;
  *produced = output_capacity - stream->avail_out;
  switch (result) {
  case Z_OK:
    return JL_GUNZIP_OK;
  case Z_BUF_ERROR:
    // No progress possible with what was given; the caller supplies more.
    return JL_GUNZIP_OK;
  case Z_STREAM_END:
    inflateReset(stream);
    return JL_GUNZIP_MEMBER_END;
  default:
    decoder->message = stream->msg != NULL ? stream->msg : "corrupt gzip data";
    return JL_GUNZIP_ERROR;
  }
}

const char *jl_gunzip_message(const jl_gunzip *decoder) {
  return decoder->message != NULL ? decoder->message : "";
}

void jl_gunzip_delete(jl_gunzip *decoder) {
  if (decoder == NULL) return;
  inflateEnd(&decoder->stream);
  free(decoder);
}

struct jl_gzip {
  z_stream stream;
};

jl_gzip *jl_gzip_new(int level) {
  jl_gzip *encoder = calloc(1, sizeof(jl_gzip));
  if (encoder == NULL) return NULL;
  // 16 + MAX_WBITS: gzip framing; memory level 8 is zlib's default.
  if (deflateInit2(&encoder->stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY)
      != Z_OK) {
    free(encoder);
    return NULL;
  }
  return encoder;
}

int jl_gzip_step(jl_gzip *encoder, const uint8_t *input, size_t input_length, uint8_t *output,
                 size_t output_capacity, int finish, size_t *consumed, size_t *produced) {
  z_stream *stream = &encoder->stream;
  if (input_length > UINT32_MAX) input_length = UINT32_MAX;
  if (output_capacity > UINT32_MAX) output_capacity = UINT32_MAX;
  stream->next_in = (Bytef *)input;
  stream->avail_in = (uInt)input_length;
  stream->next_out = output;
  stream->avail_out = (uInt)output_capacity;
  int result = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH);
  *consumed = input_length - stream->avail_in;
  *produced = output_capacity - stream->avail_out;
  switch (result) {
  case Z_STREAM_END:
    return 1;
  case Z_OK:
  case Z_BUF_ERROR:
    return 0;
  default:
    return -1;
  }
}

void jl_gzip_delete(jl_gzip *encoder) {
  if (encoder == NULL) return;
  deflateEnd(&encoder->stream);
  free(encoder);
}
