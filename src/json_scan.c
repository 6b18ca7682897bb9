/* SPDX-License-Identifier: MIT */
/*
 * json_scan.c - validate one JSON object and find top-level members
 * (see json_scan.h). Recursive descent over the raw bytes; depth is capped
 * so a line of a million '[' is an error, not a stack overflow.
 */
#include "json_scan.h"

#include <string.h>

struct scan {
	const char *s;
	size_t n, i;
	int depth;
	enum json_error err;
};

static void
skip_ws(struct scan *sc)
{
	while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
				 sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
		sc->i++;
}

static int
fail(struct scan *sc)
{
	if (sc->err == JSON_OK)
		sc->err = JSON_INVALID;
	return 0;
}

static int
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* A string at sc->i (which holds '"'). */
static int
string(struct scan *sc)
{
	unsigned char c;

	sc->i++;
	while (sc->i < sc->n) {
		c = (unsigned char)sc->s[sc->i];
		if (c == '"') {
			sc->i++;
			return 1;
		}
		if (c < 0x20)
			return fail(sc); /* control characters must be escaped */
		if (c == '\\') {
			if (sc->i + 1 >= sc->n)
				return fail(sc);
			c = (unsigned char)sc->s[sc->i + 1];
			if (c == 'u') {
				if (sc->i + 6 > sc->n || !is_hex(sc->s[sc->i + 2]) ||
				    !is_hex(sc->s[sc->i + 3]) ||
				    !is_hex(sc->s[sc->i + 4]) ||
				    !is_hex(sc->s[sc->i + 5])) {
					sc->i++;
					return fail(sc);
				}
				sc->i += 6;
				continue;
			}
			if (!strchr("\"\\/bfnrt", c) || c == 0) {
				sc->i++;
				return fail(sc);
			}
			sc->i += 2;
			continue;
		}
		sc->i++;
	}
	return fail(sc);
}

static int
digits(struct scan *sc)
{
	size_t from = sc->i;

	while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
		sc->i++;
	return sc->i > from;
}

static int
number(struct scan *sc)
{
	if (sc->s[sc->i] == '-')
		sc->i++;
	if (sc->i < sc->n && sc->s[sc->i] == '0')
		sc->i++; /* no leading zeros */
	else if (!digits(sc))
		return fail(sc);
	if (sc->i < sc->n && sc->s[sc->i] == '.') {
		sc->i++;
		if (!digits(sc))
			return fail(sc);
	}
	if (sc->i < sc->n && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
		sc->i++;
		if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
			sc->i++;
		if (!digits(sc))
			return fail(sc);
	}
	return 1;
}

static int
literal(struct scan *sc, const char *word)
{
	size_t len = strlen(word);

	if (sc->n - sc->i < len || memcmp(sc->s + sc->i, word, len) != 0)
		return fail(sc);
	sc->i += len;
	return 1;
}

static int value(struct scan *sc);

/* Members of an object or elements of an array, after the opening bracket;
 * for the top-level object, the wanted members are recorded. */
static int
members(struct scan *sc, int object, const char *const *keys, size_t nkeys,
	struct json_member *want)
{
	char close = object ? '}' : ']';
	size_t start, key, key_len, k, val;

	if (++sc->depth > JSON_MAX_DEPTH) {
		sc->err = JSON_TOO_DEEP;
		return 0;
	}
	sc->i++;
	skip_ws(sc);
	if (sc->i < sc->n && sc->s[sc->i] == close) {
		sc->i++;
		sc->depth--;
		return 1;
	}
	for (;;) {
		skip_ws(sc);
		start = sc->i;
		key = key_len = 0;
		if (object) {
			if (sc->i >= sc->n || sc->s[sc->i] != '"' || !string(sc))
				return fail(sc);
			key = start + 1;
			key_len = sc->i - start - 2;
			skip_ws(sc);
			if (sc->i >= sc->n || sc->s[sc->i] != ':')
				return fail(sc);
			sc->i++;
			skip_ws(sc);
		}
		val = sc->i;
		if (!value(sc))
			return 0;
		/* Keys are compared as written: a key spelt with escapes
		 * ("\u0074ext") is not found, which no real corpus does. */
		for (k = 0; object && k < nkeys; k++)
			if (strlen(keys[k]) == key_len &&
			    memcmp(keys[k], sc->s + key, key_len) == 0) {
				want[k].found = 1;
				want[k].start = start;
				want[k].end = sc->i;
				want[k].val = val;
				want[k].val_len = sc->i - val;
				want[k].is_string = sc->s[val] == '"';
			}
		skip_ws(sc);
		if (sc->i >= sc->n)
			return fail(sc);
		if (sc->s[sc->i] == close) {
			sc->i++;
			sc->depth--;
			return 1;
		}
		if (sc->s[sc->i] != ',')
			return fail(sc);
		sc->i++;
	}
}

static int
value(struct scan *sc)
{
	if (sc->i >= sc->n)
		return fail(sc);
	switch (sc->s[sc->i]) {
	case '{':
		return members(sc, 1, NULL, 0, NULL);
	case '[':
		return members(sc, 0, NULL, 0, NULL);
	case '"':
		return string(sc);
	case 't':
		return literal(sc, "true");
	case 'f':
		return literal(sc, "false");
	case 'n':
		return literal(sc, "null");
	default:
		if (sc->s[sc->i] == '-' ||
		    (sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9'))
			return number(sc);
		return fail(sc);
	}
}

enum json_error
json_scan_object(const char *s, size_t n, const char *const *keys,
		 size_t nkeys, struct json_member *want, size_t *close,
		 size_t *where)
{
	struct scan sc = {s, n, 0, 0, JSON_OK};

	memset(want, 0, nkeys * sizeof(*want));
	skip_ws(&sc);
	if (sc.i >= n || s[sc.i] != '{') {
		*where = sc.i;
		return JSON_INVALID;
	}
	if (!members(&sc, 1, keys, nkeys, want)) {
		*where = sc.i;
		return sc.err == JSON_OK ? JSON_INVALID : sc.err;
	}
	*close = sc.i - 1;
	skip_ws(&sc);
	if (sc.i != n) {
		*where = sc.i;
		return JSON_INVALID;
	}
	return JSON_OK;
}

static unsigned
hex4(const char *p)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = p[i];

		v = v * 16 + (unsigned)(c <= '9' ? c - '0'
				       : c <= 'F' ? c - 'A' + 10 : c - 'a' + 10);
	}
	return v;
}

static size_t
put_utf8(char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Every escape is at least as long as what it decodes to: \uXXXX (6
 * bytes) gives at most 3, a surrogate pair (12) gives 4. */
size_t
json_string_decode(const char *raw, size_t raw_len, char *out)
{
	size_t i = 1, o = 0, end = raw_len - 1;
	unsigned cp, lo;

	while (i < end) {
		const char *run = memchr(raw + i, '\\', end - i);
		size_t plain = run ? (size_t)(run - raw) - i : end - i;

		memcpy(out + o, raw + i, plain);
		o += plain;
		i += plain;
		if (i >= end)
			break;
		switch (raw[i + 1]) {
		case 'b': out[o++] = '\b'; i += 2; continue;
		case 'f': out[o++] = '\f'; i += 2; continue;
		case 'n': out[o++] = '\n'; i += 2; continue;
		case 'r': out[o++] = '\r'; i += 2; continue;
		case 't': out[o++] = '\t'; i += 2; continue;
		case 'u': break;
		default: out[o++] = raw[i + 1]; i += 2; continue;
		}
		cp = hex4(raw + i + 2);
		i += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= end &&
		    raw[i] == '\\' && raw[i + 1] == 'u' &&
		    (lo = hex4(raw + i + 2)) >= 0xDC00 && lo <= 0xDFFF) {
			o += put_utf8(out + o,
				      0x10000 + ((unsigned long)(cp - 0xD800) << 10) +
					      (lo - 0xDC00));
			i += 6;
		} else if (cp >= 0xD800 && cp <= 0xDFFF) {
			o += put_utf8(out + o, 0xFFFD);
		} else {
			o += put_utf8(out + o, cp);
		}
	}
	return o;
}
