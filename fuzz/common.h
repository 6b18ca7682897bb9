/* SPDX-License-Identifier: MIT */
/* common.h - what the fuzz targets share: one context with the shipped
 * data, packs and model, built on the first input and kept for the run
 * (libFuzzer calls the target millions of times; loading hunspell each
 * time would leave no time for fuzzing). Run from the repository root. */
#ifndef VNLINT_FUZZ_COMMON_H
#define VNLINT_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "../src/vnlint.h"

static vn_ctx *
fuzz_ctx(void)
{
	static vn_ctx *ctx;
	static vn_model *model;
	vn_options o = {0};
	char err[512];

	if (ctx != NULL)
		return ctx;
	o.data_dir = "dict";
	if (vn_ctx_new(&ctx, &o, err, sizeof(err)) != VN_OK ||
	    vn_ctx_load_rules(ctx, "rules", err, sizeof(err)) != VN_OK ||
	    vn_model_load(&model, "dict/vi.model", err, sizeof(err)) != VN_OK) {
		fprintf(stderr, "fuzz: cannot set up (run from the "
				"repository root): %s\n", err);
		abort();
	}
	vn_ctx_set_model(ctx, model);
	return ctx;
}

#endif
