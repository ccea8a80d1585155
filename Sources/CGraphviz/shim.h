#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>

/* Swift 6 rejects reads of mutable C globals such as `Agdirected`; read them in C. */
static inline Agdesc_t cgv_directed(void) { return Agdirected; }
static inline Agdesc_t cgv_strict_directed(void) { return Agstrictdirected; }
#endif
