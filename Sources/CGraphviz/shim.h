#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

/* Swift 6 rejects reads of mutable C globals such as `Agdirected`; read them in C. */
static inline Agdesc_t cgv_directed(void) { return Agdirected; }
static inline Agdesc_t cgv_strict_directed(void) { return Agstrictdirected; }

/* Measures a text span with the loaded text layout plugin (exported by libgvc, not declared in
   its public headers). */
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);

/* Replaces the drawn text of a laid-out node's plain label by `text`, centred in the label's
   space, leaving the layout untouched: a worksheet's blank keeps the exact place and size its
   full text took. Graphviz stores all lines of a plain label in one buffer owned by the first
   span; that buffer and every span's measured layout are freed here, and the first span is
   measured again for `text`. Returns 0 on success, -1 when the node has no plain label with a
   font (nothing of it is drawn then). */
static inline int cgv_replace_node_text(GVC_t *gvc, Agnode_t *node, const char *text) {
  textlabel_t *label = ND_label(node);
  if (label == NULL || label->html || label->u.txt.nspans <= 0 || label->u.txt.span == NULL)
    return -1;
  textspan_t *spans = label->u.txt.span;
  textfont_t *font = NULL;
  for (int i = 0; i < label->u.txt.nspans; i++) {
    if (font == NULL && spans[i].font != NULL) font = spans[i].font;
    if (spans[i].layout != NULL && spans[i].free_layout != NULL)
      spans[i].free_layout(spans[i].layout);
    spans[i].layout = NULL;
    spans[i].free_layout = NULL;
  }
  free(spans[0].str);
  for (int i = 0; i < label->u.txt.nspans; i++) spans[i].str = NULL;
  char *copy = strdup(text);
  if (copy == NULL) {
    label->u.txt.nspans = 0;
    return -1;
  }
  spans[0].str = copy;
  spans[0].just = 'n';
  label->u.txt.nspans = 1;
  if (font == NULL) {
    label->u.txt.nspans = 0;
    free(copy);
    spans[0].str = NULL;
    return -1;
  }
  spans[0].font = font;
  pointf size = textspan_size(gvc, &spans[0]);
  label->dimen = size;
  label->space = size;
  free(label->text);
  label->text = strdup(text);
  return 0;
}
/* Graphviz 2.42/2.43's dot grows a rank's node array with realloc when it adds the label node of
   a labelled flat edge (make_vn_slot), but keeps the old pointer as the array to free (`av`), so
   gvFreeLayout frees a block that realloc already freed and corrupts the heap (the process aborts
   in a later render). For the root graph both pointers name the same array; point `av` back at
   the live one after layout. Does nothing for graphs without dot's ranks. */
static inline void cgv_repair_rank_arrays(Agraph_t *graph) {
  if (GD_rank(graph) == NULL) return;
  for (int rank = GD_minrank(graph); rank <= GD_maxrank(graph); rank++) {
    if (GD_rank(graph)[rank].av != GD_rank(graph)[rank].v)
      GD_rank(graph)[rank].av = GD_rank(graph)[rank].v;
  }
}
#endif
