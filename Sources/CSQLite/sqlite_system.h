// SQLite (Debian libsqlite3-dev); only the C shim includes this.
#include <sqlite3.h>
