/* SPDX-License-Identifier: MIT */
/* tmpfile.h - the parsers under test read paths, so each input is written
 * to one scratch file (under a directory made once per process). */
#ifndef VNLINT_FUZZ_TMPFILE_H
#define VNLINT_FUZZ_TMPFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Write data to DIR/name and return the path; DIR is made on first use. */
static const char *
fuzz_write(const char *name, const void *data, size_t size)
{
	static char dir[64], path[128];
	FILE *f;

	if (dir[0] == '\0') {
		strcpy(dir, "/tmp/vnlint-fuzz-XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}

/* The directory of the scratch file. */
static const char *
fuzz_dir(const char *path)
{
	static char dir[128];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	return dir;
}

#endif
