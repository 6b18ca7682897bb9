/* SPDX-License-Identifier: MIT */
/* JSON Lines: one self-contained JSON object per diagnostic, per line. */
#include <string.h>

#include "output.h"

static void
put_str(FILE *o, const char *s)
{
	out_json_string(o, s, strlen(s));
}

void
out_jsonl_file(FILE *o, const char *path, const char *src, size_t len,
	       const vn_result *r)
{
	size_t i, j, n = r ? vn_result_count(r) : 0;
	const vn_diag *d;

	(void)len; /* spans always lie inside the buffer */
	for (i = 0; i < n; i++) {
		d = vn_result_at(r, i);
		/* Each line names its file: lines can be filtered, split or
		 * concatenated without losing where they came from. */
		fputs("{\"path\":", o);
		put_str(o, path);
		fputs(",\"rule\":", o);
		put_str(o, vn_diag_rule(d));
		fprintf(o, ",\"severity\":\"%s\",\"message\":",
			vn_severity_name(vn_diag_severity(d)));
		put_str(o, vn_diag_message(d));
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
			put_str(o, vn_diag_suggestion(d, j));
		}
		fputs("]}\n", o);
	}
	/* A pipe is block-buffered: without this a consumer of a long run
	 * would see nothing until the buffer fills. */
	fflush(o);
}
