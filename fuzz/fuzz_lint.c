/* SPDX-License-Identifier: MIT */
/* Lint one buffer as text and as Markdown, write the result in every
 * output format, and apply its safe fixes. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../src/output.h"
#include "common.h"

static void
write_all(FILE *o, vn_ctx *ctx, const char *s, size_t n, const vn_result *r)
{
	struct report_totals t = {1, 0, 0, 0};
	struct sarif_log sl;

	out_text_file(o, "f.txt", s, n, r, 1, VN_LANG_EN);
	out_text_file(o, "f.txt", s, n, r, 0, VN_LANG_VI);
	out_text_summary(o, &t, 0, VN_LANG_EN);
	out_json_begin(o);
	out_json_file(o, 1, "f.txt", s, n, r);
	out_json_end(o, &t);
	out_jsonl_file(o, "f.txt", s, n, r);
	out_gnu_file(o, "f.txt", r);
	out_sarif_begin(&sl, o, ctx, VN_LANG_EN);
	out_sarif_file(&sl, "f.txt", s, n, r);
	out_sarif_end(&sl, 1);
	out_diff_file(o, "f.txt", s, n, r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	vn_ctx *ctx = fuzz_ctx();
	const char *s = (const char *)data;
	vn_lint_options lo = {0};
	vn_result *r = NULL;
	char *fixed = NULL;
	size_t fixedlen, applied;
	FILE *o = fopen("/dev/null", "w");

	if (o == NULL)
		abort();
	for (lo.markup = VN_MARKUP_TEXT; lo.markup <= VN_MARKUP_MARKDOWN;
	     lo.markup++) {
		if (vn_lint_ex(ctx, s, size, &lo, &r) != VN_OK)
			continue; /* binary input is refused, not a crash */
		write_all(o, ctx, s, size, r);
		if (vn_apply_fixes(s, size, r, &fixed, &fixedlen, &applied) ==
		    VN_OK)
			free(fixed);
		vn_result_free(r);
	}
	fclose(o);
	return 0;
}
