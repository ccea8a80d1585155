#include "CGraphvizSupport.h"

#include <stdlib.h> /* defines __GLIBC__ on glibc */

#if defined(__GLIBC__)
#include <malloc.h>

void cgs_use_large_heap_steps(void) { mallopt(M_TOP_PAD, 16 << 20); }
#else
void cgs_use_large_heap_steps(void) {}
#endif
