// toml++'s implementation, compiled from Debian's headers into instrumented builds only, so
// that the sanitizers and the fuzzers' coverage see inside the TOML parser too. The normal
// build links Debian's compiled libtomlplusplus instead.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
