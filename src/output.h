/* SPDX-License-Identifier: MIT */
/* output.h - report writers of the vnlint command (not part of the library). */
#ifndef VNLINT_OUTPUT_H
#define VNLINT_OUTPUT_H

#include <stdio.h>

#include "vnlint.h"

struct report_totals {
	size_t files, errors, warnings, infos;
};

/* Text: "path:line:col: severity: message [rule]", the source line, a caret
 * underline and the suggestions. src/len is the original file content. */
void out_text_file(FILE *o, const char *path, const char *src, size_t len,
		   const vn_result *r, int color, vn_lang lang);
void out_text_summary(FILE *o, const struct report_totals *t, int color,
		      vn_lang lang);

/* JSON: one document, {"version":1,"tool":...,"files":[...],"summary":...}. */
void out_json_begin(FILE *o);
void out_json_file(FILE *o, int first, const char *path, const char *src,
		   size_t len, const vn_result *r);
void out_json_end(FILE *o, const struct report_totals *t);

/* Write s[0..n) as a JSON string (quotes included); invalid UTF-8 becomes
 * \ufffd so the output is always valid JSON. */
void out_json_string(FILE *o, const char *s, size_t n);

#endif
