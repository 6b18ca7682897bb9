/* SPDX-License-Identifier: MIT */
/*
 * Inline suppressions: "vnlint-disable RULE...", "vnlint-enable RULE..."
 * and "vnlint-disable-next-line RULE..." in a comment of the file type
 * (<!-- ... --> in Markdown, a "#" line in plain text). No rule means all
 * rules; a pack name ("confusion") covers its rules.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The first occurrence of needle[0..m) in h[0..n), or NULL. */
static const char *
find(const char *h, size_t n, const char *needle, size_t m)
{
	size_t i;

	for (i = 0; i + m <= n; i++)
		if (memcmp(h + i, needle, m) == 0)
			return h + i;
	return NULL;
}

static int
add(struct vni_suppress *sp, size_t from, size_t to, const char *rules,
    size_t n)
{
	void *p = sp->r;
	struct vni_suppression *r;

	if (!vni_grow(&p, &sp->cap, sp->n + 1, sizeof(*sp->r)))
		return 0;
	sp->r = p;
	r = &sp->r[sp->n];
	r->from = from;
	r->to = to;
	r->rules = vni_strndup(rules, n);
	if (r->rules == NULL)
		return 0;
	sp->n++;
	return 1;
}

/* Does the space/comma separated list cover rule id? Empty = all. */
static int
covers(const char *list, const char *id)
{
	const char *p = list, *e;
	size_t n, idn = strlen(id);
	int any = 0;

	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e && *e != ' ' && *e != ',' && *e != '\t'; e++)
			;
		n = (size_t)(e - p);
		any = 1;
		if ((n == idn && memcmp(p, id, n) == 0) ||
		    (n < idn && memcmp(p, id, n) == 0 && id[n] == '/') ||
		    (n == 3 && memcmp(p, "all", 3) == 0))
			return 1;
		p = e;
	}
	return !any;
}

int
vni_suppressed(const struct vni_suppress *sp, size_t line, const char *id)
{
	size_t i;

	for (i = 0; i < sp->n; i++)
		if (line >= sp->r[i].from && line <= sp->r[i].to &&
		    covers(sp->r[i].rules, id))
			return 1;
	return 0;
}

/* The directive inside the comment text c[0..n): kind and rule list. */
static int
directive(struct vni_suppress *sp, const char *c, size_t n, size_t line,
	  size_t *open_from, char **open_rules)
{
	static const char next[] = "vnlint-disable-next-line";
	static const char dis[] = "vnlint-disable";
	static const char en[] = "vnlint-enable";
	size_t k = 0;

	while (k < n && (c[k] == ' ' || c[k] == '\t'))
		k++;
	c += k;
	n -= k;
	if (n >= sizeof(next) - 1 && memcmp(c, next, sizeof(next) - 1) == 0)
		return add(sp, line + 1, line + 1, c + sizeof(next) - 1,
			   n - (sizeof(next) - 1));
	if (n >= sizeof(dis) - 1 && memcmp(c, dis, sizeof(dis) - 1) == 0) {
		/* Open until the next vnlint-enable (or the end). */
		free(*open_rules);
		*open_rules = vni_strndup(c + sizeof(dis) - 1, n - (sizeof(dis) - 1));
		*open_from = line;
		return *open_rules != NULL;
	}
	if (n >= sizeof(en) - 1 && memcmp(c, en, sizeof(en) - 1) == 0 &&
	    *open_rules != NULL) {
		int ok = add(sp, *open_from, line, *open_rules, strlen(*open_rules));

		free(*open_rules);
		*open_rules = NULL;
		return ok;
	}
	return 1;
}

int
vni_suppress_parse(struct vni_suppress *sp, const char *s, size_t len,
		   vn_markup markup)
{
	size_t i, end, k, line = 1, open_from = 0;
	char *open_rules = NULL;
	const char *c, *close;
	int ok = 1;

	memset(sp, 0, sizeof(*sp));
	for (i = 0; i < len && ok; i = end + 1, line++) {
		end = vni_line_end(s, len, i);
		if (find(s + i, end - i, "vnlint-", 7) == NULL)
			continue;
		for (k = i; k < end && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (markup == VN_MARKUP_MARKDOWN) {
			c = find(s + k, end - k, "<!--", 4);
			if (c == NULL)
				continue;
			c += 4;
			close = find(c, (size_t)(s + end - c), "-->", 3);
			ok = directive(sp, c, (size_t)((close ? close : s + end) - c),
				       line, &open_from, &open_rules);
		} else if (k < end && s[k] == '#') {
			ok = directive(sp, s + k + 1, end - k - 1, line, &open_from,
				       &open_rules);
		}
	}
	if (ok && open_rules != NULL)
		ok = add(sp, open_from, (size_t)-1, open_rules, strlen(open_rules));
	free(open_rules);
	return ok;
}

void
vni_suppress_free(struct vni_suppress *sp)
{
	size_t i;

	for (i = 0; i < sp->n; i++)
		free(sp->r[i].rules);
	free(sp->r);
	memset(sp, 0, sizeof(*sp));
}
