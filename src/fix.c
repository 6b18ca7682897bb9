/* SPDX-License-Identifier: MIT */
/* Safe fixes: apply the single suggestion of every safe diagnostic to a
 * copy of the text. Only non-overlapping spans are applied, first in
 * position order wins, so the outcome is deterministic. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

size_t
vn_result_next_fix(const vn_result *r, size_t from, size_t pos)
{
	size_t i;

	/* Diagnostics are sorted by position, so the first safe one that
	 * starts at or after pos is the next fix; the rest overlap. */
	for (i = from; i < r->n; i++)
		if (r->v[i].safe && r->v[i].off >= pos)
			return i;
	return (size_t)-1;
}

vn_status
vn_apply_fixes(const char *text, size_t len, const vn_result *r, char **out,
	       size_t *outlen, size_t *applied)
{
	struct vni_buf b = {0};
	const struct vn_diag *d;
	size_t i, pos = 0, n = 0;

	*out = NULL;
	*outlen = 0;
	*applied = 0;
	for (i = vn_result_next_fix(r, 0, 0); i != (size_t)-1;
	     i = vn_result_next_fix(r, i + 1, pos)) {
		d = &r->v[i];
		if (d->off + d->len > len)
			break;
		vni_buf_append(&b, text + pos, d->off - pos);
		vni_buf_append(&b, d->sugg[0], strlen(d->sugg[0]));
		pos = d->off + d->len;
		n++;
	}
	vni_buf_append(&b, text + pos, len - pos);
	if (b.failed) {
		vni_buf_free(&b);
		return VN_ENOMEM;
	}
	*out = b.ptr;
	*outlen = b.len;
	*applied = n;
	return VN_OK;
}
