#ifndef CGRAPHVIZSUPPORT_VERSION_H
#define CGRAPHVIZSUPPORT_VERSION_H
/* The one place where ArgMap tells Graphviz releases apart, from what the headers declare.

   Debian 12 and Ubuntu ship Graphviz 2.42; Fedora, Arch, Alpine and Homebrew ship 12 or later.
   graphviz_version.h names no version number before 14.0, so the tests read what changed:
   - 9.0 removed AGHEADPOINTER from cgraph.h, together with the memory discipline
     (Agdisc_t.mem, AgMemDisc) and gvPluginList's unused fourth argument;
   - 13.0 raised GVPLUGIN_VERSION from 6 to 8, together with removing Agiddisc_t.alloc, making
     gvRenderData's length a size_t, and fixing the rank-array bug repaired in
     GraphvizVersion.c. */
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>

#if (defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 9) || !defined(AGHEADPOINTER)
#define CGS_GRAPHVIZ_9_OR_LATER 1
#else
#define CGS_GRAPHVIZ_9_OR_LATER 0
#endif

#if GVPLUGIN_VERSION >= 8
#define CGS_GRAPHVIZ_13_OR_LATER 1
#else
#define CGS_GRAPHVIZ_13_OR_LATER 0
#endif

#endif
