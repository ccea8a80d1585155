#include "CGraphvizSupport.h"

#include <dlfcn.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <pthread.h>
#include <stdint.h>
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

/* What measures text: a Pango context on a font map of its own, and the font description of the
   last font asked for. Pango's objects are not thread-safe, so each thread that measures has its
   own measurer; fontconfig, FreeType's files and HarfBuzz are shared safely. */
typedef struct {
  void *context;
  void *description;
  char *font_name;
  double font_size;
} measurer_t;

/* The measurer of the SVG context, used under the caller's Graphviz lock. */
static measurer_t shared_measurer;

/* Makes the font map and the context of `measurer`, once. Setting the resolution waits until
   fontconfig has read its configuration (see cgs_svg_context). */
static void start_measurer(measurer_t *measurer) {
  if (measurer->context != NULL) return;
  void *fontmap = pango.ft2_font_map_new();
  pango.ft2_font_map_set_resolution(fontmap, TEXT_DPI, TEXT_DPI);
  measurer->context = pango.font_map_create_context(fontmap);
}

static void start_text_layout(void) { start_measurer(&shared_measurer); }

/* A Pango layout of `text` in `font`, laid out as plugin/pango/gvtextlayout_pango.c of Graphviz
   2.42 lays it out, step for step: the same font description (family string and size in
   points) and the same markup for HTML label flags. */
static void *layout_text(measurer_t *measurer, textfont_t *font, const char *text) {
  if (measurer->font_name == NULL || strcmp(measurer->font_name, font->name) != 0 ||
      measurer->font_size != font->size) {
    /* A copy: the span's font may not outlive the span. */
    free(measurer->font_name);
    measurer->font_name = strdup(font->name);
    measurer->font_size = font->size;
    if (measurer->description != NULL) pango.font_description_free(measurer->description);
    PostscriptAlias *alias = font->postscript_alias;
    if (alias != NULL) {
      /* A PostScript name (Times-Roman, Helvetica-Bold): its family and style, as the `pango`
         plugin spells it when its font list has no better match. */
      char name[1024];
      snprintf(name, sizeof name, "%s,%s%s%s%s%s%s", alias->family, alias->weight ? " " : "",
               alias->weight ? alias->weight : "", alias->stretch ? " " : "",
               alias->stretch ? alias->stretch : "", alias->style ? " " : "",
               alias->style ? alias->style : "");
      measurer->description = pango.font_description_from_string(name);
    } else {
      measurer->description = pango.font_description_from_string(font->name);
    }
    pango.font_description_set_size(measurer->description, (int)(font->size * PANGO_UNITS));
  }

  const char *shown = text;
  char *parsed = NULL;
  void *attributes = NULL;
  int flags = font->flags;
  if (flags != 0) {
    /* HTML-like label fonts (<B>, <I>, <U>, <S>, <SUP>, <SUB>), as Pango markup. */
    const char *escaped = xml_string0((char *)text, TRUE);
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
        shown = parsed;
      } else {
        attributes = NULL;
        parsed = NULL;
      }
      free(markup);
    }
  }

  void *layout = pango.layout_new(measurer->context);
  pango.layout_set_text(layout, shown, -1);
  pango.layout_set_font_description(layout, measurer->description);
  if (attributes != NULL) {
    pango.layout_set_attributes(layout, attributes);
    pango.attr_list_unref(attributes);
  }
  if (parsed != NULL) pango.free(parsed);
  return layout;
}

/* What the text layout leaves in a span, besides the Pango layout. */
typedef struct {
  pointf size;
  double yoffset_layout;
  double yoffset_centerline;
  boolean measured;
} span_metrics_t;

/* The metrics of `layout` in a font of `font_size` points, rounded as the `pango` plugin rounds
   them. */
static span_metrics_t metrics_of(void *layout, double font_size) {
  PangoRectangle logical;
  pango.layout_get_extents(layout, NULL, &logical);
  /* Pango reports width 0 and a meaningless height for a font it cannot use. */
  if (logical.width == 0) logical.height = 0;
  double scale = POINTS_PER_INCH / (TEXT_DPI * PANGO_UNITS);
  span_metrics_t metrics;
  metrics.size.x = (int)(logical.width * scale + 1);
  /* The `pango` plugin sets the height from the point size, not from the font's metrics. */
  metrics.size.y = (int)(font_size * 1.1 + .5);
  metrics.yoffset_layout = pango.layout_get_baseline(layout) * scale;
  metrics.yoffset_centerline = 0.2 * font_size;
  metrics.measured = logical.width != 0;
  return metrics;
}

/* ---- Measuring ahead ----

   Measuring the labels is half of laying out a small map, and most of that is the first use of
   each font size (fontconfig's substitution rules, the font's HarfBuzz data). While the layout
   measures the map's texts from the first, a thread with a measurer of its own measures them
   in the order it is given (from the last) into a table the layout reads, skipping those the
   layout has measured: the two meet in the middle. The numbers are the same from either
   measurer (the same fonts, rules and rounding), so the drawing is the same. The table holds
   only the texts of one drawing and is emptied when that drawing ends. */

/* One listed text and what is known of it. */
typedef struct measured_text {
  struct measured_text *next;
  uint64_t hash;
  double font_size;
  char *font_name;
  char *text;
  enum { PENDING, IN_PROGRESS, MEASURED, LEFT_TO_LAYOUT } state;
  span_metrics_t metrics;
} measured_text_t;

#define MEASURED_BUCKETS 1024

static struct {
  pthread_mutex_t lock;
  /* The token of the measuring under way, 0 when none; the last one given. */
  int token;
  int last_token;
  /* Whether the owner's layout runs (under the Graphviz lock, as every ft2_textlayout call):
     only then does the text layout read the table, so other drawings never see it. */
  int armed;
  /* Set when the layout is over: the thread stops at its next text. */
  int stop;
  /* Set while cgs_measure_ahead_finish waits for the thread. */
  int finishing;
  /* Set by the thread when it is through its list, with `through` signalled. */
  int thread_done;
  pthread_cond_t through;
  cgs_measure_ahead_counts counts;
  measured_text_t *buckets[MEASURED_BUCKETS];
  /* The listed texts in the order given, each once. */
  measured_text_t **order;
  int count;
  pthread_t thread;
  int running;
} measured = {.lock = PTHREAD_MUTEX_INITIALIZER, .through = PTHREAD_COND_INITIALIZER};

/* The thread's measurer, made on first use and kept for the process like the shared one. Only
   one measuring runs at a time. */
static measurer_t ahead_measurer;

/* FNV-1a over the font name, the size and the text. */
static uint64_t text_hash(const char *font_name, double font_size, const char *text) {
  uint64_t hash = 14695981039346656037ULL;
  for (const char *c = font_name; *c; c++) hash = (hash ^ (unsigned char)*c) * 1099511628211ULL;
  const unsigned char *size = (const unsigned char *)&font_size;
  for (size_t i = 0; i < sizeof font_size; i++) hash = (hash ^ size[i]) * 1099511628211ULL;
  for (const char *c = text; *c; c++) hash = (hash ^ (unsigned char)*c) * 1099511628211ULL;
  return hash;
}

/* The entry of a text; call with `measured.lock` held. */
static measured_text_t *find_measured(uint64_t hash, const char *font_name, double font_size,
                                      const char *text) {
  for (measured_text_t *entry = measured.buckets[hash % MEASURED_BUCKETS]; entry != NULL;
       entry = entry->next) {
    if (entry->hash == hash && entry->font_size == font_size &&
        strcmp(entry->font_name, font_name) == 0 && strcmp(entry->text, text) == 0)
      return entry;
  }
  return NULL;
}

/* Empties the table; call with `measured.lock` held and no thread running. */
static void clear_measured(void) {
  for (int bucket = 0; bucket < MEASURED_BUCKETS; bucket++) {
    measured_text_t *entry = measured.buckets[bucket];
    while (entry != NULL) {
      measured_text_t *next = entry->next;
      free(entry->font_name);
      free(entry->text);
      free(entry);
      entry = next;
    }
    measured.buckets[bucket] = NULL;
  }
  free(measured.order);
  measured.order = NULL;
  measured.count = 0;
}

/* Lists a text, once; 0 on success, -1 when out of memory. Call with `measured.lock` held. */
static int list_text(const char *font_name, double font_size, const char *text) {
  uint64_t hash = text_hash(font_name, font_size, text);
  if (find_measured(hash, font_name, font_size, text) != NULL) return 0;
  measured_text_t *entry = calloc(1, sizeof *entry);
  if (entry == NULL) return -1;
  entry->font_name = strdup(font_name);
  entry->text = strdup(text);
  if (entry->font_name == NULL || entry->text == NULL) {
    free(entry->font_name);
    free(entry->text);
    free(entry);
    return -1;
  }
  entry->hash = hash;
  entry->font_size = font_size;
  entry->state = PENDING;
  entry->next = measured.buckets[hash % MEASURED_BUCKETS];
  measured.buckets[hash % MEASURED_BUCKETS] = entry;
  measured.order[measured.count++] = entry;
  return 0;
}

/* Whether a span's text can be taken from the table: plain text in a font named as it is (no
   HTML flags, no PostScript alias), as the thread measures it. */
static int is_shareable(const textspan_t *span) {
  return span->font->flags == 0 && span->font->postscript_alias == NULL;
}

static void *measure_ahead(void *unused) {
  (void)unused;
  start_measurer(&ahead_measurer);
  for (int index = 0;; index++) {
    pthread_mutex_lock(&measured.lock);
    if (measured.stop || index >= measured.count) {
      measured.thread_done = 1;
      pthread_cond_broadcast(&measured.through);
      pthread_mutex_unlock(&measured.lock);
      break;
    }
    measured_text_t *entry = measured.order[index];
    /* A text the layout has measured, or is measuring: where the two meet. */
    int pending = entry->state == PENDING;
    if (pending) entry->state = IN_PROGRESS;
    pthread_mutex_unlock(&measured.lock);
    if (!pending) continue;
    textfont_t font;
    memset(&font, 0, sizeof font);
    font.name = entry->font_name;
    font.size = entry->font_size;
    void *layout = layout_text(&ahead_measurer, &font, entry->text);
    /* A text with a character no font has is left to the layout (see ft2_textlayout). */
    int known = pango.layout_get_unknown_glyphs_count(layout) == 0;
    span_metrics_t metrics = metrics_of(layout, entry->font_size);
    pango.object_unref(layout);
    pthread_mutex_lock(&measured.lock);
    if (known) {
      entry->metrics = metrics;
      entry->state = MEASURED;
      measured.counts.measured_ahead++;
    } else {
      entry->state = LEFT_TO_LAYOUT;
    }
    pthread_mutex_unlock(&measured.lock);
  }
  return NULL;
}

int cgs_measure_ahead(int count, const char *const *font_names, const double *font_sizes,
                      const char *const *texts) {
  pthread_mutex_lock(&measured.lock);
  if (measured.token != 0 || count <= 0 || shared_measurer.context == NULL) {
    pthread_mutex_unlock(&measured.lock);
    return 0;
  }
  measured.order = calloc((size_t)count, sizeof *measured.order);
  int listed = measured.order != NULL;
  for (int index = 0; listed && index < count; index++) {
    listed = list_text(font_names[index], font_sizes[index], texts[index]) == 0;
  }
  /* The thread waits for this lock before its first text. */
  if (!listed || pthread_create(&measured.thread, NULL, measure_ahead, NULL) != 0) {
    clear_measured();
    pthread_mutex_unlock(&measured.lock);
    return 0;
  }
  measured.running = 1;
  measured.thread_done = 0;
  measured.stop = 0;
  measured.armed = 0;
  memset(&measured.counts, 0, sizeof measured.counts);
  measured.counts.listed = measured.count;
  measured.last_token = measured.last_token == 1 << 30 ? 1 : measured.last_token + 1;
  measured.token = measured.last_token;
  int token = measured.token;
  pthread_mutex_unlock(&measured.lock);
  return token;
}

void cgs_measure_ahead_wait(int token) {
  pthread_mutex_lock(&measured.lock);
  /* Only cgs_measure_ahead_finish joins the thread; this waits for its signal. */
  while (token != 0 && token == measured.token && measured.running && !measured.thread_done)
    pthread_cond_wait(&measured.through, &measured.lock);
  pthread_mutex_unlock(&measured.lock);
}

void cgs_measure_ahead_use(int token) {
  pthread_mutex_lock(&measured.lock);
  if (token != 0 && token == measured.token) measured.armed = 1;
  pthread_mutex_unlock(&measured.lock);
}

void cgs_measure_ahead_stop(int token) {
  pthread_mutex_lock(&measured.lock);
  if (token != 0 && token == measured.token) {
    measured.armed = 0;
    measured.stop = 1;
  }
  pthread_mutex_unlock(&measured.lock);
}

void cgs_measure_ahead_finish(int token, cgs_measure_ahead_counts *counts) {
  if (counts != NULL) memset(counts, 0, sizeof *counts);
  pthread_mutex_lock(&measured.lock);
  if (token == 0 || token != measured.token || measured.finishing) {
    pthread_mutex_unlock(&measured.lock);
    return;
  }
  measured.finishing = 1;
  measured.stop = 1;
  measured.armed = 0;
  int running = measured.running;
  measured.running = 0;
  pthread_t thread = measured.thread;
  pthread_mutex_unlock(&measured.lock);
  if (running) pthread_join(thread, NULL);
  pthread_mutex_lock(&measured.lock);
  if (counts != NULL) *counts = measured.counts;
  clear_measured();
  measured.token = 0;
  measured.finishing = 0;
  pthread_mutex_unlock(&measured.lock);
}

/* Measures one span as plugin/pango/gvtextlayout_pango.c of Graphviz 2.42 does (layout_text,
   metrics_of). The one difference is the font map: PangoFT2's instead of PangoCairo's. Both
   shape with HarfBuzz on the FreeType faces fontconfig picks, and Pango rounds glyph positions
   to whole pixels in both; texts with characters no font has go to the `pango` plugin itself
   (below). The tests compare the two on the texts of the examples, the hostile-text corpus and
   random maps. Called only under the caller's Graphviz lock. `fontpath` is for the font file
   report of `dot -v`, which nothing here asks for. */
static boolean ft2_textlayout(textspan_t *span, char **fontpath) {
  start_text_layout();
  measured_text_t *listed = NULL;
  pthread_mutex_lock(&measured.lock);
  if (measured.armed && is_shareable(span)) {
    measured.counts.asked++;
    listed = find_measured(text_hash(span->font->name, span->font->size, span->str),
                           span->font->name, span->font->size, span->str);
    if (listed == NULL) {
      measured.counts.unlisted++;
    } else if (listed->state == MEASURED) {
      measured.counts.taken++;
      span_metrics_t metrics = listed->metrics;
      pthread_mutex_unlock(&measured.lock);
      /* Measured ahead: no Pango layout is kept, which only cairo's renderer would draw. */
      span->size = metrics.size;
      span->yoffset_layout = metrics.yoffset_layout;
      span->yoffset_centerline = metrics.yoffset_centerline;
      span->layout = NULL;
      span->free_layout = NULL;
      return metrics.measured;
    } else if (listed->state == PENDING) {
      /* Measured here: the thread skips it. */
      listed->state = LEFT_TO_LAYOUT;
    }
  }
  pthread_mutex_unlock(&measured.lock);

  void *layout = layout_text(&shared_measurer, span->font, span->str);
  span->layout = layout;
  span->free_layout = free_layout;

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

  span_metrics_t metrics = metrics_of(layout, span->font->size);
  span->size = metrics.size;
  span->yoffset_layout = metrics.yoffset_layout;
  span->yoffset_centerline = metrics.yoffset_centerline;
  return metrics.measured;
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
