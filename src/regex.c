/* SPDX-License-Identifier: MIT */
/* PCRE2 for rule patterns: the only file that includes pcre2.h. Every
 * pattern is compiled once, JIT-compiled when the platform allows, and
 * matched under match and depth limits so no pattern can hang a run. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "internal.h"

/* Generous for prose, small enough to stop catastrophic backtracking in
 * well under a second per paragraph. */
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000

struct vni_regex {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	int groups;
};

struct vni_regex *
vni_regex_compile(const char *pattern, int caseless, char *err, size_t errsz,
		  size_t *erroff)
{
	struct vni_regex *re = calloc(1, sizeof(*re));
	int code;
	PCRE2_SIZE off = 0;
	uint32_t groups = 0;
	PCRE2_UCHAR msg[256];

	*erroff = 0;
	if (re == NULL) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				 PCRE2_UTF | PCRE2_UCP |
					 (caseless ? PCRE2_CASELESS : 0),
				 &code, &off, NULL);
	if (re->code == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		snprintf(err, errsz, "bad pattern: %s", (const char *)msg);
		*erroff = off;
		free(re);
		return NULL;
	}
	/* The JIT is an optimisation: without it matching still works. */
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &groups);
	re->groups = (int)groups;
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mc = pcre2_match_context_create(NULL);
	if (re->md == NULL || re->mc == NULL) {
		vni_regex_free(re);
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	pcre2_set_match_limit(re->mc, MATCH_LIMIT);
	pcre2_set_depth_limit(re->mc, DEPTH_LIMIT);
	return re;
}

int
vni_regex_match(struct vni_regex *re, const char *subject, size_t len,
		size_t start, size_t *ovec, int maxpairs)
{
	PCRE2_SIZE *v;
	int rc, i;

	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start,
			 PCRE2_NO_UTF_CHECK, re->md, re->mc);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1; /* match or depth limit, or another matching error */
	v = pcre2_get_ovector_pointer(re->md);
	if (rc > maxpairs)
		rc = maxpairs;
	for (i = 0; i < 2 * rc; i++)
		ovec[i] = v[i] == PCRE2_UNSET ? (size_t)-1 : (size_t)v[i];
	return rc;
}

int
vni_regex_groups(const struct vni_regex *re)
{
	return re->groups;
}

void
vni_regex_free(struct vni_regex *re)
{
	if (re == NULL)
		return;
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mc);
	pcre2_code_free(re->code);
	free(re);
}
