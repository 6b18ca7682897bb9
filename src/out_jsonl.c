/* SPDX-License-Identifier: MIT */
/* JSON Lines: one self-contained JSON object per diagnostic, per line. */
#include <string.h>

#include "output.h"

void
out_jsonl_file(FILE *o, const char *path, const char *src, size_t len,
	       const vn_result *r)
{
	size_t i, n = r ? vn_result_count(r) : 0;

	(void)len; /* spans always lie inside the buffer */
	for (i = 0; i < n; i++) {
		/* Each line names its file: lines can be filtered, split or
		 * concatenated without losing where they came from. */
		fputs("{\"path\":", o);
		out_json_string(o, path, strlen(path));
		fputc(',', o);
		out_json_diag_fields(o, src, vn_result_at(r, i));
		fputs("}\n", o);
	}
	/* A pipe is block-buffered: without this a consumer of a long run
	 * would see nothing until the buffer fills. */
	fflush(o);
}
