#include "jl_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct jl_breaker {
  UBreakIterator *iterator;
  UText *text;
};

jl_breaker *jl_breaker_open(int32_t kind, const char *locale, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UBreakIteratorType type = kind == JL_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
  UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &error);
  if (U_FAILURE(error)) {
    *status = error;
    return NULL;
  }
  jl_breaker *breaker = calloc(1, sizeof(jl_breaker));
  if (breaker == NULL) {
    ubrk_close(iterator);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  breaker->iterator = iterator;
  *status = U_ZERO_ERROR;
  return breaker;
}

int32_t jl_breaker_set_text(jl_breaker *breaker, const char *utf8, int64_t length) {
  UErrorCode error = U_ZERO_ERROR;
  // Reuses the UText when there is one: utext_openUTF8 re-initialises it in place.
  breaker->text = utext_openUTF8(breaker->text, utf8 == NULL ? "" : utf8, length, &error);
  if (U_FAILURE(error)) return error;
  ubrk_setUText(breaker->iterator, breaker->text, &error);
  if (U_FAILURE(error)) return error;
  ubrk_first(breaker->iterator);
  return error;
}

int64_t jl_breaker_next(jl_breaker *breaker) {
  int32_t boundary = ubrk_next(breaker->iterator);
  return boundary == UBRK_DONE ? -1 : boundary;
}

int32_t jl_breaker_rule_status(jl_breaker *breaker) {
  return ubrk_getRuleStatus(breaker->iterator);
}

void jl_breaker_close(jl_breaker *breaker) {
  if (breaker == NULL) return;
  ubrk_close(breaker->iterator);
  if (breaker->text != NULL) utext_close(breaker->text);
  free(breaker);
}

// Whether a code point is a combining diacritic that a match key drops: the combining
// diacritical mark blocks only, so that Thai vowels, Indic vowel signs and Japanese
// (semi-)voiced sound marks, which change the word, are kept.
static int is_diacritic(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// Removes combining diacritics from a NFD string in place.
static int32_t strip_marks(UChar *buffer, int32_t length) {
  int32_t out = 0;
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    int32_t start = i;
    U16_NEXT(buffer, i, length, c);
    if (is_diacritic(c)) continue;
    while (start < i) buffer[out++] = buffer[start++];
  }
  return out;
}

// Normalises `source` (UTF-16) with `normalizer` into a fresh buffer.
static UChar *normalize(const UNormalizer2 *normalizer, const UChar *source, int32_t length,
                        int32_t *out_length, UErrorCode *error) {
  int32_t capacity = length * 3 + 16;
  UChar *buffer = malloc(sizeof(UChar) * capacity);
  if (buffer == NULL) {
    *error = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  int32_t needed = unorm2_normalize(normalizer, source, length, buffer, capacity, error);
  if (*error == U_BUFFER_OVERFLOW_ERROR) {
    free(buffer);
    *error = U_ZERO_ERROR;
    capacity = needed + 1;
    buffer = malloc(sizeof(UChar) * capacity);
    if (buffer == NULL) {
      *error = U_MEMORY_ALLOCATION_ERROR;
      return NULL;
    }
    needed = unorm2_normalize(normalizer, source, length, buffer, capacity, error);
  }
  if (U_FAILURE(*error)) {
    free(buffer);
    return NULL;
  }
  *out_length = needed;
  return buffer;
}

int32_t jl_fold(int32_t mode, const char *utf8, int32_t length, char *out, int32_t capacity,
                int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t wide_length = 0;
  u_strFromUTF8WithSub(NULL, 0, &wide_length, utf8, length, 0xFFFD, NULL, &error);
  if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) {
    *status = error;
    return -1;
  }
  error = U_ZERO_ERROR;
  UChar *wide = malloc(sizeof(UChar) * (wide_length + 1));
  if (wide == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return -1;
  }
  u_strFromUTF8WithSub(wide, wide_length + 1, NULL, utf8, length, 0xFFFD, NULL, &error);

  const UNormalizer2 *casefold = unorm2_getNFKCCasefoldInstance(&error);
  int32_t folded_length = 0;
  UChar *folded = U_SUCCESS(error) ? normalize(casefold, wide, wide_length, &folded_length, &error)
                                   : NULL;
  free(wide);
  if (folded == NULL) {
    *status = error;
    return -1;
  }
  if (mode == JL_FOLD_MATCH_KEY) {
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&error);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    int32_t decomposed_length = 0;
    UChar *decomposed =
        U_SUCCESS(error) ? normalize(nfd, folded, folded_length, &decomposed_length, &error)
                         : NULL;
    free(folded);
    if (decomposed == NULL) {
      *status = error;
      return -1;
    }
    decomposed_length = strip_marks(decomposed, decomposed_length);
    folded = normalize(nfc, decomposed, decomposed_length, &folded_length, &error);
    free(decomposed);
    if (folded == NULL) {
      *status = error;
      return -1;
    }
  }
  int32_t result_length = 0;
  u_strToUTF8(out, capacity, &result_length, folded, folded_length, &error);
  free(folded);
  if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) {
    *status = U_ZERO_ERROR;
    return result_length;
  }
  if (U_FAILURE(error)) {
    *status = error;
    return -1;
  }
  *status = U_ZERO_ERROR;
  return result_length;
}

void jl_icu_version(char *out) {
  UVersionInfo version;
  u_getVersion(version);
  u_versionToString(version, out);
}
