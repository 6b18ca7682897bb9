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

/* The members of one diagnostic object, without the braces: shared by the
 * json and jsonl formats. */
void out_json_diag_fields(FILE *o, const char *src, const vn_diag *d);

/* Write s[0..n) as a JSON string (quotes included); invalid UTF-8 becomes
 * \ufffd so the output is always valid JSON. */
void out_json_string(FILE *o, const char *s, size_t n);
/* The same without the quotes: a part of a string. */
void out_json_chars(FILE *o, const char *s, size_t n);

/* GNU: "path:line:col: severity: message [rule]" and nothing else, one line
 * per diagnostic, never coloured: what compilers print, so editors (Vim
 * quickfix, Emacs compile-mode) and CI problem matchers read it as is. */
void out_gnu_file(FILE *o, const char *path, const vn_result *r);

/* JSON Lines: one object per diagnostic (the JSON report's fields plus
 * "path"), flushed after each file so a reader sees results as they come. */
void out_jsonl_file(FILE *o, const char *path, const char *src, size_t len,
		    const vn_result *r);

/* SARIF 2.1.0: one log with one run for the whole invocation. The rules
 * table comes from the context; the results of every file share one array,
 * so the writer carries its state from out_sarif_begin to out_sarif_end. */
struct sarif_log {
	FILE *o;
	const vn_ctx *ctx;
	vn_lang lang;
	size_t results; /* written so far: the next one needs a comma */
};

void out_sarif_begin(struct sarif_log *s, FILE *o, const vn_ctx *ctx,
		     vn_lang lang);
void out_sarif_file(struct sarif_log *s, const char *path, const char *src,
		    size_t len, const vn_result *r);
/* successful: whether the run had no trouble (unreadable paths, ...). */
void out_sarif_end(struct sarif_log *s, int successful);

/* --diff: the safe fixes of one file as a unified diff. Returns 1 if it
 * printed a change, 0 if none, -1 on failure. */
int out_diff_file(FILE *o, const char *path, const char *src, size_t len,
		  const vn_result *r);

/* --fix: replace path with fixed[0..n) atomically, keeping its mode,
 * unless its content is no longer orig[0..olen). 0 on success; otherwise
 * an error message is printed and -1 returned. */
int fix_write_file(const char *path, const char *orig, size_t olen,
		   const char *fixed, size_t n);

#endif
