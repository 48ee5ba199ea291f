// Stable names for the few ICU services JobLens uses. System ICU renames its
// functions by version (ubrk_open is ubrk_open_72); Swift calls these instead.
#ifndef JL_ICU_H
#define JL_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU break iterator over a UTF-8 buffer; boundaries are byte offsets.
typedef struct jl_breaker jl_breaker;

/// Kinds of break iterator.
enum { JL_BREAK_WORD = 0, JL_BREAK_SENTENCE = 1 };

/// Opens a break iterator for `locale` ("" = root). Returns NULL and sets
/// `*status` (an ICU UErrorCode, > 0 on failure) when ICU refuses.
jl_breaker *jl_breaker_open(int32_t kind, const char *locale, int32_t *status);

/// Points the iterator at `length` bytes of UTF-8 (not copied: they must
/// outlive the iteration). Returns an ICU UErrorCode (0 or negative = success).
int32_t jl_breaker_set_text(jl_breaker *breaker, const char *utf8, int64_t length);

/// The next boundary as a byte offset, or -1 at the end.
int64_t jl_breaker_next(jl_breaker *breaker);

/// The rule status of the segment ending at the current boundary (UBRK_WORD_* ranges).
int32_t jl_breaker_rule_status(jl_breaker *breaker);

/// Closes the iterator and frees it.
void jl_breaker_close(jl_breaker *breaker);

/// Normalisation modes for jl_fold.
enum {
  /// NFKC with Unicode case folding (NFKC_Casefold).
  JL_FOLD_CASE = 0,
  /// NFKC_Casefold, then without combining marks ("résumé" -> "resume").
  JL_FOLD_MATCH_KEY = 1
};

/// Folds `length` bytes of UTF-8 into `out` (capacity `capacity` bytes).
/// Returns the byte length of the result; when it exceeds `capacity` nothing
/// useful was written and the caller retries with a bigger buffer. Returns -1
/// and sets `*status` when ICU fails.
int32_t jl_fold(int32_t mode, const char *utf8, int32_t length, char *out, int32_t capacity,
                int32_t *status);

/// Writes ICU's version ("72.1") into `out` (at least 32 bytes).
void jl_icu_version(char *out);

#ifdef __cplusplus
}
#endif
#endif
