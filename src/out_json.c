/* SPDX-License-Identifier: MIT */
/* The JSON report; the one JSON string escaper of the command lives here. */
#include <string.h>

#include "output.h"

void
out_json_chars(FILE *o, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	long cp;
	int k;

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
		} else if ((k = vn_utf8_decode(s + i, n - i, &cp)) > 0) {
			fwrite(u + i, 1, (size_t)k, o);
			i += (size_t)k;
		} else {
			fputs("\\ufffd", o);
			i += (size_t)-k;
		}
	}
}

void
out_json_string(FILE *o, const char *s, size_t n)
{
	fputc('"', o);
	out_json_chars(o, s, n);
	fputc('"', o);
}

void
out_json_diag_fields(FILE *o, const char *src, const vn_diag *d)
{
	const char *m;
	size_t j;

	fputs("\"rule\":", o);
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
	out_json_string(o, src + vn_diag_byte_offset(d), vn_diag_byte_length(d));
	fputs(",\"suggestions\":[", o);
	for (j = 0; j < vn_diag_suggestion_count(d); j++) {
		if (j)
			fputc(',', o);
		m = vn_diag_suggestion(d, j);
		out_json_string(o, m, strlen(m));
	}
	fputc(']', o);
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
	size_t i, n = r ? vn_result_count(r) : 0;

	(void)len;
	if (!first)
		fputc(',', o);
	fputs("{\"path\":", o);
	out_json_string(o, path, strlen(path));
	fputs(",\"diagnostics\":[", o);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(',', o);
		fputc('{', o);
		out_json_diag_fields(o, src, vn_result_at(r, i));
		fputc('}', o);
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
