// Stable, minimal names for the part of SQLite that JobLens uses.
#ifndef JL_SQLITE_H
#define JL_SQLITE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open database connection.
typedef struct jl_sqlite jl_sqlite;
/// A prepared statement.
typedef struct jl_sqlite_statement jl_sqlite_statement;

/// Result codes the caller needs to tell apart.
enum {
  JL_SQLITE_OK = 0,
  JL_SQLITE_ROW = 100,
  JL_SQLITE_DONE = 101
};

/// Opens (creating when `create` is non-zero) the database at `path`; returns a result code
/// and sets `*database` (which must be closed even on failure when non-NULL).
int jl_sqlite_open(const char *path, int create, jl_sqlite **database);
/// Closes a connection (finished when its last statement is finalized).
void jl_sqlite_close(jl_sqlite *database);
/// The English message of the connection's last error.
const char *jl_sqlite_message(jl_sqlite *database);
/// Runs SQL without results (several statements allowed).
int jl_sqlite_execute(jl_sqlite *database, const char *sql);

/// Prepares one statement.
int jl_sqlite_prepare(jl_sqlite *database, const char *sql, jl_sqlite_statement **statement);
/// Binds UTF-8 text (copied) to parameter `index` (1-based).
int jl_sqlite_bind_text(jl_sqlite_statement *statement, int index, const char *text, int length);
/// Binds an integer.
int jl_sqlite_bind_int(jl_sqlite_statement *statement, int index, int64_t value);
/// Binds a floating-point number.
int jl_sqlite_bind_double(jl_sqlite_statement *statement, int index, double value);
/// Binds NULL.
int jl_sqlite_bind_null(jl_sqlite_statement *statement, int index);
/// Steps: JL_SQLITE_ROW, JL_SQLITE_DONE or an error code.
int jl_sqlite_step(jl_sqlite_statement *statement);
/// Resets the statement and clears its bindings for the next use.
int jl_sqlite_reset(jl_sqlite_statement *statement);
/// Frees the statement.
void jl_sqlite_finalize(jl_sqlite_statement *statement);
/// The number of columns of the current row.
int jl_sqlite_column_count(jl_sqlite_statement *statement);
/// The type of column `index` (0-based) of the current row: 1 integer, 2 real, 3 text, 4 blob,
/// 5 NULL (SQLite's codes).
int jl_sqlite_column_type(jl_sqlite_statement *statement, int index);
/// Column `index` as an integer.
int64_t jl_sqlite_column_int(jl_sqlite_statement *statement, int index);
/// Column `index` as a double.
double jl_sqlite_column_double(jl_sqlite_statement *statement, int index);
/// Column `index` as UTF-8 text (valid until the next step); `*length` gets its byte length.
const uint8_t *jl_sqlite_column_text(jl_sqlite_statement *statement, int index, int *length);

#ifdef __cplusplus
}
#endif
#endif
