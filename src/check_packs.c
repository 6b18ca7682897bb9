/* SPDX-License-Identifier: MIT */
/*
 * The rules of the loaded packs. Each word of a block is looked up once in
 * two indexes: first syllables of table rows and consistency spellings,
 * and trigger words of pattern rules. Only the candidates found are tried,
 * so the cost per word does not grow with the number of rules.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

#define MSG_MAX 1024
#define SUGG_MAX 4

/* --------------------------------------------------------------- case */

/* Give repl the case of orig: ALL CAPS, a capital first letter, or as is. */
void
vni_apply_case(const char *orig, size_t olen, const char *repl, char *out,
	   size_t cap)
{
	size_t i = 0, o = 0, n = strlen(repl), upper = 0, lower = 0;
	int32_t cp, first = 0;
	int k, all, title;
	char enc[4];

	while (i < olen) {
		k = vni_utf8_decode((const unsigned char *)orig + i, olen - i, &cp);
		if (k <= 0)
			break;
		if (i == 0)
			first = cp;
		if (utf8proc_tolower(cp) != cp)
			upper++;
		else if (utf8proc_toupper(cp) != cp)
			lower++;
		i += (size_t)k;
	}
	all = upper >= 2 && lower == 0;
	title = !all && first && utf8proc_tolower(first) != first;
	for (i = 0; i < n;) {
		k = vni_utf8_decode((const unsigned char *)repl + i, n - i, &cp);
		if (k <= 0)
			break;
		if (all || (title && i == 0))
			cp = utf8proc_toupper(cp);
		i += (size_t)k;
		k = vni_utf8_encode(cp, enc);
		if (o + (size_t)k >= cap)
			break;
		memcpy(out + o, enc, (size_t)k);
		o += (size_t)k;
	}
	out[o] = '\0';
}

/* ------------------------------------------------------------ messages */

/* Expand {match}, {suggestion}, {note} and {1}..{9} in a template. */
void
vni_fill_template(const char *t, const struct vni_fill *f, char *out, size_t cap)
{
	size_t o = 0, n;
	const char *val;
	char num[2] = {0, 0};
	int g;

	while (*t && o + 1 < cap) {
		val = NULL;
		n = 0;
		if (strncmp(t, "{match}", 7) == 0) {
			val = f->match;
			n = f->match_len;
			t += 7;
		} else if (strncmp(t, "{suggestion}", 12) == 0) {
			val = f->suggestion ? f->suggestion : "";
			n = strlen(val);
			t += 12;
		} else if (strncmp(t, "{note}", 6) == 0) {
			val = f->note ? f->note : "";
			n = strlen(val);
			t += 6;
		} else if (t[0] == '{' && t[1] >= '1' && t[1] <= '9' && t[2] == '}') {
			num[0] = t[1];
			g = atoi(num);
			if (f->ovec && g < f->npairs && f->ovec[2 * g] != (size_t)-1) {
				val = f->text + f->ovec[2 * g];
				n = f->ovec[2 * g + 1] - f->ovec[2 * g];
			} else {
				val = "";
			}
			t += 3;
		}
		if (val == NULL) {
			out[o++] = *t++;
			continue;
		}
		if (o + n >= cap)
			n = cap - o - 1;
		memcpy(out + o, val, n);
		o += n;
	}
	out[o] = '\0';
}

static const char *
template_of(const struct vni_block *b, size_t rule)
{
	return b->ctx->rules[rule].message[b->ctx->lang == VN_LANG_VI];
}

/* ------------------------------------------------------- table phrases */

/* Word tokens a phrase may cover: no digits, no code, not damaged. */
static int
wordlike(const struct vni_token *t)
{
	return t->kind == VNI_TK_WORD &&
	       !(t->flags & (VNI_TF_HAS_DIGIT | VNI_TF_CODE | VNI_TF_BAD_CHAR));
}

/* The matching key of token t: lowercase, in the reformed tone placement
 * unless exact; 0 if none. */
static size_t
token_key(const struct vni_block *b, const struct vni_token *t, int exact,
	  char *out, size_t cap)
{
	char low[64];
	size_t n;

	if (!exact)
		return vni_token_reformed(b, t, out, cap);
	n = vni_token_lower(b, t, low, sizeof(low));
	return n && n < cap ? (memcpy(out, low, n + 1), n) : 0;
}

/* The word after token i on the same line, past exactly one space. */
static size_t
next_word(const struct vni_tokens *t, size_t i)
{
	if (i + 2 < t->n && t->v[i + 1].kind == VNI_TK_SPACE &&
	    wordlike(&t->v[i + 2]))
		return i + 2;
	return (size_t)-1;
}

static size_t
prev_word(const struct vni_tokens *t, size_t i)
{
	if (i >= 2 && t->v[i - 1].kind == VNI_TK_SPACE && wordlike(&t->v[i - 2]))
		return i - 2;
	return (size_t)-1;
}

/* Do the words from token i on (step +1 forward, -1 backward) spell the
 * syllables of key? For backward, key is compared from its last syllable. */
static int
words_are(const struct vni_block *b, size_t i, const char *key, int forward,
	  int exact)
{
	const struct vni_tokens *t = b->toks;
	char k[64];
	size_t n, len = strlen(key), pos = forward ? 0 : len, s, e;

	while (1) {
		if (forward) {
			s = pos;
			e = s;
			while (e < len && key[e] != ' ')
				e++;
		} else {
			e = pos;
			s = e;
			while (s > 0 && key[s - 1] != ' ')
				s--;
		}
		if (i == (size_t)-1)
			return 0;
		n = token_key(b, &t->v[i], exact, k, sizeof(k));
		if (n != e - s || memcmp(k, key + s, n) != 0)
			return 0;
		if (forward ? e >= len : s == 0)
			return 1;
		pos = forward ? e + 1 : s - 1;
		i = forward ? next_word(t, i) : prev_word(t, i);
	}
}

/* Does phrase p match at tokens i.. ? Returns its last token or -1. */
static size_t
match_phrase(const struct vni_block *b, const struct vni_phrase *p, size_t i)
{
	const struct vni_tokens *t = b->toks;
	size_t last = i, k;

	if (!words_are(b, i, p->syl, 1, p->kind == VNI_PHRASE_FORM))
		return (size_t)-1;
	for (k = 1; k < p->nsyl; k++)
		last = next_word(t, last);
	return last;
}

static int
context_ok(const struct vni_block *b, const struct vni_phrase *p, size_t first,
	   size_t last)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_ctxcond *c;
	size_t i, a;
	int hit;

	for (i = 0; i < p->nconds; i++) {
		c = &p->conds[i];
		hit = 0;
		for (a = 0; a < c->nalt && !hit; a++) {
			if (c->kind == VNI_CTX_BEFORE || c->kind == VNI_CTX_NOT_BEFORE)
				hit = words_are(b, prev_word(t, first), c->alt[a], 0, 0);
			else
				hit = words_are(b, next_word(t, last), c->alt[a], 1, 0);
		}
		if (hit != (c->kind == VNI_CTX_BEFORE || c->kind == VNI_CTX_AFTER))
			return 0;
	}
	return 1;
}

static void
report_entry(struct vni_block *b, const struct vni_phrase *p, size_t first,
	     size_t last)
{
	const struct vni_token *a = &b->toks->v[first], *z = &b->toks->v[last];
	char fixed[SUGG_MAX][256], msg[MSG_MAX];
	const char *sugg[SUGG_MAX + 1];
	struct vni_fill f;
	size_t i, n = p->nfix < SUGG_MAX ? p->nfix : SUGG_MAX;

	for (i = 0; i < n; i++) {
		vni_apply_case(b->text + a->off, z->off + z->len - a->off, p->fix[i],
			   fixed[i], sizeof(fixed[i]));
		sugg[i] = fixed[i];
	}
	sugg[n] = NULL;
	memset(&f, 0, sizeof(f));
	f.match = b->text + a->off;
	f.match_len = z->off + z->len - a->off;
	f.suggestion = n ? fixed[0] : NULL;
	f.note = p->note;
	vni_fill_template(template_of(b, p->rule), &f, msg, sizeof(msg));
	vni_report_msg(b, p->rule, a->off, z->off + z->len - a->off, sugg, msg);
}

static void
note_form(struct vni_block *b, size_t phrase, size_t first, size_t last)
{
	const struct vni_phrase *p = &b->ctx->packs.phrase[phrase];
	const struct vni_token *a = &b->toks->v[first], *z = &b->toks->v[last];
	struct vni_finding *f;

	/* The message is written at the end, when the majority is known. */
	f = vni_report_msg(b, p->rule, a->off, z->off + z->len - a->off, NULL, "");
	if (f != NULL) {
		f->pending = 1;
		f->group = p->group;
		f->form = phrase;
	}
}

/* At word i: the longest table row of each rule, and every spelling of a
 * consistency group, that starts here. */
static void
phrases_at(struct vni_block *b, size_t i, const char *low, size_t n)
{
	const struct vni_packs *pk = &b->ctx->packs;
	const struct vni_phrase *p, *best = NULL;
	size_t last, best_last = 0;
	uint32_t it;

	for (it = vni_mm_first(&pk->by_syllable, low, n); it != VNI_MM_END;
	     it = pk->by_syllable.next[it]) {
		p = &pk->phrase[pk->by_syllable.val[it]];
		if (!b->ctx->enabled[p->rule])
			continue;
		last = match_phrase(b, p, i);
		if (last == (size_t)-1)
			continue;
		if (p->kind == VNI_PHRASE_FORM) {
			note_form(b, (size_t)(p - pk->phrase), i, last);
			continue;
		}
		if (!context_ok(b, p, i, last))
			continue;
		/* Longest wins; among equals, the first loaded row. */
		if (best == NULL || last > best_last ||
		    (last == best_last && p < best)) {
			best = p;
			best_last = last;
		}
	}
	if (best != NULL)
		report_entry(b, best, i, best_last);
}

/* ------------------------------------------------------------ patterns */

static int
group_ok(struct vni_block *b, const struct vni_ruledef *r, const size_t *ov,
	 int npairs)
{
	const struct vni_cond *c;
	char low[128];
	size_t i, n;
	int in;

	for (i = 0; i < r->nconds; i++) {
		c = &r->conds[i];
		if (c->group >= npairs || ov[2 * c->group] == (size_t)-1)
			return 0;
		n = vni_lower(b->text + ov[2 * c->group],
			      ov[2 * c->group + 1] - ov[2 * c->group], low, sizeof(low));
		switch (c->kind) {
		case VNI_COND_SYL:
		case VNI_COND_NOT_SYL:
			in = n && vni_known_syllable(b->ctx, low, n);
			if (in != (c->kind == VNI_COND_SYL))
				return 0;
			break;
		default:
			in = n && vni_wordset_has(&b->ctx->packs.list[c->list].words,
						  low, n);
			if (in != (c->kind == VNI_COND_LIST))
				return 0;
		}
	}
	return 1;
}

/* Does an antipattern of r match anywhere overlapping [s, e)? */
static int
vetoed(struct vni_block *b, const struct vni_ruledef *r, size_t s, size_t e)
{
	size_t ov[2], start, i;
	int rc;

	for (i = 0; i < r->nanti; i++) {
		/* Start far enough back for the antipattern to cover s. */
		start = s > 200 ? s - 200 : 0;
		while (start > 0 && ((unsigned char)b->text[start] & 0xC0) == 0x80)
			start--;
		while ((rc = vni_regex_match(r->anti[i], b->text, b->len, start, ov,
					     1)) > 0) {
			if (ov[0] > e)
				break;
			if (ov[0] < e && ov[1] > s)
				return 1;
			start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			if (start >= b->len)
				break;
		}
	}
	return 0;
}

static void
run_pattern(struct vni_block *b, size_t rule)
{
	const struct vni_ruledef *r = &b->ctx->rules[rule];
	size_t *ov = b->doc->ovec, start = 0, s, e, i, n;
	char sugg[SUGG_MAX][256], msg[MSG_MAX], raw[256];
	const char *sv[SUGG_MAX + 1];
	struct vni_fill f;
	int rc, maxpairs = (int)b->ctx->packs.maxgroups;

	while (start <= b->len) {
		rc = vni_regex_match(r->re, b->text, b->len, start, ov, maxpairs);
		if (rc == 0)
			break;
		if (rc < 0) {
			vni_report(b, VNI_R_REGEX_LIMIT, start, 0, NULL,
				   "rule %s stopped: its pattern hit the match limit "
				   "in this paragraph",
				   "quy tắc %s dừng: mẫu vượt giới hạn so khớp trong "
				   "đoạn này",
				   r->id);
			break;
		}
		/* Never loop on an empty match. */
		if (ov[1] > ov[0]) {
			start = ov[1];
		} else {
			start = ov[0] + 1;
			while (start < b->len &&
			       ((unsigned char)b->text[start] & 0xC0) == 0x80)
				start++;
		}
		if (r->span >= rc || ov[2 * r->span] == (size_t)-1)
			continue;
		s = ov[2 * r->span];
		e = ov[2 * r->span + 1];
		if (e == s || !group_ok(b, r, ov, rc) || vetoed(b, r, s, e))
			continue;
		memset(&f, 0, sizeof(f));
		f.match = b->text + s;
		f.match_len = e - s;
		f.text = b->text;
		f.ovec = ov;
		f.npairs = rc;
		n = r->nsugg < SUGG_MAX ? r->nsugg : SUGG_MAX;
		for (i = 0; i < n; i++) {
			/* $1..$9 in a suggestion take the groups' text. */
			size_t o = 0;
			const char *t = r->sugg[i];

			while (*t && o + 1 < sizeof(raw)) {
				if (t[0] == '$' && t[1] >= '0' && t[1] <= '9') {
					int g = t[1] - '0';
					size_t gl;

					if (g < rc && ov[2 * g] != (size_t)-1) {
						gl = ov[2 * g + 1] - ov[2 * g];
						if (o + gl >= sizeof(raw))
							gl = sizeof(raw) - o - 1;
						memcpy(raw + o, b->text + ov[2 * g], gl);
						o += gl;
					}
					t += 2;
				} else {
					raw[o++] = *t++;
				}
			}
			raw[o] = '\0';
			vni_apply_case(b->text + s, e - s, raw, sugg[i], sizeof(sugg[i]));
			sv[i] = sugg[i];
		}
		sv[n] = NULL;
		f.suggestion = n ? sugg[0] : NULL;
		vni_fill_template(template_of(b, rule), &f, msg, sizeof(msg));
		vni_report_msg(b, rule, s, e - s, sv, msg);
	}
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

void
vni_check_packs(struct vni_block *b)
{
	const struct vni_packs *pk = &b->ctx->packs;
	const struct vni_tokens *t = b->toks;
	struct vni_doc *d = b->doc;
	size_t i, n, nrun = 0, *run = NULL, r;
	char low[64];
	uint32_t it;

	if (pk->nphrase == 0 && pk->by_trigger.n == 0 && pk->nalways == 0)
		return;
	for (i = 0; i < t->n; i++) {
		if (!wordlike(&t->v[i]))
			continue;
		n = vni_token_lower(b, &t->v[i], low, sizeof(low));
		if (n == 0)
			continue;
		phrases_at(b, i, low, n);
		/* Pattern rules run once per block if a trigger occurs. */
		for (it = vni_mm_first(&pk->by_trigger, low, n); it != VNI_MM_END;
		     it = pk->by_trigger.next[it]) {
			r = pk->by_trigger.val[it];
			if (d->stamp[r] == d->serial || !b->ctx->enabled[r])
				continue;
			d->stamp[r] = d->serial;
			if ((nrun & (nrun - 1)) == 0) {
				size_t *nr = realloc(run, (nrun ? 2 * nrun : 1) *
								  sizeof(*run));

				if (nr == NULL) {
					b->failed = 1;
					free(run);
					return;
				}
				run = nr;
			}
			run[nrun++] = r;
		}
	}
	/* Deterministic order: by rule, the order of loading. */
	if (nrun > 1)
		qsort(run, nrun, sizeof(*run), cmp_size);
	for (i = 0; i < pk->nalways; i++)
		if (b->ctx->enabled[pk->always[i]])
			run_pattern(b, pk->always[i]);
	for (i = 0; i < nrun; i++)
		run_pattern(b, run[i]);
	free(run);
}
