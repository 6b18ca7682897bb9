/* SPDX-License-Identifier: MIT */
/* lsp.c - `vnlint --lsp`: lint open documents for an editor over LSP 3.17. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "lsp.h"

/* A header line longer than this, or more header lines, is not LSP. */
enum { HEADER_LINE_MAX = 1024, HEADER_LINES_MAX = 32 };
/* Larger messages are refused: far beyond any text a person edits. */
#define BODY_MAX ((size_t)64 << 20)

/* JSON-RPC and LSP error codes. */
enum {
	ERR_PARSE = -32700,
	ERR_INVALID_REQUEST = -32600,
	ERR_METHOD_NOT_FOUND = -32601,
	ERR_INVALID_PARAMS = -32602,
	ERR_NOT_INITIALIZED = -32002
};

enum { EXIT_OK = 0, EXIT_NO_SHUTDOWN = 1, EXIT_BROKEN = 2, SERVING = -1 };

/* What a client's Position.character counts. */
enum pos_enc { ENC_UTF16, ENC_UTF8 };

struct doc {
	char *uri;
	char *text; /* as the client holds it, NUL-terminated */
	size_t len;
	size_t *line_start; /* byte offset of each line (LSP: \n, \r\n, \r) */
	size_t nlines;
	double version;
	int has_version;
	vn_markup markup;
	vn_result *res; /* of the last lint of text, or NULL */
};

struct server {
	vn_ctx *ctx;
	FILE *in, *out;
	enum pos_enc enc;
	int initialized, shut_down, write_failed;
	struct doc *docs;
	size_t ndocs, cap;
};

struct pos {
	size_t line, ch;
};

/* A cached walk along one line, so that the sorted diagnostics of a long
 * line are converted in one pass, not one pass each. */
struct cursor {
	int valid;
	size_t line, byte, units;
};

/* --------------------------------------------------------------- UTF-8 */

/* Length of the valid UTF-8 sequence at s (at most n bytes) and its code
 * point, or 0 if s[0] does not start one: the library's strict decoder,
 * where an invalid byte counts as one unit on its own. */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	long c;
	int k = vn_utf8_decode((const char *)s, n, &c);

	if (k <= 0)
		return 0;
	*cp = (uint32_t)c;
	return (size_t)k;
}

/* A copy of s[0..n) that is valid UTF-8 (each invalid byte becomes U+FFFD):
 * cJSON writes strings byte for byte, and the client must get valid JSON. */
static char *
utf8_clean(const char *s, size_t n)
{
	char *out = malloc(n * 3 + 1), *o = out;
	size_t i = 0, k;
	uint32_t cp;

	if (out == NULL)
		return NULL;
	while (i < n) {
		k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k == 0) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		} else {
			memcpy(o, s + i, k);
			o += k;
			i += k;
		}
	}
	*o = '\0';
	return out;
}

/* Add item (NULL after a failed allocation: nothing) to an object or an
 * array, freeing it if that fails, so that no path leaks. */
static void
put(cJSON *obj, const char *name, cJSON *item)
{
	if (item && !cJSON_AddItemToObject(obj, name, item))
		cJSON_Delete(item);
}

static void
push(cJSON *arr, cJSON *item)
{
	if (item && !cJSON_AddItemToArray(arr, item))
		cJSON_Delete(item);
}

static cJSON *
add_clean_string(cJSON *obj, const char *name, const char *s, size_t n)
{
	char *c = utf8_clean(s, n);
	cJSON *item = c ? cJSON_AddStringToObject(obj, name, c) : NULL;

	free(c);
	return item;
}

/* ------------------------------------------------------------ positions */

/* Whether t[i] ends a line for LSP: \n, or \r not followed by \n. */
static int
ends_line(const char *t, size_t len, size_t i)
{
	return t[i] == '\n' ||
	       (t[i] == '\r' && (i + 1 == len || t[i + 1] != '\n'));
}

/* The start of every line of t, or NULL when out of memory. */
static size_t *
index_lines(const char *t, size_t len, size_t *nlines)
{
	size_t n = 1, i, k = 0, *ls;

	for (i = 0; i < len; i++)
		n += (size_t)ends_line(t, len, i);
	ls = malloc(n * sizeof(*ls));
	if (ls == NULL)
		return NULL;
	ls[k++] = 0;
	for (i = 0; i < len; i++)
		if (ends_line(t, len, i))
			ls[k++] = i + 1;
	*nlines = n;
	return ls;
}

/* Where line l's characters end: before its \n, \r\n or \r. */
static size_t
line_end(const struct doc *d, size_t l)
{
	size_t e;

	if (l + 1 >= d->nlines)
		return d->len;
	e = d->line_start[l + 1] - 1;
	if (d->text[e] == '\n' && e > d->line_start[l] && d->text[e - 1] == '\r')
		e--;
	return e;
}

static size_t
line_of(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nlines, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (d->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The LSP position of byte offset off: count the units of the client's
 * encoding from the start of the line. A UTF-16 character above U+FFFF is
 * two units; a byte that is not UTF-8 is one unit in either encoding; an
 * offset inside a line break is the end of that line. */
static struct pos
to_pos(const struct doc *d, enum pos_enc enc, struct cursor *c, size_t off)
{
	const unsigned char *t = (const unsigned char *)d->text;
	size_t l, end, k;
	uint32_t cp;
	struct pos p;

	if (off > d->len)
		off = d->len;
	l = line_of(d, off);
	end = line_end(d, l);
	if (off > end)
		off = end;
	if (!c->valid || c->line != l || c->byte > off) {
		c->valid = 1;
		c->line = l;
		c->byte = d->line_start[l];
		c->units = 0;
	}
	while (c->byte < off) {
		k = utf8_decode(t + c->byte, end - c->byte, &cp);
		if (k == 0) {
			k = 1;
			c->units++;
		} else if (c->byte + k > off) {
			break; /* off is inside a character: its start */
		} else {
			c->units += enc == ENC_UTF8 ? k : cp > 0xFFFF ? 2 : 1;
		}
		c->byte += k;
	}
	p.line = l;
	p.ch = c->units;
	return p;
}

/* The ranges of every diagnostic of d->res, in the client's units. */
static struct pos *
diag_ranges(const struct doc *d, enum pos_enc enc)
{
	size_t n = vn_result_count(d->res), i, off;
	struct pos *r = malloc((n ? n : 1) * 2 * sizeof(*r));
	struct cursor cs = {0}, ce = {0};
	const vn_diag *g;

	if (r == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		g = vn_result_at(d->res, i);
		off = vn_diag_byte_offset(g);
		r[2 * i] = to_pos(d, enc, &cs, off);
		r[2 * i + 1] = to_pos(d, enc, &ce, off + vn_diag_byte_length(g));
	}
	return r;
}

static cJSON *
range_json(struct pos a, struct pos b)
{
	cJSON *r = cJSON_CreateObject(), *s, *e;

	s = cJSON_AddObjectToObject(r, "start");
	e = cJSON_AddObjectToObject(r, "end");
	if (s == NULL || e == NULL ||
	    !cJSON_AddNumberToObject(s, "line", (double)a.line) ||
	    !cJSON_AddNumberToObject(s, "character", (double)a.ch) ||
	    !cJSON_AddNumberToObject(e, "line", (double)b.line) ||
	    !cJSON_AddNumberToObject(e, "character", (double)b.ch)) {
		cJSON_Delete(r);
		return NULL;
	}
	return r;
}

/* ------------------------------------------------------------ messages */

static int
header_name_is(const char *line, const char *name)
{
	size_t i;

	for (i = 0; name[i]; i++)
		if (tolower((unsigned char)line[i]) != name[i])
			return 0;
	return line[i] == ':';
}

/* Read one message: 1 with *body (NUL-terminated, to free) and *len, or 0
 * after saying on stderr why the stream cannot go on. Lines may end in
 * \r\n (the spec) or \n. */
static int
read_message(struct server *s, char **body, size_t *len)
{
	char line[HEADER_LINE_MAX + 1];
	size_t n, nlines = 0, clen = 0;
	int c, have_len = 0, any = 0;
	const char *v;

	for (;;) {
		n = 0;
		while ((c = getc(s->in)) != EOF && c != '\n') {
			if (n == HEADER_LINE_MAX) {
				fputs("vnlint: lsp: header line too long\n",
				      stderr);
				return 0;
			}
			line[n++] = (char)c;
			any = 1;
		}
		if (c == EOF) {
			fputs(any ? "vnlint: lsp: end of input inside a header\n"
				  : "vnlint: lsp: end of input without 'exit'\n",
			      stderr);
			return 0;
		}
		any = 1;
		if (n && line[n - 1] == '\r')
			n--;
		line[n] = '\0';
		if (n == 0)
			break;
		if (++nlines > HEADER_LINES_MAX || strchr(line, ':') == NULL) {
			fprintf(stderr, "vnlint: lsp: bad header '%s'\n", line);
			return 0;
		}
		if (!header_name_is(line, "content-length"))
			continue; /* Content-Type: only utf-8 is defined */
		v = strchr(line, ':') + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		if (!isdigit((unsigned char)*v)) {
			fprintf(stderr, "vnlint: lsp: bad header '%s'\n", line);
			return 0;
		}
		for (clen = 0; isdigit((unsigned char)*v); v++) {
			clen = clen * 10 + (size_t)(*v - '0');
			if (clen > BODY_MAX) {
				fprintf(stderr, "vnlint: lsp: message larger "
					"than %zu bytes\n", BODY_MAX);
				return 0;
			}
		}
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v) {
			fprintf(stderr, "vnlint: lsp: bad header '%s'\n", line);
			return 0;
		}
		have_len = 1;
	}
	if (!have_len) {
		fputs("vnlint: lsp: message without Content-Length\n", stderr);
		return 0;
	}
	*body = malloc(clen + 1);
	if (*body == NULL) {
		fputs("vnlint: lsp: out of memory\n", stderr);
		return 0;
	}
	if (fread(*body, 1, clen, s->in) != clen) {
		fputs("vnlint: lsp: end of input inside a message\n", stderr);
		free(*body);
		return 0;
	}
	(*body)[clen] = '\0';
	*len = clen;
	return 1;
}

/* Send msg and free it. */
static void
send_msg(struct server *s, cJSON *msg)
{
	char *text = msg ? cJSON_PrintUnformatted(msg) : NULL;

	cJSON_Delete(msg);
	if (text == NULL) {
		fputs("vnlint: lsp: out of memory writing a message\n", stderr);
		return;
	}
	if (fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(text),
		    text) < 0 ||
	    fflush(s->out) != 0)
		s->write_failed = 1;
	cJSON_free(text);
}

static cJSON *
new_msg(void)
{
	cJSON *m = cJSON_CreateObject();

	if (m && !cJSON_AddStringToObject(m, "jsonrpc", "2.0")) {
		cJSON_Delete(m);
		return NULL;
	}
	return m;
}

/* Reply to request id (NULL: null) with result (NULL: null), which is
 * consumed. */
static void
reply(struct server *s, const cJSON *id, cJSON *result)
{
	cJSON *m = new_msg();
	cJSON *i = id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull();

	if (result == NULL)
		result = cJSON_CreateNull();
	if (m == NULL || i == NULL || result == NULL) {
		cJSON_Delete(m);
		cJSON_Delete(i);
		cJSON_Delete(result);
		fputs("vnlint: lsp: out of memory writing a message\n", stderr);
		return;
	}
	put(m, "id", i);
	put(m, "result", result);
	send_msg(s, m);
}

static void
reply_error(struct server *s, const cJSON *id, int code, const char *message)
{
	cJSON *m = new_msg(), *e;

	if (m == NULL)
		return;
	put(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	e = cJSON_AddObjectToObject(m, "error");
	if (e) {
		cJSON_AddNumberToObject(e, "code", code);
		cJSON_AddStringToObject(e, "message", message);
	}
	send_msg(s, m);
}

static const char *
get_string(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* ----------------------------------------------------------- documents */

static struct doc *
find_doc(struct server *s, const char *uri)
{
	size_t i;

	for (i = 0; uri && i < s->ndocs; i++)
		if (strcmp(s->docs[i].uri, uri) == 0)
			return &s->docs[i];
	return NULL;
}

static void
doc_free(struct doc *d)
{
	vn_result_free(d->res);
	free(d->line_start);
	free(d->text);
	free(d->uri);
}

static void
drop_doc(struct server *s, struct doc *d)
{
	doc_free(d);
	*d = s->docs[--s->ndocs];
}

static struct doc *
add_doc(struct server *s, const char *uri)
{
	struct doc *d;

	if (s->ndocs == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;

		d = realloc(s->docs, cap * sizeof(*d));
		if (d == NULL)
			return NULL;
		s->docs = d;
		s->cap = cap;
	}
	d = &s->docs[s->ndocs];
	memset(d, 0, sizeof(*d));
	d->uri = malloc(strlen(uri) + 1);
	if (d->uri == NULL)
		return NULL;
	strcpy(d->uri, uri);
	s->ndocs++;
	return d;
}

/* Replace the text of d and lint it. The previous result goes: code
 * actions must match what the client was last told. Out of memory, d is
 * left as it was. */
static int
set_text(struct server *s, struct doc *d, const char *text)
{
	size_t n = strlen(text), nlines = 0;
	char *t = malloc(n + 1);
	size_t *ls = t ? index_lines(text, n, &nlines) : NULL;
	vn_lint_options lo;
	vn_status st;

	if (ls == NULL) {
		free(t);
		return -1;
	}
	memcpy(t, text, n + 1);
	free(d->text);
	free(d->line_start);
	d->text = t;
	d->len = n;
	d->line_start = ls;
	d->nlines = nlines;
	vn_result_free(d->res);
	d->res = NULL;
	memset(&lo, 0, sizeof(lo));
	lo.markup = d->markup;
	st = vn_lint_ex(s->ctx, d->text, d->len, &lo, &d->res);
	if (st != VN_OK) {
		fprintf(stderr, "vnlint: lsp: %s: %s\n", d->uri, vn_strerror(st));
		d->res = NULL;
	}
	return 0;
}

static cJSON *
diag_json(const vn_diag *g, struct pos a, struct pos b)
{
	static const int severity[] = {3, 2, 1}; /* info, warning, error */
	cJSON *o = cJSON_CreateObject(), *data, *sugg;
	const char *m = vn_diag_message(g), *x;
	size_t i;
	vn_severity sev = vn_diag_severity(g);

	if (o == NULL)
		return NULL;
	put(o, "range", range_json(a, b));
	cJSON_AddNumberToObject(o, "severity",
				sev <= VN_SEV_ERROR ? severity[sev] : 1);
	cJSON_AddStringToObject(o, "code", vn_diag_rule(g));
	cJSON_AddStringToObject(o, "source", "vnlint");
	add_clean_string(o, "message", m, strlen(m));
	data = cJSON_AddObjectToObject(o, "data");
	sugg = data ? cJSON_AddArrayToObject(data, "suggestions") : NULL;
	for (i = 0; sugg && (x = vn_diag_suggestion(g, i)) != NULL; i++) {
		char *c = utf8_clean(x, strlen(x));

		push(sugg, c ? cJSON_CreateString(c) : NULL);
		free(c);
	}
	return o;
}

/* textDocument/publishDiagnostics for d, or an empty list for a closed
 * document (d NULL, uri given). */
static void
publish(struct server *s, const struct doc *d, const char *uri)
{
	cJSON *m = new_msg(), *p, *list;
	struct pos *r = NULL;
	size_t i, n = d && d->res ? vn_result_count(d->res) : 0;

	if (m == NULL)
		return;
	cJSON_AddStringToObject(m, "method", "textDocument/publishDiagnostics");
	p = cJSON_AddObjectToObject(m, "params");
	if (p == NULL) {
		cJSON_Delete(m);
		return;
	}
	cJSON_AddStringToObject(p, "uri", d ? d->uri : uri);
	if (d && d->has_version)
		cJSON_AddNumberToObject(p, "version", d->version);
	list = cJSON_AddArrayToObject(p, "diagnostics");
	if (n && (r = diag_ranges(d, s->enc)) == NULL)
		n = 0;
	for (i = 0; list && i < n; i++)
		push(list, diag_json(vn_result_at(d->res, i), r[2 * i],
				     r[2 * i + 1]));
	free(r);
	send_msg(s, m);
}

static const cJSON *
text_document(const cJSON *params)
{
	return cJSON_GetObjectItemCaseSensitive(params, "textDocument");
}

static void
set_version(struct doc *d, const cJSON *td)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(td, "version");

	if (cJSON_IsNumber(v)) {
		d->version = v->valuedouble;
		d->has_version = 1;
	}
}

static void
did_open(struct server *s, const cJSON *params)
{
	const cJSON *td = text_document(params);
	const char *uri = get_string(td, "uri"), *text = get_string(td, "text");
	const char *lang = get_string(td, "languageId");
	struct doc *d;

	if (uri == NULL || text == NULL)
		return;
	d = find_doc(s, uri);
	if (d == NULL && (d = add_doc(s, uri)) == NULL)
		goto oom;
	d->has_version = 0;
	set_version(d, td);
	/* Markdown by language id (an unsaved buffer has no .md name) or by
	 * file name. */
	d->markup = lang && strcmp(lang, "markdown") == 0 ? VN_MARKUP_MARKDOWN
						       : vn_markup_for_path(uri);
	if (set_text(s, d, text) != 0)
		goto oom;
	publish(s, d, uri);
	return;
oom:
	fputs("vnlint: lsp: out of memory\n", stderr);
	if ((d = find_doc(s, uri)) != NULL)
		drop_doc(s, d);
}

static void
did_change(struct server *s, const cJSON *params)
{
	const cJSON *td = text_document(params);
	const cJSON *changes =
		cJSON_GetObjectItemCaseSensitive(params, "contentChanges");
	const cJSON *last = !cJSON_IsArray(changes) ? NULL
		: cJSON_GetArrayItem(changes, cJSON_GetArraySize(changes) - 1);
	const char *text = get_string(last, "text");
	struct doc *d = find_doc(s, get_string(td, "uri"));

	/* Full sync: the last change holds the whole text. */
	if (d == NULL || text == NULL)
		return;
	set_version(d, td);
	if (set_text(s, d, text) != 0) {
		fputs("vnlint: lsp: out of memory\n", stderr);
		return;
	}
	publish(s, d, NULL);
}

static void
did_save(struct server *s, const cJSON *params)
{
	struct doc *d = find_doc(s, get_string(text_document(params), "uri"));
	const char *text = get_string(params, "text");

	if (d == NULL)
		return;
	/* includeText is false, but a client may send the text anyway. */
	if (set_text(s, d, text ? text : d->text) != 0) {
		fputs("vnlint: lsp: out of memory\n", stderr);
		return;
	}
	publish(s, d, NULL);
}

static void
did_close(struct server *s, const cJSON *params)
{
	const char *uri = get_string(text_document(params), "uri");
	struct doc *d = find_doc(s, uri);

	if (d == NULL)
		return;
	publish(s, NULL, uri);
	drop_doc(s, d);
}

/* ---------------------------------------------------------- requests */

static cJSON *
initialize(struct server *s, const cJSON *params)
{
	const cJSON *caps =
		cJSON_GetObjectItemCaseSensitive(params, "capabilities");
	const cJSON *general = cJSON_GetObjectItemCaseSensitive(caps, "general");
	const cJSON *encs =
		cJSON_GetObjectItemCaseSensitive(general, "positionEncodings");
	const cJSON *e;
	cJSON *r = cJSON_CreateObject(), *c, *sync, *save, *ca, *kinds, *info;

	/* UTF-8 saves converting; UTF-16 is what every client supports. */
	s->enc = ENC_UTF16;
	if (cJSON_IsArray(encs))
		cJSON_ArrayForEach(e, encs)
			if (cJSON_IsString(e) &&
			    strcmp(e->valuestring, "utf-8") == 0)
				s->enc = ENC_UTF8;
	c = cJSON_AddObjectToObject(r, "capabilities");
	cJSON_AddStringToObject(c, "positionEncoding",
				s->enc == ENC_UTF8 ? "utf-8" : "utf-16");
	sync = cJSON_AddObjectToObject(c, "textDocumentSync");
	cJSON_AddBoolToObject(sync, "openClose", 1);
	cJSON_AddNumberToObject(sync, "change", 1); /* Full */
	save = cJSON_AddObjectToObject(sync, "save");
	cJSON_AddBoolToObject(save, "includeText", 0);
	ca = cJSON_AddObjectToObject(c, "codeActionProvider");
	kinds = cJSON_AddArrayToObject(ca, "codeActionKinds");
	push(kinds, cJSON_CreateString("quickfix"));
	info = cJSON_AddObjectToObject(r, "serverInfo");
	cJSON_AddStringToObject(info, "name", "vnlint");
	cJSON_AddStringToObject(info, "version", vn_version());
	s->initialized = 1;
	return r;
}

static int
num_is(const cJSON *obj, const char *name, size_t want)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsNumber(v) && v->valuedouble == (double)want;
}

static int
range_is(const cJSON *range, struct pos a, struct pos b)
{
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(range, "start");
	const cJSON *en = cJSON_GetObjectItemCaseSensitive(range, "end");

	return num_is(st, "line", a.line) && num_is(st, "character", a.ch) &&
	       num_is(en, "line", b.line) && num_is(en, "character", b.ch);
}

/* One quick fix: replace the span of diagnostic g, at a..b in the client's
 * units, with x. cd is the client's copy of the diagnostic. */
static cJSON *
quick_fix(const struct doc *d, const vn_diag *g, const cJSON *cd,
	  struct pos a, struct pos b, const char *x, int preferred)
{
	cJSON *act = cJSON_CreateObject(), *ds, *edit, *changes, *edits, *te;
	size_t n = strlen(x), off = vn_diag_byte_offset(g), sl;
	char *title;

	if (act == NULL)
		return NULL;
	/* “X” in the title; an empty suggestion deletes the span. */
	if (n) {
		title = malloc(n + 32);
		if (title)
			sprintf(title, "Replace with \xE2\x80\x9C%s\xE2\x80\x9D", x);
	} else {
		if (off > d->len)
			off = d->len;
		sl = vn_diag_byte_length(g);
		if (sl > d->len - off)
			sl = d->len - off;
		title = malloc(sl + 32);
		if (title) {
			strcpy(title, "Remove \xE2\x80\x9C");
			memcpy(title + 10, d->text + off, sl);
			strcpy(title + 10 + sl, "\xE2\x80\x9D");
		}
	}
	if (title)
		add_clean_string(act, "title", title, strlen(title));
	free(title);
	cJSON_AddStringToObject(act, "kind", "quickfix");
	ds = cJSON_AddArrayToObject(act, "diagnostics");
	push(ds, cJSON_Duplicate(cd, 1));
	if (preferred)
		cJSON_AddBoolToObject(act, "isPreferred", 1);
	edit = cJSON_AddObjectToObject(act, "edit");
	changes = cJSON_AddObjectToObject(edit, "changes");
	edits = cJSON_AddArrayToObject(changes, d->uri);
	te = cJSON_CreateObject();
	put(te, "range", range_json(a, b));
	add_clean_string(te, "newText", x, n);
	push(edits, te);
	return act;
}

static cJSON *
code_action(struct server *s, const cJSON *params)
{
	const struct doc *d =
		find_doc(s, get_string(text_document(params), "uri"));
	const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(params, "context");
	const cJSON *cds = cJSON_GetObjectItemCaseSensitive(ctx, "diagnostics");
	const cJSON *cd, *cr;
	cJSON *out = cJSON_CreateArray();
	struct pos *r, *rb = NULL;
	size_t i, j, n;
	const vn_diag *g;
	const char *code, *x;

	if (out == NULL || d == NULL || d->res == NULL || !cJSON_IsArray(cds))
		return out;
	n = vn_result_count(d->res);
	r = n ? diag_ranges(d, s->enc) : NULL;
	/* Neovim 0.7 (Debian 12) sends back byte columns whatever the
	 * encoding: accept those too, and always edit our own range. */
	if (r && s->enc != ENC_UTF8)
		rb = diag_ranges(d, ENC_UTF8);
	if (r == NULL) {
		free(rb);
		return out;
	}
	/* Only diagnostics we published for this text get fixes: a stale
	 * range would edit the wrong characters. */
	cJSON_ArrayForEach(cd, cds) {
		code = get_string(cd, "code");
		cr = cJSON_GetObjectItemCaseSensitive(cd, "range");
		if (code == NULL)
			continue;
		for (i = 0; i < n; i++) {
			g = vn_result_at(d->res, i);
			if (strcmp(code, vn_diag_rule(g)) != 0 ||
			    !(range_is(cr, r[2 * i], r[2 * i + 1]) ||
			      (rb && range_is(cr, rb[2 * i], rb[2 * i + 1]))))
				continue;
			for (j = 0; (x = vn_diag_suggestion(g, j)) != NULL; j++)
				push(out, quick_fix(d, g, cd, r[2 * i],
						    r[2 * i + 1], x, j == 0));
			break;
		}
	}
	free(rb);
	free(r);
	return out;
}

/* ---------------------------------------------------------- dispatch */

static int
valid_id(const cJSON *id)
{
	return cJSON_IsNumber(id) || cJSON_IsString(id) || cJSON_IsNull(id);
}

/* Handle one message; SERVING to go on, else the exit status. */
static int
handle(struct server *s, const char *body, size_t len)
{
	cJSON *msg = cJSON_ParseWithLengthOpts(body, len + 1, NULL, 1);
	const cJSON *id, *params;
	const char *method;
	int rc = SERVING;

	if (msg == NULL) {
		reply_error(s, NULL, ERR_PARSE, "Parse error");
		return SERVING;
	}
	id = cJSON_GetObjectItemCaseSensitive(msg, "id");
	method = get_string(msg, "method");
	params = cJSON_GetObjectItemCaseSensitive(msg, "params");
	if (!cJSON_IsObject(msg) || (id && !valid_id(id))) {
		reply_error(s, NULL, ERR_INVALID_REQUEST, "Invalid Request");
	} else if (method == NULL) {
		/* A response (we send no requests) is ignored; anything else
		 * is not JSON-RPC. */
		if (!cJSON_GetObjectItemCaseSensitive(msg, "result") &&
		    !cJSON_GetObjectItemCaseSensitive(msg, "error"))
			reply_error(s, id, ERR_INVALID_REQUEST, "Invalid Request");
	} else if (strcmp(method, "exit") == 0) {
		rc = s->shut_down ? EXIT_OK : EXIT_NO_SHUTDOWN;
	} else if (id) {
		if (!s->initialized && strcmp(method, "initialize") != 0)
			reply_error(s, id, ERR_NOT_INITIALIZED,
				    "Server not initialized");
		else if (s->shut_down)
			reply_error(s, id, ERR_INVALID_REQUEST,
				    "Server is shut down");
		else if (strcmp(method, "initialize") == 0 && s->initialized)
			reply_error(s, id, ERR_INVALID_REQUEST,
				    "Server already initialized");
		else if (strcmp(method, "initialize") == 0)
			reply(s, id, initialize(s, params));
		else if (strcmp(method, "shutdown") == 0) {
			s->shut_down = 1;
			reply(s, id, NULL);
		} else if (strcmp(method, "textDocument/codeAction") == 0) {
			if (cJSON_IsObject(params))
				reply(s, id, code_action(s, params));
			else
				reply_error(s, id, ERR_INVALID_PARAMS,
					    "Invalid params");
		} else {
			reply_error(s, id, ERR_METHOD_NOT_FOUND,
				    "Method not found");
		}
	} else if (s->initialized && !s->shut_down && cJSON_IsObject(params)) {
		/* Notifications; unknown ones ($/cancelRequest) are ignored. */
		if (strcmp(method, "textDocument/didOpen") == 0)
			did_open(s, params);
		else if (strcmp(method, "textDocument/didChange") == 0)
			did_change(s, params);
		else if (strcmp(method, "textDocument/didSave") == 0)
			did_save(s, params);
		else if (strcmp(method, "textDocument/didClose") == 0)
			did_close(s, params);
	}
	cJSON_Delete(msg);
	return rc;
}

int
vn_lsp_serve(vn_ctx *ctx, FILE *in, FILE *out)
{
	struct server s;
	char *body;
	size_t len, i;
	int rc = SERVING;

	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	s.in = in;
	s.out = out;
	s.enc = ENC_UTF16;
	while (rc == SERVING) {
		if (!read_message(&s, &body, &len)) {
			rc = EXIT_BROKEN;
			break;
		}
		rc = handle(&s, body, len);
		free(body);
		if (s.write_failed) {
			fputs("vnlint: lsp: cannot write to the client\n",
			      stderr);
			rc = EXIT_BROKEN;
		}
	}
	for (i = 0; i < s.ndocs; i++)
		doc_free(&s.docs[i]);
	free(s.docs);
	return rc;
}
