/* SPDX-License-Identifier: MIT */
/* punctuation/lowercase-after-period: "có nơi chưa. quyết tâm". */
#include <utf8proc.h>

#include "internal.h"

#define SKIP_FLAGS                                                            \
	(VNI_TF_UPPER_FIRST | VNI_TF_CODE | VNI_TF_HAS_DIGIT | VNI_TF_MIXED_CASE | \
	 VNI_TF_BAD_CHAR | VNI_TF_DOTTED)

/* Is the mark at i part of an ellipsis ("..." or "?!")? */
static int
in_run(const struct vni_tokens *t, size_t i)
{
	const struct vni_token *m = &t->v[i];

	if (i > 0 && t->v[i - 1].kind == VNI_TK_PUNCT &&
	    t->v[i - 1].off + t->v[i - 1].len == m->off &&
	    (vni_sentence_final(&t->v[i - 1]) || t->v[i - 1].cp == '.'))
		return 1;
	return 0;
}

void
vni_check_sentence(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *m, *w, *p;
	char low[64];
	size_t i, j, n;

	if (!vni_rule_on(b, VNI_R_LOWERCASE_AFTER_PERIOD))
		return;
	for (i = 0; i + 2 < t->n; i++) {
		m = &t->v[i];
		if (!vni_sentence_final(m) || m->cp == 0x2026 || in_run(t, i))
			continue;
		/* A mark glued to the next character ("a.b", "...") is not
		 * the end of a sentence; we need "mark, space, word" on one
		 * line. */
		if (t->v[i + 1].kind != VNI_TK_SPACE)
			continue;
		j = i + 2;
		w = &t->v[j];
		if (w->kind != VNI_TK_WORD || (w->flags & SKIP_FLAGS))
			continue;
		/* Starts with a lower-case letter? */
		if (utf8proc_tolower(w->cp) != w->cp ||
		    utf8proc_toupper(w->cp) == w->cp)
			continue;
		/* After a number ("1. a") or an enumerating letter, the
		 * period numbers a list. */
		/* The mark must close a prose word: glued to it ("chưa."),
		 * not standing alone ("Gõ ? để" names a key). */
		if (i == 0)
			continue;
		p = &t->v[i - 1];
		if (p->kind != VNI_TK_WORD ||
		    (p->flags & (VNI_TF_HAS_DIGIT | VNI_TF_CODE)) || p->len == 1)
			continue;
		/* The next word must read as Vietnamese prose, not as a
		 * command or identifier that is written in lower case. */
		n = vni_token_lower(b, w, low, sizeof(low));
		if (!(w->flags & VNI_TF_VN_MARK) &&
		    !(n && vni_known_syllable(b->ctx, low, n)))
			continue;
		vni_report(b, VNI_R_LOWERCASE_AFTER_PERIOD, m->off,
			   w->off + w->len - m->off, NULL,
			   "\"%.*s\" is followed by the lower-case word \"%.*s\": "
			   "a stray mark or a missing capital",
			   "sau \"%.*s\" là chữ thường \"%.*s\": dấu câu thừa "
			   "hoặc thiếu chữ hoa",
			   (int)m->len, b->text + m->off, (int)w->len,
			   b->text + w->off);
	}
}
