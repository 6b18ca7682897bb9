/* SPDX-License-Identifier: MIT */
/*
 * Rule packs: parse rules/NAME.rules and their tables into the context's rule
 * table, phrase index and trigger index. The format is in docs/rules.md.
 * Every error names file:line:col and leaves the context unchanged enough
 * to be freed.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

#define MAX_LINE 8192

/* A key = value line of the current section, kept until the section ends
 * so keys may come in any order. */
struct kv {
	char *key, *val;
	size_t line, col; /* col of the value */
};

struct parser {
	vn_ctx *ctx;
	const char *file; /* owned by the context */
	const char *dir;  /* directory of the file, for tables */
	char pack[128];
	enum { S_NONE, S_PACK, S_LIST, S_RULE } section;
	char name[128];     /* list or rule name */
	size_t sec_line;
	struct kv *kv;
	size_t nkv, capkv;
	char *err;
	size_t errsz;
	int failed;
};

static int
fail(struct parser *p, size_t line, size_t col, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (p->failed)
		return 0;
	n = snprintf(p->err, p->errsz, "%s:%zu:%zu: ", p->file, line, col);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < p->errsz)
		vsnprintf(p->err + n, p->errsz - (size_t)n, fmt, ap);
	va_end(ap);
	p->failed = 1;
	return 0;
}

/* A copy of s[0..n) owned by the context, freed with it. */
static char *
own(vn_ctx *ctx, const char *s, size_t n)
{
	struct vni_packs *pk = &ctx->packs;
	void *v = pk->owned;
	char *c;

	if (!vni_grow(&v, &pk->capowned, pk->nowned + 1, sizeof(char *)))
		return NULL;
	pk->owned = v;
	c = vni_strndup(s, n);
	if (c != NULL)
		pk->owned[pk->nowned++] = c;
	return c;
}

/* 1-based column of the first byte that is not valid UTF-8, or 0. */
static size_t
bad_utf8(const char *s)
{
	size_t k = 0, n = strlen(s);
	int32_t cp;
	int step;

	while (k < n) {
		step = vni_utf8_decode((const unsigned char *)s + k, n - k, &cp);
		if (step < 0)
			return k + 1;
		k += (size_t)step;
	}
	return 0;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
			 e[-1] == '\n'))
		*--e = '\0';
	return s;
}

size_t
vni_phrase_key(const char *s, size_t len, int exact, char *out, size_t cap)
{
	size_t i = 0, o = 0, b, n;
	char low[64];

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len)
			break;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		n = vni_lower(s + b, i - b, low, sizeof(low));
		if (n == 0 || o + n + 2 > cap)
			return 0;
		if (o)
			out[o++] = ' ';
		/* One tone placement for matching: the reformed one. */
		if (exact) {
			memcpy(out + o, low, n);
			out[o + n] = '\0';
		} else {
			n = vni_syllable_restyle(low, n, VNI_STYLE_REFORMED, out + o,
						 cap - o);
			if (n == 0)
				return 0;
		}
		o += n;
	}
	if (o == 0)
		return 0;
	out[o] = '\0';
	return o;
}

/* Index key under its first syllable in both tone placements, so a token
 * is looked up as written. */
static int
index_first(struct vni_multimap *m, const char *key, uint32_t value,
	    int exact)
{
	const char *sp = strchr(key, ' ');
	size_t n = sp ? (size_t)(sp - key) : strlen(key);
	char trad[64];
	size_t tn;

	if (!vni_mm_add(m, key, n, value))
		return 0;
	if (exact)
		return 1;
	tn = vni_syllable_restyle(key, n, VNI_STYLE_TRADITIONAL, trad, sizeof(trad));
	if (tn && (tn != n || memcmp(trad, key, n) != 0))
		return vni_mm_add(m, trad, tn, value);
	return 1;
}

static const char *
kv_get(const struct parser *p, const char *key, size_t *line, size_t *col)
{
	size_t i;

	for (i = 0; i < p->nkv; i++)
		if (strcmp(p->kv[i].key, key) == 0) {
			if (line)
				*line = p->kv[i].line;
			if (col)
				*col = p->kv[i].col;
			return p->kv[i].val;
		}
	return NULL;
}

static void
kv_clear(struct parser *p)
{
	size_t i;

	for (i = 0; i < p->nkv; i++) {
		free(p->kv[i].key);
		free(p->kv[i].val);
	}
	p->nkv = 0;
}

/* ------------------------------------------------------------ examples */

static int
add_example(struct parser *p, struct vni_ruledef *r, const char *val,
	    size_t line, size_t col, int bad)
{
	struct vni_example *e;
	void *v = r->ex;
	const char *arrow, *o, *c;
	char text[MAX_LINE];
	size_t n, tn;

	if (!vni_grow(&v, &r->capex, r->nex + 1, sizeof(*r->ex)))
		return fail(p, line, col, "out of memory");
	r->ex = v;
	e = &r->ex[r->nex];
	memset(e, 0, sizeof(*e));
	e->bad = bad;
	e->file = p->file;
	e->line = line;
	arrow = bad ? strstr(val, " => ") : NULL;
	n = arrow ? (size_t)(arrow - val) : strlen(val);
	if (arrow) {
		e->suggestion = own(p->ctx, arrow + 4, strlen(arrow + 4));
		if (e->suggestion == NULL)
			return fail(p, line, col, "out of memory");
	}
	o = strstr(val, "[[");
	c = o ? strstr(o, "]]") : NULL;
	if (bad && (o == NULL || c == NULL || c > val + n))
		return fail(p, line, col,
			    "a bad example marks its span with [[ and ]]");
	if (!bad && o != NULL && c != NULL)
		return fail(p, line, col + (size_t)(o - val),
			    "a good example has no [[span]]");
	if (n >= sizeof(text))
		return fail(p, line, col, "example too long");
	if (bad) {
		tn = (size_t)(o - val);
		memcpy(text, val, tn);
		e->off = tn;
		memcpy(text + tn, o + 2, (size_t)(c - o - 2));
		tn += (size_t)(c - o - 2);
		e->len = tn - e->off;
		memcpy(text + tn, c + 2, n - (size_t)(c + 2 - val));
		tn += n - (size_t)(c + 2 - val);
	} else {
		memcpy(text, val, n);
		tn = n;
	}
	e->text = own(p->ctx, text, tn);
	if (e->text == NULL)
		return fail(p, line, col, "out of memory");
	r->nex++;
	return 1;
}

/* -------------------------------------------------------------- tables */

static int
add_phrase(struct parser *p, struct vni_phrase *ph, size_t line, size_t col)
{
	struct vni_packs *pk = &p->ctx->packs;
	void *v = pk->phrase;

	if (!vni_grow(&v, &pk->capphrase, pk->nphrase + 1, sizeof(*pk->phrase)))
		return fail(p, line, col, "out of memory");
	pk->phrase = v;
	pk->phrase[pk->nphrase] = *ph;
	if (!index_first(&pk->by_syllable, ph->syl, (uint32_t)pk->nphrase,
			 ph->kind == VNI_PHRASE_FORM))
		return fail(p, line, col, "out of memory");
	pk->nphrase++;
	return 1;
}

/* "before=vai trò|công tác" and friends, separated by ';'. */
static int
parse_conds(struct parser *p, struct vni_phrase *ph, char *s, size_t line,
	    size_t col)
{
	static const struct {
		const char *name;
		enum vni_ctx_kind kind;
	} names[] = {{"before", VNI_CTX_BEFORE},
		     {"after", VNI_CTX_AFTER},
		     {"not-before", VNI_CTX_NOT_BEFORE},
		     {"not-after", VNI_CTX_NOT_AFTER}};
	char *save = NULL, *item, *eq, *alt, *save2 = NULL, key[256], **more;
	struct vni_ctxcond *c;
	size_t i, n, k;

	for (item = strtok_r(s, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		item = trim(item);
		if (*item == '\0')
			continue;
		eq = strchr(item, '=');
		if (eq == NULL)
			return fail(p, line, col, "condition '%s' needs NAME=WORDS", item);
		*eq = '\0';
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strcmp(trim(item), names[i].name) == 0)
				break;
		if (i == sizeof(names) / sizeof(names[0]))
			return fail(p, line, col,
				    "unknown condition '%s' (before, after, "
				    "not-before, not-after)", trim(item));
		c = realloc(ph->conds, (ph->nconds + 1) * sizeof(*c));
		if (c == NULL)
			return fail(p, line, col, "out of memory");
		ph->conds = c;
		c = &ph->conds[ph->nconds++];
		c->kind = names[i].kind;
		c->alt = NULL;
		c->nalt = 0;
		for (alt = strtok_r(eq + 1, "|", &save2); alt;
		     alt = strtok_r(NULL, "|", &save2)) {
			alt = trim(alt);
			n = vni_phrase_key(alt, strlen(alt), 0, key, sizeof(key));
			if (n == 0)
				return fail(p, line, col, "bad words '%s'", alt);
			k = c->nalt;
			more = realloc(c->alt, (k + 1) * sizeof(*c->alt));
			if (more == NULL)
				return fail(p, line, col, "out of memory");
			c->alt = more;
			if ((c->alt[k] = own(p->ctx, key, n)) == NULL)
				return fail(p, line, col, "out of memory");
			c->nalt++;
		}
		if (c->nalt == 0)
			return fail(p, line, col, "condition without words");
	}
	return 1;
}

/* What a table row owns besides the context's pool: its corrections
 * array and its conditions. */
static void
free_row(struct vni_phrase *ph)
{
	size_t j;

	for (j = 0; j < ph->nconds; j++)
		free(ph->conds[j].alt);
	free(ph->conds);
	free(ph->fix);
}

/* One row: wrong, right (a|b), note, conditions. */
static int
add_entry(struct parser *p, size_t rule, char *wrong, char *right, char *note,
	  char *conds, const char *file, size_t line, size_t col)
{
	struct vni_phrase ph;
	char key[256], *alt, *save = NULL, **more;
	size_t n;

	memset(&ph, 0, sizeof(ph));
	ph.kind = VNI_PHRASE_ENTRY;
	ph.rule = rule;
	ph.file = file;
	ph.line = line;
	wrong = trim(wrong);
	n = vni_phrase_key(wrong, strlen(wrong), 0, key, sizeof(key));
	if (n == 0)
		return fail(p, line, col, "bad wrong form '%s'", wrong);
	ph.syl = own(p->ctx, key, n);
	ph.text = own(p->ctx, wrong, strlen(wrong));
	if (ph.syl == NULL || ph.text == NULL)
		return fail(p, line, col, "out of memory");
	for (ph.nsyl = 1, alt = key; (alt = strchr(alt, ' ')) != NULL; alt++)
		ph.nsyl++;
	for (alt = strtok_r(right, "|", &save); alt; alt = strtok_r(NULL, "|", &save)) {
		alt = trim(alt);
		if (*alt == '\0')
			continue;
		more = realloc(ph.fix, (ph.nfix + 1) * sizeof(*ph.fix));
		if (more == NULL)
			goto nomem;
		ph.fix = more;
		if ((ph.fix[ph.nfix] = own(p->ctx, alt, strlen(alt))) == NULL)
			goto nomem;
		ph.nfix++;
	}
	if (ph.nfix == 0) {
		free_row(&ph);
		return fail(p, line, col, "no correction for '%s'", wrong);
	}
	if (note && *trim(note) &&
	    (ph.note = own(p->ctx, trim(note), strlen(trim(note)))) == NULL)
		goto nomem;
	/* Once add_phrase has stored the row, the context frees it. */
	if ((conds && !parse_conds(p, &ph, conds, line, col)) ||
	    !add_phrase(p, &ph, line, col)) {
		free_row(&ph);
		return 0;
	}
	return 1;
nomem:
	free_row(&ph);
	return fail(p, line, col, "out of memory");
}

static int
load_table(struct parser *p, size_t rule, const char *name, size_t line,
	   size_t col)
{
	char path[4096], buf[MAX_LINE], *f[4], *s, *tab;
	const char *tfile;
	FILE *fp;
	size_t lineno = 0, k, saved_line;
	const char *saved_file;
	int ok = 1;

	snprintf(path, sizeof(path), "%s/%s", p->dir, name);
	fp = fopen(path, "rb");
	if (fp == NULL)
		return fail(p, line, col, "table %s: %s", path, strerror(errno));
	tfile = own(p->ctx, path, strlen(path));
	if (tfile == NULL) {
		fclose(fp);
		return fail(p, line, col, "out of memory");
	}
	saved_file = p->file;
	saved_line = line;
	p->file = tfile;
	while (ok && fgets(buf, sizeof(buf), fp)) {
		lineno++;
		if (strlen(buf) == sizeof(buf) - 1 && buf[sizeof(buf) - 2] != '\n') {
			ok = fail(p, lineno, 1, "line too long");
			break;
		}
		if ((k = bad_utf8(buf)) != 0) {
			ok = fail(p, lineno, k, "invalid UTF-8");
			break;
		}
		s = trim(buf);
		if (*s == '\0' || *s == '#')
			continue;
		memset(f, 0, sizeof(f));
		f[0] = s;
		for (k = 1; k < 4; k++) {
			tab = strchr(f[k - 1], '\t');
			if (tab == NULL)
				break;
			*tab = '\0';
			f[k] = tab + 1;
		}
		if (f[1] == NULL) {
			ok = fail(p, lineno, strlen(s) + 1,
				  "expected wrong<TAB>right[<TAB>note[<TAB>conditions]]");
			break;
		}
		ok = add_entry(p, rule, f[0], f[1], f[2], f[3], tfile, lineno, 1);
	}
	fclose(fp);
	p->file = saved_file;
	(void)saved_line;
	return ok;
}

/* ---------------------------------------------------------------- rules */

static int
add_rule(struct parser *p, struct vni_ruledef **out)
{
	vn_ctx *ctx = p->ctx;
	void *v = ctx->rules, *e = ctx->enabled;
	size_t cap = ctx->caprules;
	char id[300];
	size_t i;

	if (p->pack[0] == '\0')
		return fail(p, p->sec_line, 1, "[rule] before [pack] with an id");
	snprintf(id, sizeof(id), "%s/%s", p->pack, p->name);
	for (i = 0; i < ctx->nrules; i++)
		if (strcmp(ctx->rules[i].id, id) == 0)
			return ctx->rules[i].file
				       ? fail(p, p->sec_line, 1,
					      "duplicate rule id %s, first defined at "
					      "%s:%zu",
					      id, ctx->rules[i].file, ctx->rules[i].line)
				       : fail(p, p->sec_line, 1,
					      "rule id %s is a built-in check", id);
	if (!vni_grow(&v, &cap, ctx->nrules + 1, sizeof(*ctx->rules)))
		return fail(p, p->sec_line, 1, "out of memory");
	ctx->rules = v;
	cap = ctx->caprules;
	if (!vni_grow(&e, &cap, ctx->nrules + 1, 1))
		return fail(p, p->sec_line, 1, "out of memory");
	ctx->enabled = e;
	ctx->caprules = cap;
	*out = &ctx->rules[ctx->nrules];
	memset(*out, 0, sizeof(**out));
	(*out)->id = own(ctx, id, strlen(id));
	(*out)->file = p->file;
	(*out)->line = p->sec_line;
	ctx->enabled[ctx->nrules] = 1;
	ctx->nrules++;
	return (*out)->id != NULL || fail(p, p->sec_line, 1, "out of memory");
}

static struct vni_regex *
compile(struct parser *p, const char *pat, size_t line, size_t col)
{
	char err[300];
	size_t off;
	struct vni_regex *re = vni_regex_compile(pat, 1, err, sizeof(err), &off);

	if (re == NULL)
		fail(p, line, col + off, "%s", err);
	return re;
}

static size_t
find_list(const struct parser *p, const char *name)
{
	const struct vni_packs *pk = &p->ctx->packs;
	char full[300];
	size_t i;

	snprintf(full, sizeof(full), "%s:%s", p->pack, name);
	for (i = 0; i < pk->nlist; i++)
		if (strcmp(pk->list[i].name, full) == 0)
			return i;
	return (size_t)-1;
}

static int
add_trigger(struct parser *p, size_t rule, char *words, size_t line, size_t col)
{
	struct vni_packs *pk = &p->ctx->packs;
	char *w, *save = NULL, key[64];
	size_t n;
	void *v;

	if (strcmp(trim(words), "*") == 0) {
		v = pk->always;
		if (!vni_grow(&v, &pk->capalways, pk->nalways + 1, sizeof(size_t)))
			return fail(p, line, col, "out of memory");
		pk->always = v;
		pk->always[pk->nalways++] = rule;
		p->ctx->rules[rule].always = 1;
		return 1;
	}
	for (w = strtok_r(words, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
		w = trim(w);
		n = vni_phrase_key(w, strlen(w), 0, key, sizeof(key));
		if (n == 0 || strchr(key, ' '))
			return fail(p, line, col, "a trigger is one word: '%s'", w);
		if (!index_first(&pk->by_trigger, key, (uint32_t)rule, 0))
			return fail(p, line, col, "out of memory");
	}
	return 1;
}

static int
add_group(struct parser *p, size_t rule, char *forms, size_t line, size_t col)
{
	struct vni_packs *pk = &p->ctx->packs;
	struct vni_phrase ph;
	struct vni_group *g;
	char *f, *save = NULL, key[256];
	void *v = pk->group;
	size_t n;

	if (!vni_grow(&v, &pk->capgroup, pk->ngroup + 1, sizeof(*pk->group)))
		return fail(p, line, col, "out of memory");
	pk->group = v;
	g = &pk->group[pk->ngroup];
	g->rule = rule;
	g->first = pk->nphrase;
	g->nforms = 0;
	for (f = strtok_r(forms, "|", &save); f; f = strtok_r(NULL, "|", &save)) {
		f = trim(f);
		/* Spellings may differ only in tone placement: exact. */
		n = vni_phrase_key(f, strlen(f), 1, key, sizeof(key));
		if (n == 0)
			return fail(p, line, col, "bad form '%s'", f);
		memset(&ph, 0, sizeof(ph));
		ph.kind = VNI_PHRASE_FORM;
		ph.rule = rule;
		ph.syl = own(p->ctx, key, n);
		ph.text = own(p->ctx, f, strlen(f));
		for (ph.nsyl = 1, f = key; (f = strchr(f, ' ')) != NULL; f++)
			ph.nsyl++;
		ph.group = pk->ngroup;
		ph.form = g->nforms;
		ph.file = p->file;
		ph.line = line;
		if (ph.syl == NULL || ph.text == NULL || !add_phrase(p, &ph, line, col))
			return fail(p, line, col, "out of memory");
		g->nforms++;
	}
	if (g->nforms < 2)
		return fail(p, line, col, "forms needs two or more spellings");
	pk->ngroup++;
	return 1;
}

static const char *const rule_keys[] = {
	"kind", "severity", "message.en", "message.vi", "explain.en",
	"explain.vi", "bad", "good", "table", "entry", "pattern", "span",
	"suggest", "antipattern", "trigger", "forms", "summary.en", "summary.vi",
	"fix", NULL};

static int
finish_rule(struct parser *p)
{
	struct vni_ruledef *r;
	size_t ri, i, line = p->sec_line, col = 1, ncond;
	const char *kind, *sev, *v;
	char *copy, *parts[3], *arrow;
	int g, n;

	for (i = 0; i < p->nkv; i++) {
		size_t k;

		for (k = 0; rule_keys[k]; k++)
			if (strcmp(p->kv[i].key, rule_keys[k]) == 0)
				break;
		if (rule_keys[k] == NULL && strncmp(p->kv[i].key, "require.", 8) != 0)
			return fail(p, p->kv[i].line, 1, "unknown key '%s'", p->kv[i].key);
	}
	if (!add_rule(p, &r))
		return 0;
	ri = (size_t)(r - p->ctx->rules);
	kind = kv_get(p, "kind", &line, &col);
	if (kind == NULL)
		return fail(p, p->sec_line, 1, "rule %s has no kind", r->id);
	if (strcmp(kind, "substitution") == 0)
		r->kind = VNI_KIND_SUBSTITUTION;
	else if (strcmp(kind, "pattern") == 0)
		r->kind = VNI_KIND_PATTERN;
	else if (strcmp(kind, "consistency") == 0)
		r->kind = VNI_KIND_CONSISTENCY;
	else
		return fail(p, line, col,
			    "unknown kind '%s' (substitution, pattern, consistency)",
			    kind);
	v = kv_get(p, "fix", &line, &col);
	if (v != NULL && strcmp(v, "safe") != 0 && strcmp(v, "none") != 0)
		return fail(p, line, col, "fix is safe or none");
	r->safe = v != NULL && strcmp(v, "safe") == 0;
	sev = kv_get(p, "severity", &line, &col);
	if (sev == NULL || strcmp(sev, "error") == 0)
		r->severity = VN_SEV_ERROR;
	else if (strcmp(sev, "warning") == 0)
		r->severity = VN_SEV_WARNING;
	else if (strcmp(sev, "info") == 0)
		r->severity = VN_SEV_INFO;
	else
		return fail(p, line, col, "unknown severity '%s' (error, warning, info)",
			    sev);
	r->message[0] = kv_get(p, "message.en", NULL, NULL);
	r->message[1] = kv_get(p, "message.vi", NULL, NULL);
	if (!r->message[0] && !r->message[1])
		return fail(p, p->sec_line, 1, "rule %s has no message.en or message.vi",
			    r->id);
	for (i = 0; i < 2; i++) {
		static const char *const sk[2] = {"summary.en", "summary.vi"};
		static const char *const ek[2] = {"explain.en", "explain.vi"};

		r->message[i] = own(p->ctx, r->message[i] ? r->message[i]
							   : r->message[!i],
				    strlen(r->message[i] ? r->message[i]
							 : r->message[!i]));
		v = kv_get(p, sk[i], NULL, NULL);
		if (v == NULL)
			v = kv_get(p, sk[!i], NULL, NULL);
		r->summary[i] = v ? own(p->ctx, v, strlen(v)) : r->message[i];
		v = kv_get(p, ek[i], NULL, NULL);
		if (v == NULL)
			v = kv_get(p, ek[!i], NULL, NULL);
		r->explanation[i] = v ? own(p->ctx, v, strlen(v)) : r->summary[i];
		if (!r->message[i] || !r->summary[i] || !r->explanation[i])
			return fail(p, p->sec_line, 1, "out of memory");
	}
	r->span = 0;
	ncond = 0;
	for (i = 0; i < p->nkv && !p->failed; i++) {
		struct kv *k = &p->kv[i];

		if (strcmp(k->key, "bad") == 0 || strcmp(k->key, "good") == 0) {
			add_example(p, r, k->val, k->line, k->col, k->key[0] == 'b');
		} else if (strcmp(k->key, "table") == 0) {
			if (r->kind != VNI_KIND_SUBSTITUTION)
				return fail(p, k->line, 1, "table belongs to substitution rules");
			load_table(p, ri, k->val, k->line, k->col);
		} else if (strcmp(k->key, "entry") == 0) {
			if (r->kind != VNI_KIND_SUBSTITUTION)
				return fail(p, k->line, 1, "entry belongs to substitution rules");
			copy = strdup(k->val);
			if (copy == NULL)
				return fail(p, k->line, k->col, "out of memory");
			arrow = strstr(copy, "->");
			if (arrow == NULL) {
				free(copy);
				return fail(p, k->line, k->col,
					    "expected 'wrong -> right ; note ; conditions'");
			}
			*arrow = '\0';
			/* wrong -> right ; note ; conditions */
			parts[0] = arrow + 2;
			parts[1] = strchr(parts[0], ';');
			if (parts[1])
				*parts[1]++ = '\0';
			parts[2] = parts[1] ? strchr(parts[1], ';') : NULL;
			if (parts[2])
				*parts[2]++ = '\0';
			add_entry(p, ri, copy, parts[0], parts[1], parts[2],
				  p->file, k->line, k->col);
			free(copy);
		} else if (strcmp(k->key, "pattern") == 0) {
			if (r->kind != VNI_KIND_PATTERN || r->re)
				return fail(p, k->line, 1,
					    "one pattern per pattern rule");
			r->re = compile(p, k->val, k->line, k->col);
		} else if (strcmp(k->key, "antipattern") == 0) {
			struct vni_regex **a = realloc(r->anti, (r->nanti + 1) * sizeof(*a));

			if (a == NULL)
				return fail(p, k->line, k->col, "out of memory");
			r->anti = a;
			if ((a[r->nanti] = compile(p, k->val, k->line, k->col)) != NULL)
				r->nanti++;
		} else if (strcmp(k->key, "suggest") == 0) {
			char **s = realloc(r->sugg, (r->nsugg + 1) * sizeof(*s));

			if (s == NULL)
				return fail(p, k->line, k->col, "out of memory");
			r->sugg = s;
			if ((s[r->nsugg] = own(p->ctx, k->val, strlen(k->val))) == NULL)
				return fail(p, k->line, k->col, "out of memory");
			r->nsugg++;
		} else if (strcmp(k->key, "span") == 0) {
			r->span = atoi(k->val);
			if (r->span < 0 || r->span > 9 ||
			    strspn(k->val, "0123456789") != strlen(k->val))
				return fail(p, k->line, k->col, "span is a group number 0-9");
		} else if (strcmp(k->key, "trigger") == 0) {
			copy = strdup(k->val);
			if (copy == NULL)
				return fail(p, k->line, k->col, "out of memory");
			add_trigger(p, ri, copy, k->line, k->col);
			free(copy);
		} else if (strcmp(k->key, "forms") == 0) {
			if (r->kind != VNI_KIND_CONSISTENCY)
				return fail(p, k->line, 1, "forms belongs to consistency rules");
			copy = strdup(k->val);
			if (copy == NULL)
				return fail(p, k->line, k->col, "out of memory");
			add_group(p, ri, copy, k->line, k->col);
			free(copy);
		} else if (strncmp(k->key, "require.", 8) == 0) {
			struct vni_cond *c = realloc(r->conds, (ncond + 1) * sizeof(*c));

			if (c == NULL)
				return fail(p, k->line, k->col, "out of memory");
			r->conds = c;
			c = &c[ncond];
			g = atoi(k->key + 8);
			if (g < 0 || g > 9 || k->key[8] == '\0' || k->key[9] != '\0')
				return fail(p, k->line, 1, "require.N needs a group 0-9");
			c->group = g;
			if (strcmp(k->val, "syllable") == 0)
				c->kind = VNI_COND_SYL;
			else if (strcmp(k->val, "not-syllable") == 0)
				c->kind = VNI_COND_NOT_SYL;
			else if (strncmp(k->val, "list:", 5) == 0 ||
				 strncmp(k->val, "not-list:", 9) == 0) {
				c->kind = k->val[0] == 'l' ? VNI_COND_LIST : VNI_COND_NOT_LIST;
				c->list = find_list(p, strchr(k->val, ':') + 1);
				if (c->list == (size_t)-1)
					return fail(p, k->line, k->col, "no [list %s] in this pack",
						    strchr(k->val, ':') + 1);
			} else {
				return fail(p, k->line, k->col,
					    "require is syllable, not-syllable, "
					    "list:NAME or not-list:NAME");
			}
			r->nconds = ++ncond;
		}
	}
	if (p->failed)
		return 0;
	/* What each kind needs to work at all. */
	n = 0;
	for (i = 0; i < r->nex; i++)
		n += r->ex[i].bad ? 1 : 0x100;
	if ((n & 0xFF) == 0 || (n >> 8) == 0)
		return fail(p, p->sec_line, 1,
			    "rule %s needs at least one bad and one good example",
			    r->id);
	if (r->kind == VNI_KIND_PATTERN) {
		if (r->re == NULL)
			return fail(p, p->sec_line, 1, "rule %s has no pattern", r->id);
		if (kv_get(p, "trigger", NULL, NULL) == NULL)
			return fail(p, p->sec_line, 1,
				    "pattern rule %s needs trigger = WORD|WORD "
				    "(or * to run everywhere)",
				    r->id);
		if (r->span > vni_regex_groups(r->re))
			return fail(p, p->sec_line, 1, "span %d: the pattern has %d groups",
				    r->span, vni_regex_groups(r->re));
		for (i = 0; i < r->nconds; i++)
			if (r->conds[i].group > vni_regex_groups(r->re))
				return fail(p, p->sec_line, 1,
					    "require.%d: the pattern has %d groups",
					    r->conds[i].group, vni_regex_groups(r->re));
		if ((size_t)vni_regex_groups(r->re) + 1 > p->ctx->packs.maxgroups)
			p->ctx->packs.maxgroups = (size_t)vni_regex_groups(r->re) + 1;
	} else if (r->kind == VNI_KIND_SUBSTITUTION) {
		if (!kv_get(p, "table", NULL, NULL) && !kv_get(p, "entry", NULL, NULL))
			return fail(p, p->sec_line, 1, "rule %s has no table or entry",
				    r->id);
	} else if (!kv_get(p, "forms", NULL, NULL)) {
		return fail(p, p->sec_line, 1, "rule %s has no forms", r->id);
	}
	return 1;
}

static int
finish_list(struct parser *p)
{
	struct vni_packs *pk = &p->ctx->packs;
	struct vni_list *l;
	const char *v;
	char full[300], *copy, *w, *save = NULL, path[4096], low[256];
	size_t line, col, i, n;
	void *pv = pk->list;

	for (i = 0; i < p->nkv; i++)
		if (strcmp(p->kv[i].key, "words") && strcmp(p->kv[i].key, "file"))
			return fail(p, p->kv[i].line, 1, "unknown key '%s' in [list]",
				    p->kv[i].key);
	if (p->pack[0] == '\0')
		return fail(p, p->sec_line, 1, "[list] before [pack] with an id");
	if (!vni_grow(&pv, &pk->caplist, pk->nlist + 1, sizeof(*pk->list)))
		return fail(p, p->sec_line, 1, "out of memory");
	pk->list = pv;
	l = &pk->list[pk->nlist];
	memset(l, 0, sizeof(*l));
	snprintf(full, sizeof(full), "%s:%s", p->pack, p->name);
	l->name = strdup(full);
	if (l->name == NULL)
		return fail(p, p->sec_line, 1, "out of memory");
	pk->nlist++;
	if ((v = kv_get(p, "words", &line, &col)) != NULL) {
		copy = strdup(v);
		if (copy == NULL)
			return fail(p, line, col, "out of memory");
		for (w = strtok_r(copy, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
			w = trim(w);
			n = vni_lower(w, strlen(w), low, sizeof(low));
			if (n && !vni_wordset_add(&l->words, low, n)) {
				free(copy);
				return fail(p, line, col, "out of memory");
			}
		}
		free(copy);
	}
	if ((v = kv_get(p, "file", &line, &col)) != NULL) {
		char err[512];

		snprintf(path, sizeof(path), "%s/%s", p->dir, v);
		if (!vni_wordset_load(&l->words, path, err, sizeof(err)))
			return fail(p, line, col, "%s", err);
	}
	return 1;
}

static int
finish_section(struct parser *p)
{
	size_t i;
	int ok = 1;

	if (p->section == S_PACK) {
		for (i = 0; i < p->nkv; i++) {
			if (strcmp(p->kv[i].key, "id") == 0) {
				if (strlen(p->kv[i].val) >= sizeof(p->pack) ||
				    strspn(p->kv[i].val, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
					    strlen(p->kv[i].val) ||
				    p->kv[i].val[0] == '\0')
					ok = fail(p, p->kv[i].line, p->kv[i].col,
						  "a pack id is lowercase letters, digits and -");
				else
					strcpy(p->pack, p->kv[i].val);
			} else if (strcmp(p->kv[i].key, "description") != 0) {
				ok = fail(p, p->kv[i].line, 1, "unknown key '%s' in [pack]",
					  p->kv[i].key);
			}
		}
	} else if (p->section == S_LIST) {
		ok = finish_list(p);
	} else if (p->section == S_RULE) {
		ok = finish_rule(p);
	}
	kv_clear(p);
	return ok && !p->failed;
}

static int
header(struct parser *p, char *s, size_t line)
{
	size_t n = strlen(s);
	char *name;

	if (s[n - 1] != ']')
		return fail(p, line, n, "a section header ends with ]");
	s[n - 1] = '\0';
	s = trim(s + 1);
	p->sec_line = line;
	p->name[0] = '\0';
	if (strcmp(s, "pack") == 0) {
		p->section = S_PACK;
		return 1;
	}
	name = strchr(s, ' ');
	if (name)
		*name++ = '\0';
	name = name ? trim(name) : (char *)"";
	if (strcmp(s, "list") == 0)
		p->section = S_LIST;
	else if (strcmp(s, "rule") == 0)
		p->section = S_RULE;
	else
		return fail(p, line, 2, "unknown section [%s] (pack, list, rule)", s);
	if (*name == '\0' || strlen(name) >= sizeof(p->name) ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(name))
		return fail(p, line, 2 + strlen(s) + 1,
			    "a %s name is lowercase letters, digits and -", s);
	strcpy(p->name, name);
	return 1;
}

/* Is the valid UTF-8 s NFC as it stands because it only holds code
 * points below U+0300 and of the Latin Extended Additional block (all
 * Vietnamese)? None of them changes under NFC or composes with the one
 * before it. */
static int
surely_nfc(const char *s)
{
	int32_t cp;
	int k;

	for (; *s; s += k) {
		/* never reads past the NUL, which no sequence holds */
		k = vni_utf8_decode((const unsigned char *)s, 4, &cp);
		if (k <= 0 || (cp >= 0x300 && (cp < 0x1E00 || cp > 0x1EFF)))
			return 0;
	}
	return 1;
}

static int
parse_file(vn_ctx *ctx, const char *path, const char *dir, char *err,
	   size_t errsz)
{
	struct parser p;
	FILE *f = fopen(path, "rb");
	char buf[MAX_LINE], *s, *eq, *key;
	utf8proc_uint8_t *nfc;
	size_t line = 0, k;
	void *v;

	memset(&p, 0, sizeof(p));
	p.ctx = ctx;
	p.dir = dir;
	p.err = err;
	p.errsz = errsz;
	p.file = own(ctx, path, strlen(path));
	if (p.file == NULL) {
		snprintf(err, errsz, "out of memory");
		if (f)
			fclose(f);
		return 0;
	}
	if (f == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return 0;
	}
	while (!p.failed && fgets(buf, sizeof(buf), f)) {
		line++;
		if (strlen(buf) == sizeof(buf) - 1 && buf[sizeof(buf) - 2] != '\n') {
			fail(&p, line, 1, "line too long");
			break;
		}
		if ((k = bad_utf8(buf)) != 0) {
			fail(&p, line, k, "invalid UTF-8");
			break;
		}
		if (p.failed)
			break;
		s = trim(buf);
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '[') {
			if (finish_section(&p))
				header(&p, s, line);
			continue;
		}
		eq = strchr(s, '=');
		if (eq == NULL || p.section == S_NONE) {
			fail(&p, line, (size_t)(s - buf) + 1,
			     p.section == S_NONE ? "text before the first [section]"
						 : "expected key = value");
			break;
		}
		*eq = '\0';
		key = trim(s);
		v = p.kv;
		if (!vni_grow(&v, &p.capkv, p.nkv + 1, sizeof(*p.kv))) {
			fail(&p, line, 1, "out of memory");
			break;
		}
		p.kv = v;
		/* Values are matched against NFC text: normalise them
		 * (most are NFC already: copied). */
		nfc = NULL;
		s = trim(eq + 1);
		if (surely_nfc(s)) {
			if ((nfc = (utf8proc_uint8_t *)strdup(s)) == NULL) {
				fail(&p, line, 1, "out of memory");
				break;
			}
		} else if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
					UTF8PROC_NULLTERM | UTF8PROC_STABLE |
						UTF8PROC_COMPOSE) < 0) {
			/* The file is valid UTF-8 (checked): memory ran out. */
			fail(&p, line, 1, "out of memory");
			break;
		}
		p.kv[p.nkv].key = strdup(key);
		p.kv[p.nkv].val = (char *)nfc;
		p.kv[p.nkv].line = line;
		p.kv[p.nkv].col = (size_t)(trim(eq + 1) - buf) + 1;
		if (p.kv[p.nkv].key == NULL) {
			free(nfc);
			fail(&p, line, 1, "out of memory");
			break;
		}
		p.nkv++;
	}
	if (!p.failed && ferror(f))
		fail(&p, line, 1, "read error");
	fclose(f);
	if (!p.failed)
		finish_section(&p);
	kv_clear(&p);
	free(p.kv);
	return !p.failed;
}

static int
is_rules_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 6 && strcmp(e->d_name + n - 6, ".rules") == 0;
}

int
vni_packs_load_dir(vn_ctx *ctx, const char *dir, char *err, size_t errsz)
{
	struct dirent **list = NULL;
	char path[4096];
	int n, i, ok = 1;

	n = scandir(dir, &list, is_rules_file, alphasort);
	if (n < 0) {
		snprintf(err, errsz, "%s: %s", dir, strerror(errno));
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (ok) {
			snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
			ok = parse_file(ctx, path, dir, err, errsz);
		}
		free(list[i]);
	}
	free(list);
	return ok;
}

void
vni_packs_free(vn_ctx *ctx)
{
	struct vni_packs *pk = &ctx->packs;
	size_t i, j;

	for (i = VNI_R_COUNT; i < ctx->nrules; i++) {
		struct vni_ruledef *r = &ctx->rules[i];

		vni_regex_free(r->re);
		for (j = 0; j < r->nanti; j++)
			vni_regex_free(r->anti[j]);
		free(r->anti);
		free(r->sugg);
		free(r->conds);
		free(r->ex);
	}
	for (i = 0; i < pk->nphrase; i++) {
		for (j = 0; j < pk->phrase[i].nconds; j++)
			free(pk->phrase[i].conds[j].alt);
		free(pk->phrase[i].conds);
		free(pk->phrase[i].fix);
	}
	free(pk->phrase);
	free(pk->group);
	for (i = 0; i < pk->nlist; i++) {
		free(pk->list[i].name);
		vni_wordset_free(&pk->list[i].words);
	}
	free(pk->list);
	vni_mm_free(&pk->by_syllable);
	vni_mm_free(&pk->by_trigger);
	free(pk->always);
	for (i = 0; i < pk->nowned; i++)
		free(pk->owned[i]);
	free(pk->owned);
	memset(pk, 0, sizeof(*pk));
}
