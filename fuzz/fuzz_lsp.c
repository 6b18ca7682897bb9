/* SPDX-License-Identifier: MIT */
/* Feed one byte stream to the LSP server as its standard input. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../src/lsp.h"
#include "common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in, *out;

	if (size == 0)
		return 0; /* fmemopen refuses an empty buffer */
	in = fmemopen((void *)data, size, "r");
	out = fopen("/dev/null", "w");
	if (in == NULL || out == NULL)
		abort();
	(void)vn_lsp_serve(fuzz_ctx(), in, out);
	fclose(in);
	fclose(out);
	return 0;
}
