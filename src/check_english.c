/* SPDX-License-Identifier: MIT */
/* mt/stray-english: an English function word left inside a Vietnamese
 * sentence by machine translation ("By so sánh với ..."). */
#include "internal.h"

#define SKIP_FLAGS                                                            \
	(VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_CODE | VNI_TF_DOTTED |    \
	 VNI_TF_MIXED_CASE | VNI_TF_ABBREV | VNI_TF_HYPHENATED |              \
	 VNI_TF_BAD_CHAR)

/* How far to look on each side for the language of the surroundings. */
#define WINDOW 3

enum lang_kind { L_NONE, L_VIETNAMESE, L_AMBIGUOUS, L_LATIN };

/* A word with Vietnamese marks is Vietnamese; an unmarked ASCII word is
 * ambiguous if it is an attested syllable ("so", "the"), Latin otherwise. */
static enum lang_kind
word_lang(struct vni_block *b, const struct vni_token *tk)
{
	char low[64];
	size_t n;

	if (tk->kind != VNI_TK_WORD)
		return tk->kind == VNI_TK_NUMBER ? L_NONE : L_LATIN;
	/* Placeholders (TÊN, CÁC;CÂU;LỆNH), codes and identifiers belong
	 * to command syntax, not to a Vietnamese sentence. */
	if (tk->flags & (VNI_TF_ALL_CAPS | VNI_TF_HAS_DIGIT | VNI_TF_CODE |
			 VNI_TF_NOT_VN_LETTER))
		return L_LATIN;
	if (tk->flags & VNI_TF_VN_MARK)
		return L_VIETNAMESE;
	n = vni_token_lower(b, tk, low, sizeof(low));
	if (n && vni_known_syllable(b->ctx, low, n))
		return L_AMBIGUOUS;
	return L_LATIN;
}

/* Count the languages of up to WINDOW words on one side of token i within
 * its sentence; step is +1 or -1. Returns 0 if a Latin word is adjacent. */
static int
survey(struct vni_block *b, size_t i, int step, int *vn)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	size_t j = i, seen = 0;
	enum lang_kind k;

	while (seen < WINDOW) {
		j = step > 0 ? vni_next_nonspace(t, j) : vni_prev_nonspace(t, j);
		if (j == (size_t)-1)
			break;
		tk = &t->v[j];
		if (tk->kind == VNI_TK_NEWLINE || vni_sentence_final(tk))
			break;
		if (tk->kind == VNI_TK_PUNCT)
			continue;
		k = word_lang(b, tk);
		if (k == L_LATIN && seen < 2)
			return 0; /* inside a run of Latin-script text */
		if (k == L_VIETNAMESE)
			(*vn)++;
		seen++;
	}
	return 1;
}

/* A word in quotes or brackets is mentioned, not used: 'lệnh "make"'. */
static int
quoted(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *p = i > 0 ? &t->v[i - 1] : NULL;
	const struct vni_token *n = i + 1 < t->n ? &t->v[i + 1] : NULL;

	return p && n && p->kind == VNI_TK_PUNCT && n->kind == VNI_TK_PUNCT &&
	       (p->cp == '"' || p->cp == 0x201C || p->cp == '\'' ||
		p->cp == 0x2018 || p->cp == '(' || p->cp == '[' ||
		p->cp == 0xAB || p->cp == '<' || p->cp == '*' || p->cp == '_');
}

void
vni_check_english(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	char low[64];
	size_t i, n;
	int vn, vn_left;

	if (!vni_rule_on(b, VNI_R_STRAY_ENGLISH))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_ASCII) ||
		    (tk->flags & SKIP_FLAGS) || tk->len < 2)
			continue;
		/* A capital inside a sentence marks a name: Bill, Rose. */
		if ((tk->flags & VNI_TF_UPPER_FIRST) && !vni_at_sentence_start(t, i))
			continue;
		/* Only closed-class words: English nouns and verbs are loan
		 * words in technical Vietnamese ("web", "byte", "commit"). */
		n = vni_token_lower(b, tk, low, sizeof(low));
		if (n == 0 ||
		    !vni_wordset_has(&b->ctx->lex.english_function, low, n) ||
		    vni_wordset_has(&b->ctx->lex.latin_words, low, n))
			continue;
		if (word_lang(b, tk) != L_LATIN || quoted(t, i))
			continue;
		/* Vietnamese on both sides, or, for the first word of a
		 * sentence ("By so sánh"), clearly on the right. */
		vn = vn_left = 0;
		if (!survey(b, i, -1, &vn_left) || !survey(b, i, +1, &vn))
			continue;
		if (vni_at_sentence_start(t, i) ? vn < 2 : (vn < 1 || vn_left < 1))
			continue;
		if (!vni_dict_en_has(b->ctx->dict, b->text + tk->off, tk->len))
			continue;
		vni_report(b, VNI_R_STRAY_ENGLISH, tk->off, tk->len, NULL,
			   "English function word \"%.*s\" inside Vietnamese text",
			   "hư từ tiếng Anh \"%.*s\" lẫn trong văn bản tiếng Việt",
			   (int)tk->len, b->text + tk->off);
	}
}
