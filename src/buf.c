/* SPDX-License-Identifier: MIT */
/* Growable buffers and arrays whose failures are sticky, so callers test once. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
vni_grow(void **arr, size_t *cap, size_t need, size_t elt)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return 1;
	ncap = *cap ? *cap : 16;
	while (ncap < need) {
		if (ncap > (size_t)-1 / 2 / elt)
			return 0;
		ncap *= 2;
	}
	p = realloc(*arr, ncap * elt);
	if (p == NULL)
		return 0;
	*arr = p;
	*cap = ncap;
	return 1;
}

void
vni_buf_append(struct vni_buf *b, const void *data, size_t n)
{
	void *p = b->ptr;

	if (b->failed)
		return;
	/* +1 keeps room for a terminating NUL. */
	if (!vni_grow(&p, &b->cap, b->len + n + 1, 1)) {
		b->failed = 1;
		return;
	}
	b->ptr = p;
	if (n)
		memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
vni_buf_putc(struct vni_buf *b, char c)
{
	vni_buf_append(b, &c, 1);
}

void
vni_buf_free(struct vni_buf *b)
{
	free(b->ptr);
	memset(b, 0, sizeof(*b));
}

char *
vni_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
