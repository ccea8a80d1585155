#ifndef CMARKGFM_SHIM_H
#define CMARKGFM_SHIM_H
/* Debian: libcmark-gfm-dev and libcmark-gfm-extensions-dev (the parser GitHub uses). */
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
