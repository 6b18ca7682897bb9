/* SPDX-License-Identifier: MIT */
/*
 * corpus.c - corpus mode (see corpus.h and docs/corpus-mode.md).
 *
 * Workers take batches of lines from one shared reader, lint them with a
 * context of their own and write their records when every earlier batch
 * has been written, so the output is the same bytes whatever the number of
 * workers. A record depends only on its own line: splitting the input
 * anywhere between lines and concatenating the outputs changes nothing.
 */
#define _POSIX_C_SOURCE 200809L
#include "corpus.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instream.h"
#include "json_scan.h"

#define BATCH_BYTES (256u * 1024)
#define BATCH_LINES 4096

/* Why a line got an error record instead of a score. */
enum line_error {
	LE_UTF8,
	LE_JSON,
	LE_DEEP,
	LE_NO_TEXT,
	LE_NOT_STRING,
	LE_TOO_LONG,
	LE_NUL,
	LE_NOMEM,
	LE_COUNT
};

static const char *const le_names[LE_COUNT] = {
	"invalid_utf8", "invalid_json", "too_deep", "no_text",
	"text_not_string", "too_long", "nul_character", "out_of_memory"};

struct stats {
	unsigned long long lines, documents, passed, dropped, errors[LE_COUNT];
	unsigned long long input_bytes, text_bytes, chars, words, bad_chars;
	unsigned long long findings;
	unsigned long long *counts; /* per rule index */
};

/* A growing output buffer; a failed allocation is remembered. */
struct obuf {
	char *p;
	size_t n, cap;
	int failed;
};

struct line {
	size_t off, len, lineno;
	int too_long;
};

struct batch {
	char *data;
	size_t len, cap;
	struct line *v;
	size_t n, cap_lines;
};

/* A finding's span in output units and its weight in the score. */
struct span {
	size_t start, end;
	double weight;
};

struct corpus;

struct worker {
	struct corpus *c;
	vn_ctx *ctx;
	int own_ctx;
	struct batch batch;
	struct obuf out;
	struct stats st;
	char *text; /* the decoded text of a document */
	size_t text_cap;
	unsigned *doc_counts; /* per rule index, for one document */
	size_t *touched;      /* rule indices with doc_counts > 0 */
	size_t ntouched;
	struct span *spans;   /* the weighted spans of one document */
	size_t nspans, cap_spans;
	pthread_t thread;
	int started;
};

struct corpus {
	const struct corpus_opts *o;
	size_t nrules;
	double *weight;        /* per rule index */
	const char **rule_ids; /* per rule index */
	char version[1024];
	/* The reader, the write order and the run's state: under lock. */
	pthread_mutex_t lock;
	pthread_cond_t turn;
	char **paths;
	int npaths, next_path;
	FILE *f;
	instream *in;
	size_t lineno;
	unsigned long long next_seq, write_seq;
	int done, io_error, quiet_stop;
	char msg[600];
	struct stats total;
};

/* ------------------------------------------------------------ output */

static void
put(struct obuf *b, const char *s, size_t n)
{
	char *p;
	size_t want;

	if (b->failed || n == 0)
		return;
	if (b->cap - b->n < n) {
		want = b->cap ? b->cap : 4096;
		while (want - b->n < n) {
			if (want > SIZE_MAX / 2) {
				b->failed = 1;
				return;
			}
			want *= 2;
		}
		p = realloc(b->p, want);
		if (p == NULL) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = want;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
puts_(struct obuf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void
putf(struct obuf *b, const char *fmt, unsigned long long v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), fmt, v);

	put(b, tmp, (size_t)n);
}

/* A JSON string: UTF-8 passes through, controls and quotes are escaped. */
static void
put_json_string(struct obuf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, from = 0;
	char esc[7];

	put(b, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(b, s + from, i - from);
		from = i + 1;
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			put(b, esc, 2);
		} else if (c == '\n') {
			put(b, "\\n", 2);
		} else if (c == '\t') {
			put(b, "\\t", 2);
		} else if (c == '\r') {
			put(b, "\\r", 2);
		} else {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			put(b, esc, 6);
		}
	}
	put(b, s + from, n - from);
	put(b, "\"", 1);
}

/* ------------------------------------------------------------ scoring */

/* Rule index of a diagnostic. Rule ids are the context's own strings, so
 * the pointer is compared first; the search is by name only once per
 * distinct pointer. */
static size_t
rule_index(struct worker *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->c->nrules; i++)
		if (w->c->rule_ids[i] == id)
			return i;
	for (i = 0; i < w->c->nrules; i++)
		if (strcmp(w->c->rule_ids[i], id) == 0)
			return i;
	return 0;
}

static int
cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* A max-heap of open spans, by weight. */
static void
heap_push(struct span *h, size_t *n, struct span s)
{
	size_t i = (*n)++;

	while (i > 0 && h[(i - 1) / 2].weight < s.weight) {
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = s;
}

static void
heap_pop(struct span *h, size_t *n)
{
	struct span last = h[--*n];
	size_t i = 0, c;

	while ((c = 2 * i + 1) < *n) {
		if (c + 1 < *n && h[c + 1].weight > h[c].weight)
			c++;
		if (h[c].weight <= last.weight)
			break;
		h[i] = h[c];
		i = c;
	}
	if (*n > 0)
		h[i] = last;
}

/* Characters covered by any span, and the sum over them of the heaviest
 * covering weight: a sweep over the sorted spans with a heap of the open
 * ones, n log n however they overlap. heap has room for n spans. */
static void
coverage(struct span *s, size_t n, struct span *heap, unsigned long long *bad,
	 double *weighted)
{
	size_t i = 0, nh = 0, pos = 0, stop;

	*bad = 0;
	*weighted = 0;
	if (n > 1)
		qsort(s, n, sizeof(*s), cmp_span);
	while (i < n || nh > 0) {
		while (nh > 0 && heap[0].end <= pos)
			heap_pop(heap, &nh);
		if (nh == 0) {
			if (i >= n)
				break;
			if (pos < s[i].start)
				pos = s[i].start;
		}
		while (i < n && s[i].start <= pos)
			heap_push(heap, &nh, s[i++]);
		while (nh > 0 && heap[0].end <= pos)
			heap_pop(heap, &nh);
		if (nh == 0)
			continue;
		stop = heap[0].end;
		if (i < n && s[i].start < stop)
			stop = s[i].start;
		*bad += stop - pos;
		*weighted += heap[0].weight * (double)(stop - pos);
		pos = stop;
	}
}

/* Move a (byte, code point) cursor over valid UTF-8 to byte b. */
static size_t
cp_at(const char *t, size_t *byte, size_t *cp, size_t b)
{
	while (*byte < b) {
		*cp += ((unsigned char)t[*byte] & 0xC0) != 0x80;
		++*byte;
	}
	while (*byte > b) {
		--*byte;
		*cp -= ((unsigned char)t[*byte] & 0xC0) != 0x80;
	}
	return *cp;
}

/* ------------------------------------------------------------ records */

static void
error_record(struct worker *w, const char *line, size_t lineno,
	     const struct json_member *id, enum line_error e, const char *what)
{
	struct obuf *b = &w->out;

	w->st.errors[e]++;
	if (w->c->o->emit == EMIT_FILTER) {
		w->st.dropped++;
		return;
	}
	puts_(b, "{\"id\":");
	if (w->c->o->input_lines)
		putf(b, "%llu", lineno);
	else if (id && id->found)
		put(b, line + id->val, id->val_len);
	else
		puts_(b, "null");
	puts_(b, ",\"line_error\":");
	put_json_string(b, what, strlen(what));
	puts_(b, "}\n");
}

/* The "vnlint" object of a linted document into w->out; its score into
 * *score. */
static void
attributes(struct worker *w, const char *text, size_t len,
	   const vn_result *res, double *score)
{
	struct obuf *b = &w->out;
	const struct corpus_opts *o = w->c->o;
	size_t n = vn_result_count(res), i, k, byte = 0, cp = 0, chars;
	unsigned long long bad;
	double weighted, sc;
	char tmp[64];

	chars = cp_at(text, &byte, &cp, len);
	w->ntouched = 0;
	w->nspans = 0;
	if (w->cap_spans < n) {
		struct span *p = realloc(w->spans, 2 * n * sizeof(*p));

		if (p == NULL) {
			b->failed = 1;
			return;
		}
		w->spans = p;
		w->cap_spans = n;
	}
	for (i = 0; i < n; i++) {
		const vn_diag *d = vn_result_at(res, i);

		k = rule_index(w, vn_diag_rule(d));
		if (w->doc_counts[k]++ == 0)
			w->touched[w->ntouched++] = k;
		if (w->c->weight[k] > 0) {
			struct span *s = &w->spans[w->nspans++];
			size_t off = vn_diag_byte_offset(d);

			s->start = cp_at(text, &byte, &cp, off);
			s->end = cp_at(text, &byte, &cp, off + vn_diag_byte_length(d));
			s->weight = w->c->weight[k];
		}
	}
	coverage(w->spans, w->nspans, w->spans ? w->spans + w->cap_spans : NULL,
		 &bad, &weighted);
	sc = chars ? 1.0 - weighted / (double)chars : 1.0;
	if (sc < 0)
		sc = 0;
	/* The score is compared as printed, so a filter keeps exactly the
	 * documents whose printed score passes. */
	snprintf(tmp, sizeof(tmp), "%.4f", sc);
	*score = strtod(tmp, NULL);

	puts_(b, "{\"version\":");
	put_json_string(b, w->c->version, strlen(w->c->version));
	putf(b, ",\"chars\":%llu", chars);
	putf(b, ",\"syllables\":%llu", vn_result_words(res));
	puts_(b, ",\"counts\":{");
	if (w->ntouched > 1)
		qsort(w->touched, w->ntouched, sizeof(*w->touched), cmp_size);
	for (i = 0; i < w->ntouched; i++) {
		k = w->touched[i];
		if (i)
			put(b, ",", 1);
		put_json_string(b, w->c->rule_ids[k], strlen(w->c->rule_ids[k]));
		putf(b, ":%llu", w->doc_counts[k]);
		w->st.counts[k] += w->doc_counts[k];
		w->doc_counts[k] = 0;
	}
	putf(b, "},\"bad_chars\":%llu", bad);
	puts_(b, ",\"score\":");
	puts_(b, tmp);
	if (!o->no_spans) {
		puts_(b, ",\"spans\":[");
		byte = cp = 0;
		for (i = 0; i < n; i++) {
			const vn_diag *d = vn_result_at(res, i);
			size_t off = vn_diag_byte_offset(d);
			size_t end = off + vn_diag_byte_length(d);
			const char *id = vn_diag_rule(d);

			if (!o->byte_offsets) {
				off = cp_at(text, &byte, &cp, off);
				end = cp_at(text, &byte, &cp, end);
			}
			putf(b, i ? ",[%llu" : "[%llu", off);
			putf(b, ",%llu,", end);
			put_json_string(b, id, strlen(id));
			put(b, "]", 1);
		}
		put(b, "]", 1);
	}
	put(b, "}", 1);
	w->st.documents++;
	w->st.text_bytes += len;
	w->st.chars += chars;
	w->st.words += vn_result_words(res);
	w->st.bad_chars += bad;
	w->st.findings += n;
}

/* Where the "vnlint" object goes in an annotated copy: the object without
 * any "vnlint" member it had, up to its closing brace. */
static void
annotate_prefix(struct obuf *b, const char *line, size_t close,
		const struct json_member *old)
{
	size_t from = 0, to = 0, i, open = 0;
	int empty = 1;

	while (line[open] != '{')
		open++;
	if (old->found) {
		/* Cut the member and one comma next to it. */
		from = old->start;
		to = old->end;
		for (i = from; i > open + 1 && strchr(" \t\r\n", line[i - 1]); i--)
			;
		if (line[i - 1] == ',') {
			from = i - 1;
		} else {
			for (i = to; i < close && strchr(" \t\r\n", line[i]); i++)
				;
			if (line[i] == ',')
				to = i + 1;
		}
	}
	for (i = open + 1; i < close; i++) {
		if (old->found && i >= from && i < to)
			continue;
		if (!strchr(" \t\r\n", line[i])) {
			empty = 0;
			break;
		}
	}
	if (old->found) {
		put(b, line, from);
		put(b, line + to, close - to);
	} else {
		put(b, line, close);
	}
	if (!empty)
		put(b, ",", 1);
	puts_(b, "\"vnlint\":");
}

/* Grow the decoding buffer to n bytes. */
static int
text_room(struct worker *w, size_t n)
{
	char *p;

	if (w->text_cap >= n)
		return 1;
	p = realloc(w->text, n);
	if (p == NULL)
		return 0;
	w->text = p;
	w->text_cap = n;
	return 1;
}

static void
one_line(struct worker *w, const char *line, size_t len, size_t lineno)
{
	const struct corpus_opts *o = w->c->o;
	const char *keys[3];
	struct json_member m[3], *id = NULL;
	size_t close = 0, where = 0, tlen, mark, i;
	enum json_error je;
	vn_lint_options lo;
	vn_result *res = NULL;
	vn_status st;
	const char *text;
	double score = 1;
	char what[160];
	long cp;
	int k;

	/* JSON must be valid UTF-8, and so must a plain line. */
	for (i = 0; i < len;) {
		if ((unsigned char)line[i] < 0x80) {
			i++;
			continue;
		}
		k = vn_utf8_decode(line + i, len - i, &cp);
		if (k < 0) {
			snprintf(what, sizeof(what), "invalid UTF-8 at byte %zu", i);
			error_record(w, line, lineno, NULL, LE_UTF8, what);
			return;
		}
		i += (size_t)k;
	}
	if (o->input_lines) {
		text = line;
		tlen = len;
		if (tlen > 0 && text[tlen - 1] == '\r')
			tlen--; /* CRLF line ends */
	} else {
		keys[0] = o->id_key;
		keys[1] = o->text_key;
		keys[2] = "vnlint";
		je = json_scan_object(line, len, keys, 3, m, &close, &where);
		if (je != JSON_OK) {
			snprintf(what, sizeof(what), "%s at byte %zu",
				 je == JSON_TOO_DEEP ? "JSON nested too deep"
						     : "invalid JSON",
				 where);
			error_record(w, line, lineno, NULL,
				     je == JSON_TOO_DEEP ? LE_DEEP : LE_JSON, what);
			return;
		}
		id = &m[0];
		if (!m[1].found || !m[1].is_string) {
			snprintf(what, sizeof(what), m[1].found
				 ? "\"%.100s\" is not a string"
				 : "no \"%.100s\" key", o->text_key);
			error_record(w, line, lineno, id,
				     m[1].found ? LE_NOT_STRING : LE_NO_TEXT, what);
			return;
		}
		if (!text_room(w, m[1].val_len + 1)) {
			error_record(w, line, lineno, id, LE_NOMEM, "out of memory");
			return;
		}
		tlen = json_string_decode(line + m[1].val, m[1].val_len, w->text);
		text = w->text;
	}
	memset(&lo, 0, sizeof(lo));
	lo.markup = VN_MARKUP_TEXT;
	lo.no_suppressions = 1; /* documents are data, not vnlint's input */
	lo.no_dictionary_guesses = 1; /* records carry no suggestions */
	st = vn_lint_ex(w->ctx, text, tlen, &lo, &res);
	if (st != VN_OK) {
		error_record(w, line, lineno, id, st == VN_EBINARY ? LE_NUL : LE_NOMEM,
			     st == VN_EBINARY ? "text holds a NUL character"
					      : "out of memory");
		return;
	}
	mark = w->out.n;
	if (o->emit == EMIT_ATTRIBUTES) {
		puts_(&w->out, "{\"id\":");
		if (o->input_lines)
			putf(&w->out, "%llu", lineno);
		else if (id->found)
			put(&w->out, line + id->val, id->val_len);
		else
			puts_(&w->out, "null");
		puts_(&w->out, ",\"vnlint\":");
	} else if (o->emit == EMIT_ANNOTATE) {
		if (o->input_lines) {
			putf(&w->out, "{\"id\":%llu,", lineno);
			put_json_string(&w->out, o->text_key, strlen(o->text_key));
			put(&w->out, ":", 1);
			put_json_string(&w->out, text, tlen);
			puts_(&w->out, ",\"vnlint\":");
		} else {
			annotate_prefix(&w->out, line, close, &m[2]);
		}
	}
	attributes(w, text, tlen, res, &score);
	vn_result_free(res);
	if (o->emit == EMIT_FILTER) {
		w->out.n = mark;
		if (score >= o->min_score) {
			put(&w->out, line, len);
			put(&w->out, "\n", 1);
			w->st.passed++;
		} else {
			w->st.dropped++;
		}
	} else {
		puts_(&w->out, "}\n");
	}
}

/* ------------------------------------------------------------ reading */

/* Fill w's batch from the shared reader; called under lock. Returns 0
 * when there is nothing more to read. */
static int
take_batch(struct corpus *c, struct worker *w)
{
	struct batch *b = &w->batch;
	enum instream_line r;
	const char *line;
	size_t len;

	b->len = b->n = 0;
	while (!c->done && b->n < BATCH_LINES && b->len < BATCH_BYTES) {
		if (c->in == NULL) {
			const char *p;

			if (c->next_path >= c->npaths) {
				c->done = 1;
				break;
			}
			p = c->paths[c->next_path++];
			if (strcmp(p, "-") == 0) {
				c->f = stdin;
				p = "<stdin>";
			} else if ((c->f = fopen(p, "rb")) == NULL) {
				snprintf(c->msg, sizeof(c->msg), "%s: %s", p,
					 strerror(errno));
				c->io_error = c->done = 1;
				break;
			}
			c->in = instream_open(c->f, p, c->o->max_doc_bytes);
			if (c->in == NULL) {
				snprintf(c->msg, sizeof(c->msg), "out of memory");
				c->io_error = c->done = 1;
				break;
			}
		}
		r = instream_next(c->in, &line, &len);
		if (r == IN_EOF || r == IN_ERROR) {
			if (r == IN_ERROR) {
				snprintf(c->msg, sizeof(c->msg), "%s",
					 instream_error(c->in));
				c->io_error = c->done = 1;
			}
			instream_free(c->in);
			c->in = NULL;
			if (c->f != stdin)
				fclose(c->f);
			c->f = NULL;
			continue;
		}
		if (b->n == b->cap_lines) {
			size_t ncap = b->cap_lines ? 2 * b->cap_lines : 256;
			struct line *p = realloc(b->v, ncap * sizeof(*p));

			if (p == NULL)
				goto nomem;
			b->v = p;
			b->cap_lines = ncap;
		}
		if (r == IN_LINE && b->cap - b->len < len) {
			size_t ncap = b->cap ? b->cap : BATCH_BYTES;
			char *p;

			while (ncap - b->len < len)
				ncap *= 2;
			p = realloc(b->data, ncap);
			if (p == NULL)
				goto nomem;
			b->data = p;
			b->cap = ncap;
		}
		b->v[b->n].off = b->len;
		b->v[b->n].len = len;
		b->v[b->n].lineno = ++c->lineno;
		b->v[b->n].too_long = r == IN_TOO_LONG;
		if (r == IN_LINE) {
			if (len)
				memcpy(b->data + b->len, line, len);
			b->len += len;
		}
		b->n++;
	}
	return b->n > 0;
nomem:
	snprintf(c->msg, sizeof(c->msg), "out of memory");
	c->io_error = c->done = 1;
	return b->n > 0;
}

static void
merge_stats(struct corpus *c, struct stats *s)
{
	size_t i;

	c->total.lines += s->lines;
	c->total.documents += s->documents;
	c->total.passed += s->passed;
	c->total.dropped += s->dropped;
	for (i = 0; i < LE_COUNT; i++)
		c->total.errors[i] += s->errors[i];
	c->total.input_bytes += s->input_bytes;
	c->total.text_bytes += s->text_bytes;
	c->total.chars += s->chars;
	c->total.words += s->words;
	c->total.bad_chars += s->bad_chars;
	c->total.findings += s->findings;
	for (i = 0; i < c->nrules; i++) {
		c->total.counts[i] += s->counts[i];
		s->counts[i] = 0;
	}
	s->lines = s->documents = s->passed = s->dropped = 0;
	memset(s->errors, 0, sizeof(s->errors));
	s->input_bytes = s->text_bytes = s->chars = s->words = 0;
	s->bad_chars = s->findings = 0;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct corpus *c = w->c;
	unsigned long long seq;
	size_t i;
	char what[160];
	int more;

	for (;;) {
		pthread_mutex_lock(&c->lock);
		more = !c->quiet_stop && take_batch(c, w);
		seq = c->next_seq;
		if (more)
			c->next_seq++;
		pthread_mutex_unlock(&c->lock);
		if (!more)
			break;
		w->out.n = 0;
		for (i = 0; i < w->batch.n; i++) {
			const struct line *l = &w->batch.v[i];

			w->st.lines++;
			w->st.input_bytes += l->len + 1;
			if (l->too_long) {
				snprintf(what, sizeof(what),
					 "line of %zu bytes is longer than "
					 "--max-doc-bytes %zu",
					 l->len, c->o->max_doc_bytes);
				error_record(w, "", l->lineno, NULL, LE_TOO_LONG, what);
			} else {
				one_line(w, w->batch.data ? w->batch.data + l->off : "",
					 l->len, l->lineno);
			}
		}
		pthread_mutex_lock(&c->lock);
		while (c->write_seq != seq)
			pthread_cond_wait(&c->turn, &c->lock);
		if (w->out.failed && !c->io_error) {
			snprintf(c->msg, sizeof(c->msg), "out of memory");
			c->io_error = c->done = 1;
		} else if (!c->quiet_stop && !w->out.failed &&
			   fwrite(w->out.p, 1, w->out.n, stdout) != w->out.n) {
			if (errno == EPIPE) {
				c->quiet_stop = c->done = 1;
			} else if (!c->io_error) {
				snprintf(c->msg, sizeof(c->msg),
					 "cannot write output: %s", strerror(errno));
				c->io_error = c->done = 1;
			}
		}
		merge_stats(c, &w->st);
		c->write_seq++;
		pthread_cond_broadcast(&c->turn);
		pthread_mutex_unlock(&c->lock);
		w->out.failed = 0;
	}
	return NULL;
}

/* ------------------------------------------------------------ set-up */

static int
parse_weights(struct corpus *c, vn_ctx *ctx)
{
	const struct corpus_opts *o = c->o;
	size_t i, len, used;
	int j, any;
	char *end;

	for (i = 0; i < c->nrules; i++)
		c->weight[i] = vn_ctx_rule_severity(ctx, i) >= VN_SEV_WARNING ? 1 : 0;
	used = (size_t)snprintf(c->version, sizeof(c->version), "vnlint %s",
				vn_version());
	for (j = 0; j < o->nweights; j++) {
		const char *eq = strchr(o->weights[j], '=');
		double v;

		if (eq == NULL || eq == o->weights[j]) {
			fprintf(stderr, "vnlint: --weights needs RULE=WEIGHT, not '%s'\n",
				o->weights[j]);
			return 0;
		}
		v = strtod(eq + 1, &end);
		if (*end || end == eq + 1 || !(v >= 0) || v > 1e6) {
			fprintf(stderr, "vnlint: --weights: '%s' is not a weight "
					"(a number >= 0)\n", eq + 1);
			return 0;
		}
		len = (size_t)(eq - o->weights[j]);
		any = 0;
		for (i = 0; i < c->nrules; i++) {
			const char *id = c->rule_ids[i];

			if ((len == 3 && memcmp(o->weights[j], "all", 3) == 0) ||
			    (strncmp(id, o->weights[j], len) == 0 &&
			     (id[len] == 0 || id[len] == '/' ||
			      o->weights[j][len - 1] == '/'))) {
				c->weight[i] = v;
				any = 1;
			}
		}
		if (!any) {
			fprintf(stderr, "vnlint: --weights: unknown rule '%.*s' "
					"(see --list-rules)\n", (int)len, o->weights[j]);
			return 0;
		}
		if (used < sizeof(c->version))
			used += (size_t)snprintf(c->version + used,
						 sizeof(c->version) - used, "%s%s",
						 j ? "," : " weights:", o->weights[j]);
	}
	if (used >= sizeof(c->version)) {
		fprintf(stderr, "vnlint: --weights: too many to record\n");
		return 0;
	}
	return 1;
}

static int
write_stats(const struct corpus *c)
{
	struct obuf b = {0};
	size_t i;
	int first = 1, ok;
	FILE *f;

	puts_(&b, "{\"version\":");
	put_json_string(&b, c->version, strlen(c->version));
	putf(&b, ",\"lines\":%llu", c->total.lines);
	putf(&b, ",\"documents\":%llu", c->total.documents);
	putf(&b, ",\"passed\":%llu", c->total.passed);
	putf(&b, ",\"dropped\":%llu", c->total.dropped);
	puts_(&b, ",\"line_errors\":{");
	for (i = 0; i < LE_COUNT; i++) {
		puts_(&b, i ? ",\"" : "\"");
		puts_(&b, le_names[i]);
		putf(&b, "\":%llu", c->total.errors[i]);
	}
	putf(&b, "},\"input_bytes\":%llu", c->total.input_bytes);
	putf(&b, ",\"text_bytes\":%llu", c->total.text_bytes);
	putf(&b, ",\"chars\":%llu", c->total.chars);
	putf(&b, ",\"syllables\":%llu", c->total.words);
	putf(&b, ",\"bad_chars\":%llu", c->total.bad_chars);
	putf(&b, ",\"findings\":%llu", c->total.findings);
	puts_(&b, ",\"counts\":{");
	for (i = 0; i < c->nrules; i++) {
		if (c->total.counts[i] == 0)
			continue;
		if (!first)
			put(&b, ",", 1);
		first = 0;
		put_json_string(&b, c->rule_ids[i], strlen(c->rule_ids[i]));
		putf(&b, ":%llu", c->total.counts[i]);
	}
	puts_(&b, "}}\n");
	if (b.failed) {
		free(b.p);
		fprintf(stderr, "vnlint: %s: out of memory\n", c->o->stats_path);
		return 0;
	}
	f = fopen(c->o->stats_path, "w");
	ok = f && fwrite(b.p, 1, b.n, f) == b.n;
	if (f && fclose(f) != 0)
		ok = 0;
	if (!ok)
		fprintf(stderr, "vnlint: %s: %s\n", c->o->stats_path, strerror(errno));
	free(b.p);
	return ok;
}

static int
worker_init(struct worker *w, struct corpus *c, vn_ctx *ctx)
{
	memset(w, 0, sizeof(*w));
	w->c = c;
	w->ctx = ctx;
	w->doc_counts = calloc(c->nrules, sizeof(*w->doc_counts));
	w->touched = calloc(c->nrules, sizeof(*w->touched));
	w->st.counts = calloc(c->nrules, sizeof(*w->st.counts));
	return w->doc_counts && w->touched && w->st.counts;
}

static void
worker_free(struct worker *w)
{
	if (w->own_ctx)
		vn_ctx_free(w->ctx);
	free(w->batch.data);
	free(w->batch.v);
	free(w->out.p);
	free(w->text);
	free(w->doc_counts);
	free(w->touched);
	free(w->st.counts);
	free(w->spans);
}

int
corpus_run(const struct corpus_opts *o, vn_ctx *ctx, corpus_ctx_fn more,
	   void *ud, char **paths, int npaths)
{
	static char *const std_in[] = {"-"};
	struct corpus c;
	struct worker *w = NULL;
	int i, nw = o->jobs < 1 ? 1 : o->jobs, rc = CORPUS_DONE, ready = 0;
	char err[1024];
	size_t k;

	memset(&c, 0, sizeof(c));
	c.o = o;
	c.paths = npaths ? paths : (char **)std_in;
	c.npaths = npaths ? npaths : 1;
	c.nrules = vn_ctx_rule_count(ctx);
	c.weight = calloc(c.nrules, sizeof(*c.weight));
	c.rule_ids = calloc(c.nrules, sizeof(*c.rule_ids));
	c.total.counts = calloc(c.nrules, sizeof(*c.total.counts));
	w = calloc((size_t)nw, sizeof(*w));
	if (!c.weight || !c.rule_ids || !c.total.counts || !w) {
		fputs("vnlint: out of memory\n", stderr);
		rc = CORPUS_IO;
		goto out;
	}
	for (k = 0; k < c.nrules; k++)
		c.rule_ids[k] = vn_ctx_rule_id(ctx, k);
	if (!parse_weights(&c, ctx)) {
		rc = CORPUS_USAGE;
		goto out;
	}
	for (i = 0; i < nw; i++) {
		vn_ctx *x = i == 0 ? ctx : more(ud, err, sizeof(err));
		int ok;

		if (x == NULL) {
			fprintf(stderr, "vnlint: %s\n", err);
			rc = CORPUS_IO;
			goto out;
		}
		ok = worker_init(&w[i], &c, x);
		w[i].own_ctx = i > 0;
		ready = i + 1;
		if (!ok) {
			fputs("vnlint: out of memory\n", stderr);
			rc = CORPUS_IO;
			goto out;
		}
	}
	/* A closed pipe is an EPIPE from fwrite, not a signal: the run then
	 * ends quietly, as a pipeline's `| head` expects. */
	signal(SIGPIPE, SIG_IGN);
	pthread_mutex_init(&c.lock, NULL);
	pthread_cond_init(&c.turn, NULL);
	for (i = 1; i < nw; i++)
		w[i].started = pthread_create(&w[i].thread, NULL, work, &w[i]) == 0;
	work(&w[0]);
	for (i = 1; i < nw; i++)
		if (w[i].started)
			pthread_join(w[i].thread, NULL);
	pthread_mutex_destroy(&c.lock);
	pthread_cond_destroy(&c.turn);
	if (c.in) {
		instream_free(c.in);
		if (c.f != stdin)
			fclose(c.f);
	}
	if (!c.quiet_stop && fflush(stdout) != 0) {
		if (errno != EPIPE && !c.io_error) {
			snprintf(c.msg, sizeof(c.msg), "cannot write output: %s",
				 strerror(errno));
			c.io_error = 1;
		}
	}
	if (c.io_error) {
		fprintf(stderr, "vnlint: %s\n", c.msg);
		rc = CORPUS_IO;
	}
	if (o->stats_path && !write_stats(&c))
		rc = CORPUS_IO;
out:
	for (i = 0; i < ready; i++)
		worker_free(&w[i]);
	free(w);
	free(c.weight);
	free(c.rule_ids);
	free(c.total.counts);
	return rc;
}
