#include "CGraphvizSupport.h"

#include <stdlib.h> /* defines __GLIBC__ on glibc */

#if defined(__GLIBC__)
#include <malloc.h>

void cgs_use_large_heap_steps(void) {
  mallopt(M_TOP_PAD, 16 << 20);
  /* Setting M_TOP_PAD also freezes glibc's mmap threshold at 128 KiB, which would otherwise rise
     as large blocks are freed: every large block would then be mapped and unmapped afresh. */
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
}
#else
void cgs_use_large_heap_steps(void) {}
#endif
