/* SPDX-License-Identifier: MIT */
/* repetition/duplicate-syllable: "né tránh tránh", "phân phối phối hợp". */
#include <string.h>

#include "internal.h"

#define SKIP_FLAGS                                                            \
	(VNI_TF_HAS_DIGIT | VNI_TF_CODE | VNI_TF_BAD_CHAR | VNI_TF_ALL_CAPS |   \
	 VNI_TF_MIXED_CASE | VNI_TF_NOT_VN_LETTER)

/* A repeat is the same word written the same way, or a sentence-initial
 * capital followed by lower case ("Luôn luôn"). "dân Dân chủ" starts a
 * name, "tên TÊN" pairs a word with a placeholder: not repeats. */
static int
same_case_shape(const struct vni_tokens *t, size_t i, size_t j)
{
	unsigned a = t->v[i].flags & VNI_TF_UPPER_FIRST;
	unsigned z = t->v[j].flags & VNI_TF_UPPER_FIRST;

	if (!a && !z)
		return 1;
	return a && !z && vni_at_sentence_start(t, i);
}

/* Vietnamese words only: an unmarked word must be an attested syllable,
 * so "help help" in a command line is left alone. */
static int
vietnamese(struct vni_block *b, const struct vni_token *tk, const char *low,
	   size_t n)
{
	return (tk->flags & VNI_TF_VN_MARK) || vni_known_syllable(b->ctx, low, n);
}

/* The next word after token i if only spaces and at most one line break
 * separate them (a repeat across a hard line wrap is still a repeat). */
static size_t
next_word(const struct vni_tokens *t, size_t i)
{
	size_t j = vni_next_nonspace(t, i);

	if (j != (size_t)-1 && t->v[j].kind == VNI_TK_NEWLINE)
		j = vni_next_nonspace(t, j);
	if (j == (size_t)-1 || t->v[j].kind != VNI_TK_WORD)
		return (size_t)-1;
	return j;
}

/* Is the repeat at tokens i..last flanked by words on both sides, within
 * one line ("phân phối phối hợp")? Then each copy may belong to a word. */
static int
between_words(const struct vni_tokens *t, size_t i, size_t last)
{
	size_t p = i > 0 ? i - 1 : (size_t)-1;
	size_t n = last + 1;

	if (p == (size_t)-1 || n >= t->n || t->v[p].kind != VNI_TK_SPACE ||
	    t->v[n].kind != VNI_TK_SPACE || p == 0 || n + 1 >= t->n)
		return 0;
	return t->v[p - 1].kind == VNI_TK_WORD && t->v[n + 1].kind == VNI_TK_WORD;
}

void
vni_check_repetition(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *a, *z;
	char la[128], lz[128], pair[260], keep[128];
	const char *sugg[2] = {NULL, NULL};
	size_t i, j, last, na, nz, count;
	int function_word;

	if (!vni_rule_on(b, VNI_R_DUPLICATE_SYLLABLE) &&
	    !vni_rule_on(b, VNI_R_OVERLAPPING_WORDS))
		return;
	for (i = 0; i < t->n; i++) {
		a = &t->v[i];
		if (a->kind != VNI_TK_WORD || (a->flags & SKIP_FLAGS))
			continue;
		j = next_word(t, i);
		if (j == (size_t)-1 || (t->v[j].flags & SKIP_FLAGS))
			continue;
		na = vni_token_lower(b, a, la, sizeof(la));
		nz = vni_token_lower(b, &t->v[j], lz, sizeof(lz));
		if (na == 0 || na != nz || memcmp(la, lz, na) != 0 ||
		    !same_case_shape(t, i, j) || !vietnamese(b, a, la, na))
			continue;
		function_word = vni_wordset_has(&b->ctx->lex.function_words, la, na);
		memcpy(pair, la, na);
		pair[na] = ' ';
		memcpy(pair + na + 1, la, na);
		if (!function_word &&
		    vni_wordset_has(&b->ctx->lex.reduplication, pair, 2 * na + 1))
			continue;
		/* Take the whole run: "X X X" is one finding. */
		last = j;
		count = 2;
		for (;;) {
			size_t k = next_word(t, last);

			if (k == (size_t)-1 || (t->v[k].flags & SKIP_FLAGS) ||
			    (t->v[k].flags & VNI_TF_UPPER_FIRST) ||
			    vni_token_lower(b, &t->v[k], lz, sizeof(lz)) != na ||
			    memcmp(la, lz, na) != 0)
				break;
			last = k;
			count++;
		}
		z = &t->v[last];
		if (a->len >= sizeof(keep))
			continue;
		/* The fix keeps the first copy as written. */
		memcpy(keep, b->text + a->off, a->len);
		keep[a->len] = '\0';
		sugg[0] = keep;
		if (!function_word && count == 2 && between_words(t, i, last))
			vni_report(b, VNI_R_OVERLAPPING_WORDS, a->off,
				   z->off + z->len - a->off, sugg,
				   "syllable \"%s\" repeated between two words: "
				   "one copy too many, unless two words share it",
				   "âm tiết \"%s\" lặp giữa hai từ: thừa một bản, "
				   "trừ khi hai từ dùng chung",
				   keep);
		else
			vni_report(b, VNI_R_DUPLICATE_SYLLABLE, a->off,
				   z->off + z->len - a->off, sugg,
				   function_word
					   ? "function word \"%s\" repeated %zu times"
					   : "syllable \"%s\" repeated %zu times",
				   function_word ? "hư từ \"%s\" bị lặp %zu lần"
						 : "âm tiết \"%s\" bị lặp %zu lần",
				   keep, count);
		i = last;
	}
}
