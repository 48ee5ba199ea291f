#include "jl_sqlite.h"

#include <stddef.h>

#include <sqlite3.h>

struct jl_sqlite;
struct jl_sqlite_statement;

int jl_sqlite_open(const char *path, int create, jl_sqlite **database) {
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  return sqlite3_open_v2(path, (sqlite3 **)database, flags, NULL);
}

void jl_sqlite_close(jl_sqlite *database) { sqlite3_close_v2((sqlite3 *)database); }

const char *jl_sqlite_message(jl_sqlite *database) { return sqlite3_errmsg((sqlite3 *)database); }

int jl_sqlite_execute(jl_sqlite *database, const char *sql) {
  return sqlite3_exec((sqlite3 *)database, sql, NULL, NULL, NULL);
}

int jl_sqlite_prepare(jl_sqlite *database, const char *sql, jl_sqlite_statement **statement) {
  return sqlite3_prepare_v2((sqlite3 *)database, sql, -1, (sqlite3_stmt **)statement, NULL);
}

int jl_sqlite_bind_text(jl_sqlite_statement *statement, int index, const char *text, int length) {
  return sqlite3_bind_text((sqlite3_stmt *)statement, index, text, length, SQLITE_TRANSIENT);
}

int jl_sqlite_bind_int(jl_sqlite_statement *statement, int index, int64_t value) {
  return sqlite3_bind_int64((sqlite3_stmt *)statement, index, value);
}

int jl_sqlite_bind_double(jl_sqlite_statement *statement, int index, double value) {
  return sqlite3_bind_double((sqlite3_stmt *)statement, index, value);
}

int jl_sqlite_bind_null(jl_sqlite_statement *statement, int index) {
  return sqlite3_bind_null((sqlite3_stmt *)statement, index);
}

int jl_sqlite_step(jl_sqlite_statement *statement) { return sqlite3_step((sqlite3_stmt *)statement); }

int jl_sqlite_reset(jl_sqlite_statement *statement) {
  sqlite3_clear_bindings((sqlite3_stmt *)statement);
  return sqlite3_reset((sqlite3_stmt *)statement);
}

void jl_sqlite_finalize(jl_sqlite_statement *statement) {
  sqlite3_finalize((sqlite3_stmt *)statement);
}

int jl_sqlite_column_count(jl_sqlite_statement *statement) {
  return sqlite3_column_count((sqlite3_stmt *)statement);
}

int jl_sqlite_column_type(jl_sqlite_statement *statement, int index) {
  return sqlite3_column_type((sqlite3_stmt *)statement, index);
}

int64_t jl_sqlite_column_int(jl_sqlite_statement *statement, int index) {
  return sqlite3_column_int64((sqlite3_stmt *)statement, index);
}

double jl_sqlite_column_double(jl_sqlite_statement *statement, int index) {
  return sqlite3_column_double((sqlite3_stmt *)statement, index);
}

const uint8_t *jl_sqlite_column_text(jl_sqlite_statement *statement, int index, int *length) {
  const unsigned char *text = sqlite3_column_text((sqlite3_stmt *)statement, index);
  *length = sqlite3_column_bytes((sqlite3_stmt *)statement, index);
  return text;
}

