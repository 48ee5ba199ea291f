// The ICU headers the shim needs. System ICU renames every function by version
// (ubrk_open becomes ubrk_open_72), so only the C shim includes this.
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
