#ifndef CGRAPHVIZSUPPORT_H
#define CGRAPHVIZSUPPORT_H
#include <graphviz/gvc.h>

/* A libgvc context for drawing SVG (and Graphviz's `plain` text) that measures label text with
   Pango on FreeType instead of Graphviz's Pango-on-cairo plugin, or NULL when the installed
   Graphviz's plugins cannot be found (the caller then uses gvContext()).

   Graphviz's own context reads its plugin configuration and loads the `pango` plugin at once,
   which brings cairo, pixman and the X11 client libraries into the process only to measure text.
   This context has the `dot` layout plugin (add the others with cgs_add_other_layouts), the
   `core` renderers (svg, plain, dot) and a text layout that measures exactly as the `pango`
   plugin does, with the same Pango, fonts and fontconfig rules: the same sizes, so the same
   layout and the same SVG bytes. It cannot draw PNG or PDF, whose cairo renderer needs the
   `pango` plugin's own layouts; use gvContext() for those. */
GVC_t *cgs_svg_context(void);

/* Adds Graphviz's `neato` layout plugin (neato, fdp, sfdp, twopi, circo, osage, patchwork) to
   the context cgs_svg_context made, once: most diagrams are laid out by `dot`, and the plugin
   and its libraries take time to load. 0 on success (or when added before), -1 when the plugin
   cannot be loaded. */
int cgs_add_other_layouts(GVC_t *context);

/* The width of `text` in points as `context` measures it in `font_name` at `font_size` points,
   as Graphviz stores it in a label (whole points, rounded up). For tests that compare the text
   layouts of two contexts. */
double cgs_text_width(GVC_t *context, const char *text, const char *font_name, double font_size);

/* What one measuring ahead did (cgs_measure_ahead_finish). */
typedef struct {
  /* The texts listed, each once. */
  int listed;
  /* Those the thread measured. */
  int measured_ahead;
  /* The plain texts (no HTML fonts) the layout measured, */
  int asked;
  /* of which it took from the thread, */
  int taken;
  /* and which were not listed. */
  int unlisted;
} cgs_measure_ahead_counts;

/* Starts measuring `count` texts (each in font `font_names[i]` at `font_sizes[i]` points), in
   that order, on a thread of its own, for a layout by the context cgs_svg_context made: the
   layout takes a text's numbers from that thread when it has them (the same numbers it would
   get itself), and the thread skips the texts the layout has measured or is measuring. The
   layout measures in the order of the graph, so list the texts from the last: the two meet in
   the middle, and the labels of a first drawing, whose first use of each font size is slow,
   are measured in about half the time or less. List the texts as Graphviz measures them: a
   label's lines, without Graphviz's escapes. Copies its arguments.

   Returns a token for the calls below, or 0 when nothing started: cgs_svg_context has not made
   its context, or another measuring is under way (one at a time). Under the Graphviz lock, call
   cgs_measure_ahead_use(token) just before the layout and cgs_measure_ahead_stop(token) just
   after it: only that layout reads what the thread measured. Then call
   cgs_measure_ahead_finish(token), which waits for the thread: at once, or later (after drawing
   the graph, when the thread has long finished the text it was measuring). Every token must be
   finished: until then no other measuring starts, and a thread may still run at exit. */
int cgs_measure_ahead(int count, const char *const *font_names, const double *font_sizes,
                      const char *const *texts);

/* Waits until the thread has measured every text it was given (for tests, which then know the
   layout takes them all). */
void cgs_measure_ahead_wait(int token);

/* Lets the next layout read what the measuring `token` measured. */
void cgs_measure_ahead_use(int token);

/* Ends what cgs_measure_ahead_use allowed, and tells the thread to stop at its next text. */
void cgs_measure_ahead_stop(int token);

/* Stops and joins the thread of `token`, empties its table and reports what it did in `counts`
   (when not NULL; zeros when `token` is not the measuring under way). Only this joins the
   thread; call it once per token, from any thread. */
void cgs_measure_ahead_finish(int token, cgs_measure_ahead_counts *counts);

/* Reads one graph from DOT `text`, as agmemread does, but numbers its objects in the order the
   text creates them instead of by the addresses of their names: subgraphs, and so clusters, are
   then laid out and drawn in written order, the same in every process whatever ran before.
   NULL, with the error reported through agerr, when the text is not a graph. */
Agraph_t *cgs_read_graph(const char *text);

/* Makes glibc grow heaps 16 MiB at a time instead of 128 KiB (M_TOP_PAD), and serve blocks up to
   32 MiB from the heap (M_MMAP_THRESHOLD: the most glibc's own threshold rises to); a no-op
   elsewhere. Drawing runs three threads at once (Graphviz's loading, fontconfig's configuration,
   the map), and glibc grows a thread's heap with mprotect, each call of which makes the other
   processors flush their address translations: hundreds of calls for one small map, a few with
   large steps. Pages are still committed only when used. For a program that draws; call before
   starting threads. */
void cgs_use_large_heap_steps(void);

#endif
