/* SPDX-License-Identifier: MIT */
/* The JSON report; the one JSON string escaper of the command lives here. */
#include <string.h>

#include "output.h"

/* Length of the valid UTF-8 sequence at s, or minus the length of the
 * maximal invalid prefix (one U+FFFD replaces it, as Unicode recommends).
 * Kept local: the command links only the public API of the library. */
static long
utf8_len(const unsigned char *s, size_t n)
{
	size_t need, i;
	unsigned char lo = 0x80, hi = 0xBF;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 1;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 2;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 3;
	else
		return -1;
	if (s[0] == 0xE0)
		lo = 0xA0;
	else if (s[0] == 0xED)
		hi = 0x9F;
	else if (s[0] == 0xF0)
		lo = 0x90;
	else if (s[0] == 0xF4)
		hi = 0x8F;
	for (i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi)
			return -(long)i;
		lo = 0x80;
		hi = 0xBF;
	}
	return (long)need + 1;
}

void
out_json_string(FILE *o, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	long k;

	fputc('"', o);
	while (i < n) {
		unsigned char c = u[i];

		if (c == '"' || c == '\\') {
			fputc('\\', o);
			fputc(c, o);
			i++;
		} else if (c == '\n') {
			fputs("\\n", o), i++;
		} else if (c == '\r') {
			fputs("\\r", o), i++;
		} else if (c == '\t') {
			fputs("\\t", o), i++;
		} else if (c < 0x20 || c == 0x7F) {
			fprintf(o, "\\u%04x", c), i++;
		} else if (c < 0x80) {
			fputc(c, o), i++;
		} else if ((k = utf8_len(u + i, n - i)) > 0) {
			fwrite(u + i, 1, (size_t)k, o);
			i += (size_t)k;
		} else {
			fputs("\\ufffd", o);
			i += (size_t)-k;
		}
	}
	fputc('"', o);
}

void
out_json_begin(FILE *o)
{
	fputs("{\"version\":1,\"tool\":{\"name\":\"vnlint\",\"version\":", o);
	out_json_string(o, vn_version(), strlen(vn_version()));
	fputs("},\"files\":[", o);
}

void
out_json_file(FILE *o, int first, const char *path, const char *src,
	      size_t len, const vn_result *r)
{
	size_t i, j, n = r ? vn_result_count(r) : 0;
	const vn_diag *d;
	const char *m;

	(void)len;
	if (!first)
		fputc(',', o);
	fputs("{\"path\":", o);
	out_json_string(o, path, strlen(path));
	fputs(",\"diagnostics\":[", o);
	for (i = 0; i < n; i++) {
		d = vn_result_at(r, i);
		if (i)
			fputc(',', o);
		fputs("{\"rule\":", o);
		out_json_string(o, vn_diag_rule(d), strlen(vn_diag_rule(d)));
		fprintf(o, ",\"severity\":\"%s\",\"message\":",
			vn_severity_name(vn_diag_severity(d)));
		m = vn_diag_message(d);
		out_json_string(o, m, strlen(m));
		fprintf(o,
			",\"line\":%zu,\"column\":%zu,\"end_line\":%zu,"
			"\"end_column\":%zu,\"byte_offset\":%zu,"
			"\"byte_length\":%zu,\"text\":",
			vn_diag_line(d), vn_diag_column(d), vn_diag_end_line(d),
			vn_diag_end_column(d), vn_diag_byte_offset(d),
			vn_diag_byte_length(d));
		out_json_string(o, src + vn_diag_byte_offset(d),
				vn_diag_byte_length(d));
		fputs(",\"suggestions\":[", o);
		for (j = 0; j < vn_diag_suggestion_count(d); j++) {
			if (j)
				fputc(',', o);
			m = vn_diag_suggestion(d, j);
			out_json_string(o, m, strlen(m));
		}
		fputs("]}", o);
	}
	fputs("]}", o);
}

void
out_json_end(FILE *o, const struct report_totals *t)
{
	fprintf(o,
		"],\"summary\":{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu,"
		"\"infos\":%zu}}\n",
		t->files, t->errors, t->warnings, t->infos);
}
