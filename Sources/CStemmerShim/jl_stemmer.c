#include "jl_stemmer.h"

#include <stddef.h>

#include <libstemmer.h>

struct jl_stemmer;

jl_stemmer *jl_stemmer_new(const char *algorithm) {
  return (jl_stemmer *)sb_stemmer_new(algorithm, "UTF_8");
}

const uint8_t *jl_stemmer_stem(jl_stemmer *stemmer, const uint8_t *word, int32_t length,
                               int32_t *out_length) {
  struct sb_stemmer *snowball = (struct sb_stemmer *)stemmer;
  const sb_symbol *result = sb_stemmer_stem(snowball, word, length);
  if (result == NULL) return NULL;
  *out_length = sb_stemmer_length(snowball);
  return result;
}

void jl_stemmer_delete(jl_stemmer *stemmer) { sb_stemmer_delete((struct sb_stemmer *)stemmer); }

const char **jl_stemmer_algorithms(void) { return sb_stemmer_list(); }
