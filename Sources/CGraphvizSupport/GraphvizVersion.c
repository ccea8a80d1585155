#include "CGraphvizSupport.h"
#include "GraphvizVersion.h"

/* The calls whose form depends on the Graphviz release (GraphvizVersion.h); each is the plain
   libgvc call on a current release. */

int cgs_layout(GVC_t *context, Agraph_t *graph, const char *engine) {
  int status = gvLayout(context, graph, engine);
#if !CGS_GRAPHVIZ_13_OR_LATER
  /* Before 13.0, dot grows a rank's node array with realloc when it adds the label node of a
     labelled flat edge (make_vn_slot in dotgen/flat.c), but keeps the old pointer as the array
     to free (`av`): gvFreeLayout then frees a block that realloc already freed and corrupts the
     heap (the process aborts in a later render). For the root graph both pointers name the same
     array, so point `av` back at the live one; nothing to do without dot's ranks. */
  if (status == 0 && GD_rank(graph) != NULL) {
    for (int rank = GD_minrank(graph); rank <= GD_maxrank(graph); rank++) {
      GD_rank(graph)[rank].av = GD_rank(graph)[rank].v;
    }
  }
#endif
  return status;
}

int cgs_render_data(GVC_t *context, Agraph_t *graph, const char *format, char **result,
                    size_t *length) {
#if CGS_GRAPHVIZ_13_OR_LATER
  return gvRenderData(context, graph, format, result, length);
#else
  unsigned int size = 0;
  int status = gvRenderData(context, graph, format, result, &size);
  *length = size;
  return status;
#endif
}

char **cgs_plugin_list(GVC_t *context, const char *kind, int *count) {
#if CGS_GRAPHVIZ_9_OR_LATER
  return gvPluginList(context, kind, count);
#else
  return gvPluginList(context, kind, count, NULL);
#endif
}
