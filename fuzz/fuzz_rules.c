/* SPDX-License-Identifier: MIT */
/* Load one rule pack into a fresh context, run its self-tests and lint a
 * line with it. A fresh context per input, so one pack's ids never clash
 * with the last one's; the context is built without the shipped packs. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../src/vnlint.h"
#include "tmpfile.h"

static void
ignore_failure(void *u, const char *file, size_t line, const char *msg)
{
	(void)u;
	(void)file;
	(void)line;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char line[] = "Hôm nay tôi đi học, mạnh dạng và tham đắm "
				   "ViệtNam 1,322 triệu USD.\n";
	const char *path = fuzz_write("pack.rules", data, size);
	vn_options o = {0};
	vn_ctx *ctx = NULL;
	vn_result *r = NULL;
	size_t passed, failed;
	char err[512];

	o.data_dir = "dict";
	if (vn_ctx_new(&ctx, &o, err, sizeof(err)) != VN_OK)
		abort();
	if (vn_ctx_load_rules(ctx, fuzz_dir(path), err, sizeof(err)) ==
	    VN_OK) {
		(void)vn_ctx_test_rules(ctx, NULL, ignore_failure, NULL,
					&passed, &failed);
		if (vn_lint(ctx, line, sizeof(line) - 1, &r) == VN_OK)
			vn_result_free(r);
	}
	vn_ctx_free(ctx);
	return 0;
}
