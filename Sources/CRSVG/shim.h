#ifndef CRSVG_SHIM_H
#define CRSVG_SHIM_H
/* The public API of librsvg (SVG drawn onto cairo) and of cairo's PDF and image surfaces: how a
 * diagram is placed on a page of a fixed size, several pages to one PDF. */
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
#endif
