#include "CGraphvizSupport.h"

#include <stdlib.h>
#include <string.h>

/* libcgraph orders a graph's subgraphs by object id, and its default id discipline makes the id
   of a named object the address of its interned name. Graphviz's dot lays out and draws
   clusters in that order, so the picture depended on where malloc happened to put the names: a
   map drawn after others in one process could come out with its clusters swapped, or laid out
   differently. This discipline maps no names itself, so libcgraph keeps every name in its own
   table and asks for an anonymous id, here a count per graph: ids, and so subgraphs, follow the
   order the text creates them in. */

typedef struct {
  IDTYPE next; /* odd, as the default discipline's anonymous ids are */
} counter_t;

static void *id_open(Agraph_t *graph, Agdisc_t *discipline) {
  (void)graph;
  (void)discipline;
  counter_t *counter = malloc(sizeof *counter);
  if (counter != NULL) counter->next = 1;
  return counter;
}

static long id_map(void *state, int objtype, char *name, IDTYPE *id, int create) {
  (void)objtype;
  (void)create;
  if (name != NULL || state == NULL) return 0; /* libcgraph keeps names in its internal map */
  counter_t *counter = state;
  *id = counter->next;
  counter->next += 2;
  return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE request) {
  (void)state;
  (void)objtype;
  (void)request;
  return 0;
}

static void id_free(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id;
  return NULL; /* names come from libcgraph's internal map */
}

static void id_close(void *state) { free(state); }

static void id_register(void *state, int objtype, void *object) {
  (void)state;
  (void)objtype;
  (void)object;
}

static Agiddisc_t written_order_ids = {id_open,  id_map,   id_alloc,   id_free,
                                       id_print, id_close, id_register};

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
  Agiodisc_t io = {read_memory, AgIoDisc.putstr, AgIoDisc.flush};
  Agdisc_t discipline = {&AgMemDisc, &written_order_ids, &io};
  memory_reader_t reader = {text, strlen(text), 0};
  return agread(&reader, &discipline);
}
