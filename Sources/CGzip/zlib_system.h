// zlib (Debian zlib1g-dev); only the C shim includes this.
#include <zlib.h>
