/* SPDX-License-Identifier: MIT */
/*
 * vnlint --test-rules: every rule proves itself on its own examples, and
 * every row of a substitution table on the text it names, so a pack cannot
 * drift from what it claims to catch.
 */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct tester {
	vn_ctx *ctx;
	vn_test_failure_fn fn;
	void *ud;
	size_t passed, failed;
	vn_status status;
};

static void
failure(struct tester *t, const char *file, size_t line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	t->failed++;
	if (t->fn)
		t->fn(t->ud, file, line, msg);
}

static vn_result *
lint(struct tester *t, const char *text)
{
	vn_result *r = NULL;
	vn_status st = vn_lint(t->ctx, text, strlen(text), &r);

	if (st != VN_OK)
		t->status = st;
	return r;
}

/* What the rule reported, for a failure message. */
static void
describe(const vn_result *r, const char *rule, const char *text, char *out,
	 size_t cap)
{
	size_t i, o = 0;
	const vn_diag *d;
	int n;

	out[0] = '\0';
	for (i = 0; i < vn_result_count(r) && o + 1 < cap; i++) {
		d = vn_result_at(r, i);
		if (strcmp(vn_diag_rule(d), rule) != 0)
			continue;
		n = snprintf(out + o, cap - o, "%s[[%.*s]]%s%s", o ? ", " : "",
			     (int)vn_diag_byte_length(d), text + vn_diag_byte_offset(d),
			     vn_diag_suggestion_count(d) ? " => " : "",
			     vn_diag_suggestion_count(d) ? vn_diag_suggestion(d, 0) : "");
		if (n < 0)
			break;
		o += (size_t)n;
	}
	if (o == 0)
		snprintf(out, cap, "nothing");
}

static void
expect_bad(struct tester *t, const char *rule, const char *text, size_t off,
	   size_t len, const char *sugg, const char *file, size_t line)
{
	vn_result *r = lint(t, text);
	const vn_diag *d;
	char got[512];
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < vn_result_count(r); i++) {
		d = vn_result_at(r, i);
		if (strcmp(vn_diag_rule(d), rule) != 0 ||
		    vn_diag_byte_offset(d) != off || vn_diag_byte_length(d) != len)
			continue;
		if (sugg && (vn_diag_suggestion_count(d) == 0 ||
			     strcmp(vn_diag_suggestion(d, 0), sugg) != 0)) {
			failure(t, file, line, "%s: [[%.*s]] suggests \"%s\", expected \"%s\"",
				rule, (int)len, text + off,
				vn_diag_suggestion_count(d) ? vn_diag_suggestion(d, 0)
							    : "",
				sugg);
			vn_result_free(r);
			return;
		}
		t->passed++;
		vn_result_free(r);
		return;
	}
	describe(r, rule, text, got, sizeof(got));
	failure(t, file, line, "%s: expected [[%.*s]] in \"%s\", got %s", rule,
		(int)len, text + off, text, got);
	vn_result_free(r);
}

static void
expect_good(struct tester *t, const char *rule, const char *text,
	    const char *file, size_t line)
{
	vn_result *r = lint(t, text);
	char got[512];
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < vn_result_count(r); i++)
		if (strcmp(vn_diag_rule(vn_result_at(r, i)), rule) == 0)
			break;
	if (i == vn_result_count(r)) {
		t->passed++;
	} else {
		describe(r, rule, text, got, sizeof(got));
		failure(t, file, line, "%s: flags %s in the near miss \"%s\"", rule,
			got, text);
	}
	vn_result_free(r);
}

/* The first alternative of a row's before/after condition, or "". */
static const char *
context_words(const struct vni_phrase *p, enum vni_ctx_kind kind)
{
	size_t i;

	for (i = 0; i < p->nconds; i++)
		if (p->conds[i].kind == kind && p->conds[i].nalt)
			return p->conds[i].alt[0];
	return "";
}

/* A table row is its own example: wrong inside its required context is
 * flagged with the first correction; every correction passes. */
static void
test_row(struct tester *t, const struct vni_phrase *p)
{
	const char *rule = t->ctx->rules[p->rule].id;
	const char *before = context_words(p, VNI_CTX_BEFORE);
	const char *after = context_words(p, VNI_CTX_AFTER);
	char text[1024];
	size_t i, off;

	snprintf(text, sizeof(text), "%s%s", before, *before ? " " : "");
	off = strlen(text);
	snprintf(text + off, sizeof(text) - off, "%s%s%s.", p->text,
		 *after ? " " : "", after);
	expect_bad(t, rule, text, off, strlen(p->text), p->fix[0], p->file,
		   p->line);
	for (i = 0; i < p->nfix; i++) {
		snprintf(text + off, sizeof(text) - off, "%s%s%s.", p->fix[i],
			 *after ? " " : "", after);
		expect_good(t, rule, text, p->file, p->line);
	}
}

/* Is file inside the directory dir (NULL: anywhere)? Compared as resolved
 * paths, so "rules" and "build/../rules" are the same place. */
static int
selected(const char *file, const char *dir)
{
	char f[PATH_MAX], d[PATH_MAX];
	size_t n;

	if (file == NULL)
		return 0;
	if (dir == NULL)
		return 1;
	if (realpath(file, f) == NULL || realpath(dir, d) == NULL)
		return 0;
	n = strlen(d);
	return strncmp(f, d, n) == 0 && (f[n] == '/' || f[n] == '\0');
}

vn_status
vn_ctx_test_rules(vn_ctx *ctx, const char *prefix, vn_test_failure_fn fn,
		  void *ud, size_t *passed, size_t *failed)
{
	struct tester t;
	const struct vni_ruledef *r;
	const struct vni_example *e;
	size_t i, j;

	memset(&t, 0, sizeof(t));
	t.ctx = ctx;
	t.fn = fn;
	t.ud = ud;
	for (i = VNI_R_COUNT; i < ctx->nrules && t.status == VN_OK; i++) {
		r = &ctx->rules[i];
		if (!selected(r->file, prefix))
			continue;
		for (j = 0; j < r->nex; j++) {
			e = &r->ex[j];
			if (e->bad)
				expect_bad(&t, r->id, e->text, e->off, e->len,
					   e->suggestion, e->file, e->line);
			else
				expect_good(&t, r->id, e->text, e->file, e->line);
		}
	}
	for (i = 0; i < ctx->packs.nphrase && t.status == VN_OK; i++)
		if (ctx->packs.phrase[i].kind == VNI_PHRASE_ENTRY &&
		    selected(ctx->packs.phrase[i].file, prefix))
			test_row(&t, &ctx->packs.phrase[i]);
	if (passed)
		*passed = t.passed;
	if (failed)
		*failed = t.failed;
	return t.status;
}
