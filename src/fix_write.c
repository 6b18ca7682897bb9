/* SPDX-License-Identifier: MIT */
/* --fix on a file: write the fixed text next to it and rename it over the
 * original, so a crash leaves either the old or the new file, never half;
 * refuse when the file changed since it was read.
 *
 * Where the kernel has O_TMPFILE (Linux, most file systems) the text is
 * written to a file without a name, which is given the temporary name
 * .NAME.vnlint-XXXXXX only once it is complete and synced, just before the
 * rename: a process killed while writing leaves nothing behind, and one
 * killed between link and rename (microseconds) leaves a complete
 * temporary file. Elsewhere the temporary file is named from the start and
 * is left behind by a kill during the write. Either way the original is
 * untouched until the rename; docs/robustness.md. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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

/* Write fixed[0..n) to fd, set its mode and sync it. */
static int
write_all(int fd, const char *fixed, size_t n, mode_t mode)
{
	size_t done = 0;
	ssize_t w;

	while (done < n) {
		w = write(fd, fixed + done, n - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		done += (size_t)w;
	}
	return fchmod(fd, mode & 07777) != 0 || fsync(fd) != 0 ? -1 : 0;
}

/* The directory of path ("." if none) into dir. */
static void
dir_of(const char *path, char *dir, size_t sz)
{
	const char *slash = strrchr(path, '/');

	if (slash == path)
		snprintf(dir, sz, "/");
	else if (slash)
		snprintf(dir, sz, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, sz, ".");
}

/* Sync the directory, so the rename survives a power cut too. */
static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Write and sync the text in a file without a name in dir: its
 * descriptor, -1 if O_TMPFILE is not available here, -2 on a write error
 * (errno set). */
static int
write_unnamed(const char *dir, const char *fixed, size_t n, mode_t mode)
{
#ifdef O_TMPFILE
	int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600), e;

	if (fd < 0)
		return -1;
	if (write_all(fd, fixed, n, mode) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return -2;
	}
	return fd;
#else
	(void)dir, (void)fixed, (void)n, (void)mode;
	return -1;
#endif
}

/* Give the unnamed file fd a name made from tmp (a template ending in
 * XXXXXX). 0 if done, -1 if not possible (no /proc, ...). */
static int
link_unnamed(int fd, char *tmp)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	char proc[64];
	size_t len = strlen(tmp), i;
	unsigned long r;
	int tries;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	r = (unsigned long)getpid() * 2654435761u ^ (unsigned long)time(NULL);
	for (tries = 0; tries < 100; tries++) {
		for (i = len - 6; i < len; i++) {
			r = r * 1103515245u + 12345u;
			tmp[i] = digits[(r >> 16) % (sizeof(digits) - 1)];
		}
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) ==
		    0)
			return 0;
		if (errno != EEXIST)
			break;
	}
	memcpy(tmp + len - 6, "XXXXXX", 6);
	return -1;
}

int
fix_write_file(const char *path, const char *orig, size_t olen,
	       const char *fixed, size_t n)
{
	char tmp[4096], dir[4096];
	const char *slash = strrchr(path, '/');
	struct stat st;
	int fd, named = 0;

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
	dir_of(path, dir, sizeof(dir));
	fd = write_unnamed(dir, fixed, n, st.st_mode);
	if (fd == -2) {
		fprintf(stderr, "vnlint: %s: cannot write the fixed file: %s\n",
			path, strerror(errno));
		return -1;
	}
	if (fd < 0) {
		/* No O_TMPFILE: a named temporary file from the start. */
		fd = mkstemp(tmp);
		if (fd < 0) {
			fprintf(stderr,
				"vnlint: %s: cannot create a temporary file: %s\n",
				path, strerror(errno));
			return -1;
		}
		named = 1;
		if (write_all(fd, fixed, n, st.st_mode) != 0) {
			fprintf(stderr,
				"vnlint: %s: cannot write the fixed file: %s\n",
				path, strerror(errno));
			close(fd);
			unlink(tmp);
			return -1;
		}
	}
	/* Checked last: reading and fixing took time. */
	if (!unchanged(path, orig, olen)) {
		fprintf(stderr, "vnlint: %s: changed since it was read, not fixed\n",
			path);
		close(fd);
		if (named)
			unlink(tmp);
		return -1;
	}
	if (!named && link_unnamed(fd, tmp) != 0) {
		/* No /proc: write it again under a name. */
		close(fd);
		fd = mkstemp(tmp);
		if (fd < 0 || write_all(fd, fixed, n, st.st_mode) != 0) {
			fprintf(stderr,
				"vnlint: %s: cannot write the fixed file: %s\n",
				path, strerror(errno));
			if (fd >= 0) {
				close(fd);
				unlink(tmp);
			}
			return -1;
		}
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		fprintf(stderr, "vnlint: %s: cannot replace: %s\n", path,
			strerror(errno));
		unlink(tmp);
		return -1;
	}
	sync_dir(dir);
	return 0;
}
