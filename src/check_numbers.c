/* SPDX-License-Identifier: MIT */
/* number/english-thousands-separator: "1,322 triệu USD" where Vietnamese
 * writes 1.322 (the comma is the decimal mark in Vietnamese). */
#include <string.h>

#include "internal.h"

/* d{1,3}(,ddd)+ with no leading "0," (0,125 is a decimal). */
static int
english_grouping(const char *s, size_t n)
{
	size_t i = 0, lead = 0, groups = 0, d;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, lead++;
	if (lead == 0 || lead > 3 || (lead == 1 && s[0] == '0'))
		return 0;
	while (i < n) {
		if (s[i] != ',')
			return 0;
		i++;
		for (d = 0; i < n && s[i] >= '0' && s[i] <= '9'; d++)
			i++;
		if (d != 3)
			return 0;
		groups++;
	}
	return groups > 0;
}

void
vni_check_numbers(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk, *p;
	char fixed[64];
	const char *sugg[2] = {fixed, NULL};
	size_t i, j;

	if (!vni_rule_on(b, VNI_R_THOUSANDS_SEPARATOR))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_NUMBER || tk->len >= sizeof(fixed) ||
		    !english_grouping(b->text + tk->off, tk->len))
			continue;
		/* "1,234.56" is English, but "v1,200" or "3.1,200" are
		 * something else: the number must stand on its own. */
		p = i > 0 ? &t->v[i - 1] : NULL;
		if (p && (p->kind == VNI_TK_WORD || p->kind == VNI_TK_NUMBER ||
			  (p->kind == VNI_TK_PUNCT &&
			   (p->cp == '.' || p->cp == ',' || p->cp == '-'))))
			continue;
		memcpy(fixed, b->text + tk->off, tk->len);
		fixed[tk->len] = '\0';
		for (j = 0; j < tk->len; j++)
			if (fixed[j] == ',')
				fixed[j] = '.';
		vni_report(b, VNI_R_THOUSANDS_SEPARATOR, tk->off, tk->len, sugg,
			   "\"%.*s\" uses an English thousands separator; in "
			   "Vietnamese it reads as a decimal (write %s)",
			   "\"%.*s\" dùng dấu phân cách hàng nghìn kiểu tiếng Anh; "
			   "theo tiếng Việt đây là số thập phân (viết %s)",
			   (int)tk->len, b->text + tk->off, fixed);
	}
}
