#include "CGraphvizSupport.h"
#include "GraphvizVersion.h"

#include <stdlib.h>
#include <string.h>

/* libcgraph orders a graph's subgraphs by object id, and its default id discipline makes the id
   of a named object the address of its interned name. Graphviz's dot lays out and draws
   clusters in that order, so the picture depended on where malloc happened to put the names: a
   map drawn after others in one process could come out with its clusters swapped, or laid out
   differently. This discipline counts instead: the n-th object the text creates gets id 2n if
   it has a name and 2n + 1 if not (the default also keeps names on even ids and anonymous
   objects on odd ones), so ids, and so subgraphs, follow the written order.

   The names are interned in the graph's string dictionary, as the default discipline does
   (Graphviz reads flags stored in front of an object's name, so a name must be such a string),
   and a table of the graph's own maps them to ids and back; both go with the graph. (Leaving
   names to libcgraph's internal map, which it falls back to when a discipline maps no names,
   would leak: Graphviz 2.42 frees that map's dictionaries but not their entries.) */

typedef struct {
  Agraph_t *graph; /* the root graph, whose string dictionary holds the names */
  IDTYPE next;     /* the count of objects created so far */
  char **names;    /* by count, interned (agstrdup); NULL for anonymous objects */
  size_t capacity; /* of `names` */
  size_t *slots;   /* open-addressing hash table of counts + 1 by name; 0 marks a free slot */
  size_t slot_count;
  size_t named; /* names in `slots` */
} id_table_t;

static size_t hash_name(const char *name) {
  size_t hash = 1469598103934665603u; /* FNV-1a */
  for (const unsigned char *c = (const unsigned char *)name; *c != '\0'; c++) {
    hash ^= *c;
    hash *= 1099511628211u;
  }
  return hash;
}

/* The slot that holds `name`, or the free slot where it would go. */
static size_t find_slot(const id_table_t *table, const char *name) {
  size_t mask = table->slot_count - 1;
  size_t slot = hash_name(name) & mask;
  while (table->slots[slot] != 0 && strcmp(table->names[table->slots[slot] - 1], name) != 0) {
    slot = (slot + 1) & mask;
  }
  return slot;
}

/* Doubles the hash table; 0 on success, -1 when out of memory. */
static int grow_slots(id_table_t *table) {
  size_t count = table->slot_count * 2;
  size_t *slots = calloc(count, sizeof *slots);
  if (slots == NULL) return -1;
  size_t *old = table->slots;
  size_t old_count = table->slot_count;
  table->slots = slots;
  table->slot_count = count;
  for (size_t i = 0; i < old_count; i++) {
    if (old[i] != 0) table->slots[find_slot(table, table->names[old[i] - 1])] = old[i];
  }
  free(old);
  return 0;
}

/* Records the next object, named `name` (NULL: anonymous); its count, or -1 when out of memory. */
static long record(id_table_t *table, const char *name) {
  if (table->next == table->capacity) {
    size_t capacity = table->capacity * 2;
    char **names = realloc(table->names, capacity * sizeof *names);
    if (names == NULL) return -1;
    table->names = names;
    table->capacity = capacity;
  }
  char *copy = NULL;
  if (name != NULL) {
    if ((table->named + 1) * 2 > table->slot_count && grow_slots(table) != 0) return -1;
    copy = agstrdup(table->graph, (char *)name);
    if (copy == NULL) return -1;
  }
  size_t count = table->next++;
  table->names[count] = copy;
  if (copy != NULL) {
    table->slots[find_slot(table, copy)] = count + 1;
    table->named++;
  }
  return (long)count;
}

static void *id_open(Agraph_t *graph, Agdisc_t *discipline) {
  (void)discipline;
  id_table_t *table = calloc(1, sizeof *table);
  if (table == NULL) return NULL;
  table->graph = graph;
  table->capacity = 64;
  table->slot_count = 128;
  table->names = malloc(table->capacity * sizeof *table->names);
  table->slots = calloc(table->slot_count, sizeof *table->slots);
  if (table->names == NULL || table->slots == NULL) {
    free(table->names);
    free(table->slots);
    free(table);
    return NULL;
  }
  return table;
}

static long id_map(void *state, int objtype, char *name, IDTYPE *id, int create) {
  (void)objtype;
  id_table_t *table = state;
  if (table == NULL) return 0;
  if (name != NULL) {
    size_t slot = find_slot(table, name);
    if (table->slots[slot] != 0) {
      *id = 2 * (IDTYPE)(table->slots[slot] - 1);
      return 1;
    }
    if (!create) return 0;
  }
  long count = record(table, name);
  if (count < 0) return 0;
  *id = 2 * (IDTYPE)count + (name == NULL ? 1 : 0);
  return 1;
}

#if !CGS_GRAPHVIZ_13_OR_LATER
static long id_alloc(void *state, int objtype, IDTYPE request) {
  (void)state;
  (void)objtype;
  (void)request;
  return 0; /* ids are never chosen by the caller, as with the default discipline */
}
#endif

static void id_free(void *state, int objtype, IDTYPE id) {
  /* A deleted object's name stays in the table until the graph closes: made again, the object
     gets its old id back, as it would get its old name's address. */
  (void)state;
  (void)objtype;
  (void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id) {
  (void)objtype;
  id_table_t *table = state;
  if (table == NULL || id % 2 != 0 || id / 2 >= table->next) return NULL;
  return table->names[id / 2];
}

static void id_close(void *state) {
  id_table_t *table = state;
  if (table == NULL) return;
  /* The names themselves go with the graph's string dictionary, closed right after this. */
  free(table->names);
  free(table->slots);
  free(table);
}

static void id_register(void *state, int objtype, void *object) {
  (void)state;
  (void)objtype;
  (void)object;
}

static Agiddisc_t written_order_ids = {
    .open = id_open,
    .map = id_map,
#if !CGS_GRAPHVIZ_13_OR_LATER
    .alloc = id_alloc, /* 13.0 removed it */
#endif
    .free = id_free,
    .print = id_print,
    .close = id_close,
    .idregister = id_register,
};

/* Reads DOT text from memory a line at a time, as libcgraph's agmemread does. */
typedef struct {
  const char *text;
  size_t length;
  size_t offset;
} memory_reader_t;

static int read_memory(void *channel, char *buffer, int size) {
  memory_reader_t *reader = channel;
  if (size <= 0 || reader->offset >= reader->length) return 0;
  int count = 0;
  char c;
  do {
    c = reader->text[reader->offset + count];
    buffer[count++] = c;
  } while (c != '\0' && c != '\n' && count < size && reader->offset + count < reader->length);
  reader->offset += count;
  return count;
}

Agraph_t *cgs_read_graph(const char *text) {
  /* The graph keeps pointers to its disciplines for life (libcgraph writes through `io`), so
     they are static; callers serialize calls into libcgraph anyway. */
  static Agiodisc_t io;
  static Agdisc_t discipline;
  io.afread = read_memory;
  io.putstr = AgIoDisc.putstr;
  io.flush = AgIoDisc.flush;
#if !CGS_GRAPHVIZ_9_OR_LATER
  discipline.mem = &AgMemDisc; /* 9.0 removed the memory discipline */
#endif
  discipline.id = &written_order_ids;
  discipline.io = &io;
  memory_reader_t reader = {text, strlen(text), 0};
  return agread(&reader, &discipline);
}
