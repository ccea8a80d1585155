#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
/* Graphviz's public API: libgvc (contexts, layout, rendering) and libcgraph (graphs). */
#include <graphviz/gvc.h>
#endif
