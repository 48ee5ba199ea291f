// Snowball's libstemmer (Debian libstemmer-dev); only the C shim includes this.
#include <libstemmer.h>
