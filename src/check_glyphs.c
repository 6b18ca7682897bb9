/* SPDX-License-Identifier: MIT */
/* ocr/digit-in-word: OCR reads a letter as the digit drawn like it
 * ("tr0ng", "1ỗi", "m1nh"). Only 0 (o) and 1 (l or i) are read back; a
 * digit elsewhere is a code, a unit or a model name ("5G", "3D", "x86"). */
#include <string.h>

#include "internal.h"

/* The word with its digit read as letter, lowercased, into out; 0 when it
 * does not make a known Vietnamese syllable. */
static size_t
read_back(vn_ctx *ctx, const char *s, size_t n, size_t at, char letter,
	  char *out, size_t cap)
{
	char buf[64];
	size_t k;

	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, s, n);
	buf[at] = letter;
	k = vni_lower(buf, n, out, cap);
	return k && vni_known_syllable(ctx, out, k) ? k : 0;
}

void
vni_check_glyphs(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	const char *s;
	char low[64], fixed[64];
	const char *sugg[2] = {fixed, NULL};
	const char *letters;
	size_t i, j, at, ndigit, k = 0;
	unsigned skip = VNI_TF_HYPHENATED | VNI_TF_DOTTED | VNI_TF_CODE |
			VNI_TF_ALL_CAPS | VNI_TF_BAD_CHAR | VNI_TF_NOT_VN_LETTER;

	if (!vni_rule_on(b, VNI_R_DIGIT_IN_WORD))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if (tk->kind != VNI_TK_WORD || !(tk->flags & VNI_TF_HAS_DIGIT) ||
		    (tk->flags & skip) || tk->len < 2 || tk->len >= sizeof(fixed))
			continue;
		s = b->text + tk->off;
		ndigit = 0;
		at = 0;
		for (j = 0; j < tk->len; j++)
			if (s[j] >= '0' && s[j] <= '9')
				ndigit++, at = j;
		/* One digit; inside the word, or at its edge when the word
		 * carries Vietnamese marks: "10m", "v1", "l0" stay codes. */
		if (ndigit != 1 || (s[at] != '0' && s[at] != '1'))
			continue;
		if ((at == 0 || at == tk->len - 1) && !(tk->flags & VNI_TF_VN_MARK))
			continue;
		letters = s[at] == '0' ? "o" : "li";
		for (; *letters; letters++)
			if ((k = read_back(b->ctx, s, tk->len, at, *letters, low,
					   sizeof(low))) != 0)
				break;
		if (k == 0 || !*letters)
			continue;
		memcpy(fixed, s, tk->len);
		fixed[tk->len] = '\0';
		/* Keep the case of the letter the digit stands for. */
		fixed[at] = (at == 0 && (tk->flags & VNI_TF_UPPER_FIRST))
				    ? (char)(*letters - 'a' + 'A')
				    : *letters;
		vni_report(b, VNI_R_DIGIT_IN_WORD, tk->off, tk->len, sugg,
			   "\"%.*s\" has the digit %c where OCR misread the "
			   "letter %c",
			   "\"%.*s\" có chữ số %c ở chỗ OCR đọc nhầm chữ %c",
			   (int)tk->len, s, s[at], *letters);
	}
}
