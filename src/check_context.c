/* SPDX-License-Identifier: MIT */
/*
 * context/unlikely-syllable: a valid syllable that is improbable between
 * its neighbours when one of its confusion candidates ("để" for "đế") is
 * much more probable on both sides, by the syllable bigram model.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A candidate must have been seen this often in training. */
#define MIN_CANDIDATE_COUNT 3
#define MAX_CANDIDATES 64
/* The model judges only text it knows: in a paragraph of at least
 * COVERAGE_PAIRS word pairs, at least this share must have been seen in
 * training. Below it (news text against a model of software manuals, say)
 * its "unlikely" says more about the model than about the text. */
#define MIN_COVERAGE 0.60
#define COVERAGE_PAIRS 8

#define SKIP_FLAGS                                                            \
	(VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_CODE | VNI_TF_HYPHENATED | \
	 VNI_TF_DOTTED | VNI_TF_MIXED_CASE | VNI_TF_NOT_VN_LETTER |             \
	 VNI_TF_BAD_CHAR)

/* One position of the word sequence: a word, or a boundary (<s>). */
struct slot {
	size_t tok;   /* token index, or (size_t)-1 for a boundary */
	uint32_t id;  /* model word id as a neighbour (<unk> if unseen) */
	uint32_t self; /* its own id, VNI_NO_WORD if the model never saw it */
	int eligible; /* a syllable the detector may question */
};

/* The model's key of a token: lowercase, reformed placement. */
static size_t
key_of(const struct vni_block *b, const struct vni_token *tk, char *out,
       size_t cap)
{
	char low[64];
	size_t n = vni_token_lower(b, tk, low, sizeof(low));

	if (n == 0 || vni_syllable_parse(low, n, NULL) != VNI_SYL_VALID)
		return 0;
	return vni_syllable_restyle(low, n, VNI_STYLE_REFORMED, out, cap);
}

/* Past this many cached words stop caching: memory stays bounded. */
#define ID_CACHE_MAX 200000
#define NOT_SYLLABLE (VNI_NO_WORD - 1)

/* The model id of a token (VNI_NO_WORD if unseen, NOT_SYLLABLE if it is
 * no syllable), cached per lowercase spelling: after the first page, one
 * hash probe per word. */
static uint32_t
token_id(const struct vni_block *b, const struct vni_token *tk)
{
	vn_ctx *ctx = b->ctx;
	char low[64], key[64];
	size_t n = vni_token_lower(b, tk, low, sizeof(low)), kn;
	uint32_t it, id;

	if (n == 0)
		return NOT_SYLLABLE;
	it = vni_mm_first(&ctx->id_cache, low, n);
	if (it != VNI_MM_END)
		return ctx->id_cache.val[it];
	kn = key_of(b, tk, key, sizeof(key));
	id = kn ? vni_model_id(ctx->model, key, kn) : NOT_SYLLABLE;
	if (ctx->id_cache.n < ID_CACHE_MAX)
		(void)vni_mm_add(&ctx->id_cache, low, n, id);
	return id;
}

/* Candidate ids of word w (cached in the context per word). */
static size_t
candidates(vn_ctx *ctx, const char *w, size_t n, uint32_t *out, size_t max)
{
	const vn_model *m = ctx->model;
	char cand[MAX_CANDIDATES][VNI_CAND_LEN];
	uint32_t it, id;
	size_t i, k = 0, got;

	it = vni_mm_first(&ctx->cand_cache, w, n);
	if (it == VNI_MM_END) {
		got = vni_confusions(w, n, ctx->profile, cand, MAX_CANDIDATES);
		/* A marker, so that "no candidates" is cached too. */
		if (!vni_mm_add(&ctx->cand_cache, w, n, VNI_NO_WORD))
			return 0;
		for (i = 0; i < got; i++) {
			id = vni_model_id(m, cand[i], strlen(cand[i]));
			if (id != VNI_NO_WORD &&
			    vni_model_count(m, id) >= MIN_CANDIDATE_COUNT)
				(void)vni_mm_add(&ctx->cand_cache, w, n, id);
		}
		it = vni_mm_first(&ctx->cand_cache, w, n);
	}
	for (; it != VNI_MM_END && k < max; it = ctx->cand_cache.next[it])
		if (ctx->cand_cache.val[it] != VNI_NO_WORD)
			out[k++] = ctx->cand_cache.val[it];
	return k;
}

static void
judge(struct vni_block *b, const struct slot *s, size_t j, size_t n)
{
	vn_ctx *ctx = b->ctx;
	const vn_model *m = ctx->model;
	const struct vni_token *tk = &b->toks->v[s[j].tok];
	uint32_t w = s[j].self, l = j ? s[j - 1].id : vni_model_sentence(m);
	uint32_t r = j + 1 < n ? s[j + 1].id : vni_model_sentence(m);
	uint32_t cand[MAX_CANDIDATES], best = VNI_NO_WORD;
	double base_l, base_r, gl, gr, gain, best_gain = 0;
	char key[64], fixed[96], styled[96];
	const char *sugg[2] = {fixed, NULL};
	size_t k, nc, kn;
	struct vni_syllable syl;

	if (l == vni_model_sentence(m) && r == vni_model_sentence(m))
		return; /* no context at all */
	/* A word seen with either neighbour is plausible there; only a word
	 * the model has never seen beside them is questioned. */
	if (vni_model_bigram(m, l, w) >= 1 || vni_model_bigram(m, w, r) >= 1)
		return;
	kn = key_of(b, tk, key, sizeof(key));
	if (kn == 0)
		return;
	nc = candidates(ctx, key, kn, cand, MAX_CANDIDATES);
	if (nc == 0)
		return;
	base_l = vni_model_logprob(m, l, w);
	base_r = vni_model_logprob(m, w, r);
	for (k = 0; k < nc; k++) {
		/* Evidence, not smoothing: the candidate must have been seen
		 * with both neighbours. Out of the training domain this keeps
		 * rare but correct words ("chủ tịch") from losing to common
		 * ones. */
		if (vni_model_bigram(m, l, cand[k]) == 0 ||
		    vni_model_bigram(m, cand[k], r) == 0)
			continue;
		gl = vni_model_logprob(m, l, cand[k]) - base_l;
		gr = vni_model_logprob(m, cand[k], r) - base_r;
		/* Better on both sides, not only on one. */
		if (gl <= 0 || gr <= 0)
			continue;
		gain = gl + gr;
		if (gain > best_gain) {
			best_gain = gain;
			best = cand[k];
		}
	}
	if (best == VNI_NO_WORD || best_gain < ctx->threshold)
		return;
	/* The suggestion in the writer's tone placement and case. */
	snprintf(styled, sizeof(styled), "%s", vni_model_word(m, best));
	if (vni_syllable_parse(b->text + tk->off, tk->len, &syl) == VNI_SYL_VALID &&
	    syl.styles == VNI_STYLE_TRADITIONAL &&
	    vni_syllable_restyle(vni_model_word(m, best), strlen(vni_model_word(m, best)),
				 VNI_STYLE_TRADITIONAL, styled, sizeof(styled)) == 0)
		snprintf(styled, sizeof(styled), "%s", vni_model_word(m, best));
	vni_apply_case(b->text + tk->off, tk->len, styled, fixed, sizeof(fixed));
	vni_report(b, VNI_R_UNLIKELY_SYLLABLE, tk->off, tk->len, sugg,
		   "\"%.*s\" is unlikely here; \"%s\" fits the context better "
		   "(log-likelihood ratio %.1f)",
		   "\"%.*s\" khó xuất hiện ở đây; \"%s\" hợp ngữ cảnh hơn "
		   "(tỉ số log-hợp lý %.1f)",
		   (int)tk->len, b->text + tk->off, fixed, best_gain);
}

/* Has the model seen enough of this paragraph's word pairs to judge? */
static int
covered(const vn_model *m, const struct slot *s, size_t n)
{
	size_t i, pairs = 0, seen = 0;

	for (i = 1; i < n; i++) {
		if (s[i].tok == (size_t)-1 || s[i - 1].tok == (size_t)-1)
			continue;
		pairs++;
		seen += vni_model_bigram(m, s[i - 1].id, s[i].id) > 0;
	}
	return pairs < COVERAGE_PAIRS || (double)seen >= MIN_COVERAGE * (double)pairs;
}

static int
capital_follows(const struct vni_tokens *t, size_t i)
{
	size_t j = vni_next_nonspace(t, i);

	return j != (size_t)-1 && t->v[j].kind == VNI_TK_WORD &&
	       (t->v[j].flags & VNI_TF_UPPER_FIRST);
}

void
vni_check_context(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const vn_model *m = b->ctx->model;
	const struct vni_token *tk;
	struct slot *s;
	size_t i, n = 0;
	uint32_t id;

	if (m == NULL || !vni_rule_on(b, VNI_R_UNLIKELY_SYLLABLE) || t->n == 0)
		return;
	s = malloc(t->n * sizeof(*s));
	if (s == NULL) {
		b->failed = 1;
		return;
	}
	/* The word sequence as the model saw it in training: punctuation
	 * and line breaks are boundaries, non-syllables <unk>. */
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind == VNI_TK_SPACE)
			continue;
		if (tk->kind != VNI_TK_WORD) {
			if (n && s[n - 1].tok != (size_t)-1) {
				s[n].tok = (size_t)-1;
				s[n].id = s[n].self = vni_model_sentence(m);
				s[n++].eligible = 0;
			}
			continue;
		}
		s[n].tok = i;
		s[n].eligible = 0;
		id = (tk->flags & SKIP_FLAGS) ? NOT_SYLLABLE : token_id(b, tk);
		s[n].self = id == NOT_SYLLABLE ? VNI_NO_WORD : id;
		s[n].id = s[n].self == VNI_NO_WORD ? vni_model_unknown(m) : s[n].self;
		/* A capital inside a sentence is a name, and so is a capital
		 * followed by another ("Cà Mau"): not questioned. */
		s[n].eligible = id != NOT_SYLLABLE &&
				(!(tk->flags & VNI_TF_UPPER_FIRST) ||
				 (vni_at_sentence_start(t, i) && !capital_follows(t, i)));
		n++;
	}
	if (covered(m, s, n))
		for (i = 0; i < n; i++)
			if (s[i].eligible)
				judge(b, s, i, n);
	free(s);
}
