/* SPDX-License-Identifier: MIT */
/* Parse one .vnlint.ini and ask it what it ignores. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../src/config.h"
#include "tmpfile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vn_config c;
	char err[512];
	const char *path = fuzz_write(".vnlint.ini", data, size);
	static const char *const files[] = {"a.txt", "docs/b.md", "vendor/x/y",
					    ".hidden", ""};
	size_t i;

	memset(&c, 0, sizeof(c));
	if (config_load(&c, path, err, sizeof(err)))
		for (i = 0; i < sizeof(files) / sizeof(*files); i++)
			(void)config_ignores(&c, files[i]);
	config_free(&c);
	return 0;
}
