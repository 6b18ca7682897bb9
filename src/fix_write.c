/* SPDX-License-Identifier: MIT */
/* --fix on a file: write the fixed text next to it and rename it over the
 * original, so a crash leaves either the old or the new file, never half;
 * refuse when the file changed since it was read. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

/* Does the file still hold exactly orig? */
static int
unchanged(const char *path, const char *orig, size_t olen)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n, pos = 0;
	int same = 1;

	if (f == NULL)
		return 0;
	while (same && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (pos + n > olen || memcmp(buf, orig + pos, n) != 0)
			same = 0;
		pos += n;
	}
	same = same && !ferror(f) && pos == olen;
	fclose(f);
	return same;
}

int
fix_write_file(const char *path, const char *orig, size_t olen,
	       const char *fixed, size_t n)
{
	char tmp[4096];
	const char *slash = strrchr(path, '/');
	struct stat st;
	size_t done = 0;
	ssize_t w;
	int fd;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "vnlint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	/* The temporary file sits in the same directory, so rename() is
	 * atomic. */
	if (slash)
		snprintf(tmp, sizeof(tmp), "%.*s/.%s.vnlint-XXXXXX",
			 (int)(slash - path), path, slash + 1);
	else
		snprintf(tmp, sizeof(tmp), ".%s.vnlint-XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "vnlint: %s: cannot create a temporary file: %s\n",
			path, strerror(errno));
		return -1;
	}
	while (done < n) {
		w = write(fd, fixed + done, n - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		done += (size_t)w;
	}
	if (done < n || fchmod(fd, st.st_mode & 07777) != 0 || fsync(fd) != 0) {
		fprintf(stderr, "vnlint: %s: cannot write the fixed file: %s\n",
			path, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	if (!unchanged(path, orig, olen)) {
		fprintf(stderr, "vnlint: %s: changed since it was read, not fixed\n",
			path);
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		fprintf(stderr, "vnlint: %s: cannot replace: %s\n", path,
			strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
