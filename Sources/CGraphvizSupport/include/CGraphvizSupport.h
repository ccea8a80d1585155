#ifndef CGRAPHVIZSUPPORT_H
#define CGRAPHVIZSUPPORT_H
#include <graphviz/gvc.h>

/* What ArgMap adds to libgvc in C, on Graphviz's public API only. Where that API differs between
   Graphviz 2.42 (Debian, Ubuntu) and current releases (9.0 and later), GraphvizVersion.h says
   which one is compiled; nothing else branches on a version. */

/* Reads one graph from DOT `text`, as agmemread does, but numbers its objects in the order the
   text creates them instead of by the addresses of their names: subgraphs, and so clusters, are
   then laid out and drawn in written order, the same in every process whatever ran before.
   NULL, with the error reported through agerr, when the text is not a graph. */
Agraph_t *cgs_read_graph(const char *text);

/* Lays out `graph` with `engine`, as gvLayout does, then undoes what a known bug of the installed
   Graphviz leaves behind, so that gvFreeLayout can free the layout safely (GraphvizVersion.c).
   Returns gvLayout's result: 0 on success. */
int cgs_layout(GVC_t *context, Agraph_t *graph, const char *engine);

/* gvRenderData, whose `length` is an unsigned int before Graphviz 13.0 and a size_t since. Free
   `*result` with gvFreeRenderData. */
int cgs_render_data(GVC_t *context, Agraph_t *graph, const char *format, char **result,
                    size_t *length);

/* The object kind of nodes for agnxtattr: AGNODE is a macro before 11.0 and an enum constant
   since, which Swift imports as different types. */
static const int cgs_node_kind = AGNODE;

/* gvPluginList: the names of the plugins of `kind` ("layout", ...), `*count` of them, each and
   the list to be freed with free(). (Before 9.0 it takes a fourth, unused argument.) */
char **cgs_plugin_list(GVC_t *context, const char *kind, int *count);

#endif
