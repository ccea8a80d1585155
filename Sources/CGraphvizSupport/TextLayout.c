#include "CGraphvizSupport.h"

#include <dlfcn.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exported by libgvc, not declared in its public headers. */
extern char *gvconfig_libdir(GVC_t *gvc);
extern char *xml_string0(char *s, boolean raw);
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);

/* The resolution Graphviz's `pango` plugin lays text out at (FONT_DPI there). */
#define TEXT_DPI 96.
/* Pango units per point (PANGO_SCALE). */
#define PANGO_UNITS 1024

/* Pango and GLib are loaded when the first context is made, not linked: linking them would
   load them, with HarfBuzz, FreeType and fontconfig, before `main` of every command, drawing or
   not, where now they load on the thread that prepares Graphviz. These are the functions of
   Pango 1.x's stable ABI that the text layout calls, declared as in <pango/pango.h>,
   <pango/pangoft2.h> and <glib.h> with opaque pointers. */
typedef struct {
  int x, y, width, height;
} PangoRectangle;
static struct {
  void *(*ft2_font_map_new)(void);
  void (*ft2_font_map_set_resolution)(void *fontmap, double dpi_x, double dpi_y);
  void *(*font_map_create_context)(void *fontmap);
  void *(*font_description_from_string)(const char *text);
  void (*font_description_set_size)(void *description, int size);
  void (*font_description_free)(void *description);
  void *(*layout_new)(void *context);
  void (*layout_set_text)(void *layout, const char *text, int length);
  void (*layout_set_font_description)(void *layout, const void *description);
  void (*layout_set_attributes)(void *layout, void *attributes);
  void (*layout_get_extents)(void *layout, PangoRectangle *ink, PangoRectangle *logical);
  int (*layout_get_baseline)(void *layout);
  int (*layout_get_unknown_glyphs_count)(void *layout);
  int (*parse_markup)(const char *markup, int length, unsigned int accelerator_marker,
                      void **attributes, char **text, unsigned int *accelerator_char,
                      void **error);
  void (*attr_list_unref)(void *attributes);
  void (*object_unref)(void *object);
  void (*free)(void *memory);
} pango;

/* Loads Pango on FreeType and looks up `pango`'s functions; 0 on success, -1 when a library or
   a function is missing. */
static int load_pango(void) {
#ifdef __APPLE__
  void *ft2 = dlopen("libpangoft2-1.0.0.dylib", RTLD_LAZY | RTLD_LOCAL);
  void *core = dlopen("libpango-1.0.0.dylib", RTLD_LAZY | RTLD_LOCAL);
  void *gobject = dlopen("libgobject-2.0.0.dylib", RTLD_LAZY | RTLD_LOCAL);
  void *glib = dlopen("libglib-2.0.0.dylib", RTLD_LAZY | RTLD_LOCAL);
#else
  void *ft2 = dlopen("libpangoft2-1.0.so.0", RTLD_LAZY | RTLD_LOCAL);
  void *core = dlopen("libpango-1.0.so.0", RTLD_LAZY | RTLD_LOCAL);
  void *gobject = dlopen("libgobject-2.0.so.0", RTLD_LAZY | RTLD_LOCAL);
  void *glib = dlopen("libglib-2.0.so.0", RTLD_LAZY | RTLD_LOCAL);
#endif
  if (ft2 == NULL || core == NULL || gobject == NULL || glib == NULL) return -1;
#define LOOK_UP(field, library, name)                     \
  if ((*(void **)&pango.field = dlsym(library, name)) == NULL) return -1;
  LOOK_UP(ft2_font_map_new, ft2, "pango_ft2_font_map_new")
  LOOK_UP(ft2_font_map_set_resolution, ft2, "pango_ft2_font_map_set_resolution")
  LOOK_UP(font_map_create_context, core, "pango_font_map_create_context")
  LOOK_UP(font_description_from_string, core, "pango_font_description_from_string")
  LOOK_UP(font_description_set_size, core, "pango_font_description_set_size")
  LOOK_UP(font_description_free, core, "pango_font_description_free")
  LOOK_UP(layout_new, core, "pango_layout_new")
  LOOK_UP(layout_set_text, core, "pango_layout_set_text")
  LOOK_UP(layout_set_font_description, core, "pango_layout_set_font_description")
  LOOK_UP(layout_set_attributes, core, "pango_layout_set_attributes")
  LOOK_UP(layout_get_extents, core, "pango_layout_get_extents")
  LOOK_UP(layout_get_baseline, core, "pango_layout_get_baseline")
  LOOK_UP(layout_get_unknown_glyphs_count, core, "pango_layout_get_unknown_glyphs_count")
  LOOK_UP(parse_markup, core, "pango_parse_markup")
  LOOK_UP(attr_list_unref, core, "pango_attr_list_unref")
  LOOK_UP(object_unref, gobject, "g_object_unref")
  LOOK_UP(free, glib, "g_free")
#undef LOOK_UP
  return 0;
}

static void free_layout(void *layout) { pango.object_unref(layout); }

/* Where Graphviz's plugins are, once a context is made. */
static char *plugin_directory;
static gvplugin_library_t *load_plugin(const char *directory, const char *name);
static GVC_t *make_svg_context(void);

/* Graphviz's own `pango` text layout, loaded on first use; NULL when it cannot be. */
static gvtextlayout_engine_t *graphviz_pango_engine(void) {
  static gvtextlayout_engine_t *engine;
  static int tried;
  if (tried) return engine;
  tried = 1;
  gvplugin_library_t *library =
      plugin_directory != NULL ? load_plugin(plugin_directory, "pango") : NULL;
  if (library == NULL) return NULL;
  for (gvplugin_api_t *api = library->apis; api->types != NULL; api++) {
    if (api->api != API_textlayout) continue;
    for (gvplugin_installed_t *type = api->types; type->type != NULL; type++) {
      if (strcmp(type->type, "textlayout") == 0) engine = type->engine;
    }
  }
  return engine;
}

/* The Pango context text is measured in, made once. */
static void *context;

/* Makes the font map and the context. Setting the resolution waits until fontconfig has read
   its configuration (see cgs_svg_context). */
static void start_text_layout(void) {
  if (context != NULL) return;
  void *fontmap = pango.ft2_font_map_new();
  pango.ft2_font_map_set_resolution(fontmap, TEXT_DPI, TEXT_DPI);
  context = pango.font_map_create_context(fontmap);
}

/* Measures one span as plugin/pango/gvtextlayout_pango.c of Graphviz 2.42 does, step for step:
   the same font description (family string and size in points), the same markup for HTML
   label flags, the same rounding. The one difference is the font map: PangoFT2's instead of
   PangoCairo's. Both shape with HarfBuzz on the FreeType faces fontconfig picks, and Pango
   rounds glyph positions to whole pixels in both; texts with characters no font has go to the
   `pango` plugin itself (below). The tests compare the two on the texts of the examples, the
   hostile-text corpus and random maps. Called only under the caller's Graphviz lock.
   `fontpath` is for the font file report of `dot -v`, which nothing here asks for. */
static boolean ft2_textlayout(textspan_t *span, char **fontpath) {
  static void *description;
  static char *font_name;
  static double font_size;

  start_text_layout();
  if (font_name == NULL || strcmp(font_name, span->font->name) != 0 ||
      font_size != span->font->size) {
    /* A copy: the span's font may not outlive the span. */
    free(font_name);
    font_name = strdup(span->font->name);
    font_size = span->font->size;
    if (description != NULL) pango.font_description_free(description);
    PostscriptAlias *alias = span->font->postscript_alias;
    if (alias != NULL) {
      /* A PostScript name (Times-Roman, Helvetica-Bold): its family and style, as the `pango`
         plugin spells it when its font list has no better match. */
      char name[1024];
      snprintf(name, sizeof name, "%s,%s%s%s%s%s%s", alias->family, alias->weight ? " " : "",
               alias->weight ? alias->weight : "", alias->stretch ? " " : "",
               alias->stretch ? alias->stretch : "", alias->style ? " " : "",
               alias->style ? alias->style : "");
      description = pango.font_description_from_string(name);
    } else {
      description = pango.font_description_from_string(span->font->name);
    }
    pango.font_description_set_size(description, (int)(font_size * PANGO_UNITS));
  }

  char *text = span->str;
  char *parsed = NULL;
  void *attributes = NULL;
  int flags = span->font->flags;
  if (flags != 0) {
    /* HTML-like label fonts (<B>, <I>, <U>, <S>, <SUP>, <SUB>), as Pango markup. */
    const char *escaped = xml_string0(span->str, TRUE);
    size_t size = strlen(escaped) + 128;
    char *markup = malloc(size);
    if (markup != NULL) {
      snprintf(markup, size, "<span%s%s%s%s>%s%s%s%s%s</span>",
               flags & HTML_BF ? " weight=\"bold\"" : "", flags & HTML_IF ? " style=\"italic\"" : "",
               flags & HTML_UL ? " underline=\"single\"" : "",
               flags & HTML_S ? " strikethrough=\"true\"" : "", flags & HTML_SUP ? "<sup>" : "",
               flags & HTML_SUB ? "<sub>" : "", escaped, flags & HTML_SUB ? "</sub>" : "",
               flags & HTML_SUP ? "</sup>" : "");
      if (pango.parse_markup(markup, -1, 0, &attributes, &parsed, NULL, NULL)) {
        text = parsed;
      } else {
        attributes = NULL;
        parsed = NULL;
      }
      free(markup);
    }
  }

  void *layout = pango.layout_new(context);
  span->layout = layout;
  span->free_layout = free_layout;
  pango.layout_set_text(layout, text, -1);
  pango.layout_set_font_description(layout, description);
  if (attributes != NULL) {
    pango.layout_set_attributes(layout, attributes);
    pango.attr_list_unref(attributes);
  }
  if (parsed != NULL) pango.free(parsed);

  /* A character no installed font has is drawn as a box showing its code, whose size comes from
     cairo in the `pango` plugin and from FreeType here; such a text is measured by the `pango`
     plugin itself, loaded for it (with cairo) the first time one comes. */
  if (pango.layout_get_unknown_glyphs_count(layout) > 0) {
    gvtextlayout_engine_t *engine = graphviz_pango_engine();
    if (engine != NULL) {
      pango.object_unref(layout);
      span->layout = NULL;
      span->free_layout = NULL;
      return engine->textlayout(span, fontpath);
    }
  }

  PangoRectangle logical;
  pango.layout_get_extents(layout, NULL, &logical);
  /* Pango reports width 0 and a meaningless height for a font it cannot use. */
  if (logical.width == 0) logical.height = 0;
  double scale = POINTS_PER_INCH / (TEXT_DPI * PANGO_UNITS);
  span->size.x = (int)(logical.width * scale + 1);
  /* The `pango` plugin sets the height from the point size, not from the font's metrics. */
  span->size.y = (int)(span->font->size * 1.1 + .5);
  span->yoffset_layout = pango.layout_get_baseline(layout) * scale;
  span->yoffset_centerline = 0.2 * span->font->size;
  return logical.width != 0;
}

static gvtextlayout_engine_t ft2_engine = {ft2_textlayout};
/* Quality 20: above the `pango` (10) and `gd` (2) text layouts, should either be installed too. */
static gvplugin_installed_t ft2_types[] = {{0, "textlayout", 20, &ft2_engine, NULL},
                                           {0, NULL, 0, NULL, NULL}};
static gvplugin_api_t ft2_apis[] = {{API_textlayout, ft2_types}, {(api_t)0, NULL}};
static gvplugin_library_t ft2_library = {"argmap_pangoft2", ft2_apis};

/* Loads Graphviz's plugin library `name` from `directory`; NULL when it is not there. */
static gvplugin_library_t *load_plugin(const char *directory, const char *name) {
  char path[4096];
#ifdef __APPLE__
  snprintf(path, sizeof path, "%s/libgvplugin_%s.6.dylib", directory, name);
#else
  snprintf(path, sizeof path, "%s/libgvplugin_%s.so.6", directory, name);
#endif
  /* Kept open for the life of the process, as libgvc keeps the plugins it loads. */
  void *handle = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
  if (handle == NULL) return NULL;
  char symbol[256];
  snprintf(symbol, sizeof symbol, "gvplugin_%s_LTX_library", name);
  return (gvplugin_library_t *)dlsym(handle, symbol);
}

/* fontconfig's FcInit, once looked up. */
static int (*initialize_fontconfig)(void);

static void *run_initialize_fontconfig(void *unused) {
  (void)unused;
  initialize_fontconfig();
  return NULL;
}

/* Reading fontconfig's configuration (tens of XML files, then the font caches) is the longest
   step of making the context, and Pango waits for it as soon as the font map is given its
   resolution. So it starts first, on a thread of its own, and the font map is made only once it
   is over: loading Pango and the plugins overlaps it, and Pango's own FcInit
   then finds the configuration read instead of reading it a second time. fontconfig is loaded
   here, before the thread starts: loading libraries is serialized in the process, so the
   thread would otherwise wait until Pango and the plugins are loaded. */
GVC_t *cgs_svg_context(void) {
#ifdef __APPLE__
  void *fontconfig = dlopen("libfontconfig.1.dylib", RTLD_LAZY | RTLD_LOCAL);
#else
  void *fontconfig = dlopen("libfontconfig.so.1", RTLD_LAZY | RTLD_LOCAL);
#endif
  if (fontconfig != NULL) *(void **)&initialize_fontconfig = dlsym(fontconfig, "FcInit");
  pthread_t fontconfig_thread;
  int reading_fontconfig =
      initialize_fontconfig != NULL &&
      pthread_create(&fontconfig_thread, NULL, run_initialize_fontconfig, NULL) == 0;
  GVC_t *svg_context = make_svg_context();
  if (reading_fontconfig) pthread_join(fontconfig_thread, NULL);
  if (svg_context != NULL) start_text_layout();
  return svg_context;
}

/* cgs_svg_context without the text layout's font map, which it makes last. */
static GVC_t *make_svg_context(void) {
  if (load_pango() != 0) return NULL;
  static const lt_symlist_t builtins[] = {{"gvplugin_argmap_pangoft2_LTX_library", &ft2_library},
                                          {NULL, NULL}};
  /* No demand loading: the context reads no plugin configuration and selects our text layout,
     the only one it knows, at once. */
  GVC_t *context = gvContextPlugins(builtins, 0);
  if (context == NULL) return NULL;
  /* Where Graphviz itself looks: $GVBINDIR, or the `graphviz` folder beside libgvc. */
  const char *directory = gvconfig_libdir(context);
  if (directory != NULL && plugin_directory == NULL) plugin_directory = strdup(directory);
  gvplugin_library_t *core = directory ? load_plugin(directory, "core") : NULL;
  gvplugin_library_t *dot = directory ? load_plugin(directory, "dot_layout") : NULL;
  if (core == NULL || dot == NULL) {
    gvFreeContext(context);
    return NULL;
  }
  gvAddLibrary(context, core);
  gvAddLibrary(context, dot);
  return context;
}

double cgs_text_width(GVC_t *context, const char *text, const char *font_name, double font_size) {
  textfont_t font;
  memset(&font, 0, sizeof font);
  font.name = (char *)font_name;
  font.size = font_size;
  textspan_t span;
  memset(&span, 0, sizeof span);
  span.str = (char *)text;
  span.font = &font;
  span.just = 'n';
  pointf size = textspan_size(context, &span);
  if (span.layout != NULL && span.free_layout != NULL) span.free_layout(span.layout);
  return size.x;
}

int cgs_add_other_layouts(GVC_t *context) {
  static int added;
  if (added) return 0;
  gvplugin_library_t *neato =
      plugin_directory != NULL ? load_plugin(plugin_directory, "neato_layout") : NULL;
  if (neato == NULL) return -1;
  gvAddLibrary(context, neato);
  added = 1;
  return 0;
}
