/* SPDX-License-Identifier: MIT */
/*
 * input/no-diacritics: a paragraph of Vietnamese written without its tone
 * and vowel marks ("Toi dang song o Ha Noi"), typed with no input method
 * or folded to ASCII by some system on the way. Every word is still a
 * valid syllable, so no other check sees it; a corpus filter needs to.
 *
 * The evidence is the paragraph as a whole: no word carries a mark, nearly
 * every word is a toneless Vietnamese syllable, and the paragraph is full
 * of the commonest Vietnamese words in their stripped form ("duoc",
 * "nguoi", "khong", "cua"), which no other language writes that often.
 * English prose ("the", "to", "in" are syllables too) has none of them;
 * Spanish or Italian ("la", "se", "tu") falls short of the share of
 * syllables. Names and a Vietnamese mention inside marked text are left
 * alone: one marked word anywhere in the paragraph clears it.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Fewer words are a title, a name or a label. */
#define MIN_WORDS 8
/* Percentages of the paragraph's words. */
#define SYLLABLE_SHARE 85
#define CUE_SHARE 25
/* Distinct cue words. */
#define MIN_CUES 3

/* Very common Vietnamese words that are written with marks, stripped of
 * them; none is an English word. Sorted for bsearch. */
static const char *const cues[] = {
	"biet", "cac", "cach", "chua", "chung", "cua", "cung", "da", "dang",
	"dau", "den", "di", "dien", "dieu", "dinh", "dong", "duoc", "duoi",
	"dung", "gi", "giua", "hien", "hoc", "hon", "khong", "la", "lai", "lam",
	"minh", "moi", "mot", "nay", "nen", "neu", "nguoi", "nha", "nhan",
	"nhat", "nhieu", "nhu", "nhung", "noi", "nuoc", "phai", "phan", "quoc",
	"roi", "se", "su", "tao", "tat", "thay", "them", "thi", "thoi", "toi",
	"tren", "truoc", "tu", "va", "ve", "vi", "viec", "viet", "voi",
};

static int
cmp_cue(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int
cue_index(const char *low)
{
	const char *const *p = bsearch(low, cues, sizeof(cues) / sizeof(*cues),
				       sizeof(*cues), cmp_cue);

	return p ? (int)(p - cues) : -1;
}

/* Could the ASCII word be a syllable with its marks put back? Stripping
 * leaves two shapes that are not syllables as they stand: a stop final
 * with no tone ("mot", "rat": một, rất) and a diphthong without its hat
 * ("viec", "nguoi", "duoc": việc, người, được). */
static int
stripped_syllable(const char *s, size_t n)
{
	static const char *const from[] = {"", "ie", "ye", "uo", "uo", "uu"};
	static const char *const to[] = {"", "i\xC3\xAA", "y\xC3\xAA",
					 "\xC6\xB0\xC6\xA1", "u\xC3\xB4",
					 "\xC6\xB0u"};
	char v[48], out[64];
	const char *at;
	size_t i, m, k;

	for (i = 0; i < sizeof(from) / sizeof(*from); i++) {
		at = *from[i] ? strstr(s, from[i]) : s;
		if (at == NULL)
			continue;
		k = (size_t)(at - s);
		m = strlen(to[i]);
		memcpy(v, s, k);
		memcpy(v + k, to[i], m);
		memcpy(v + k + m, s + k + strlen(from[i]), n - k - strlen(from[i]));
		m = n - strlen(from[i]) + m;
		v[m] = '\0';
		if (vni_syllable_parse(v, m, NULL) == VNI_SYL_VALID ||
		    vni_syllable_add_tone(v, m, VNI_TONE_SAC, VNI_STYLE_TRADITIONAL,
					  out, sizeof(out)) > 0)
			return 1;
	}
	return 0;
}

static void
check_paragraph(struct vni_block *b, const struct vni_para *p)
{
	const struct vni_tokens *t = b->toks;
	unsigned char seen[sizeof(cues) / sizeof(*cues)];
	size_t i, words = 0, syllables = 0, cue_words = 0, distinct = 0, n;
	const struct vni_token *first = NULL, *last = NULL;
	char low[32];
	int k;

	if (p->words < MIN_WORDS)
		return;
	memset(seen, 0, sizeof(seen));
	for (i = p->first; i < p->end; i++) {
		const struct vni_token *w = &t->v[i];

		if (w->kind != VNI_TK_WORD)
			continue;
		if (w->flags & VNI_TF_VN_MARK)
			return; /* marked Vietnamese: not stripped */
		if (w->flags & (VNI_TF_CODE | VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS |
				VNI_TF_DOTTED | VNI_TF_HYPHENATED))
			continue;
		if (first == NULL)
			first = w;
		last = w;
		words++;
		if (!(w->flags & VNI_TF_ASCII) || w->len >= sizeof(low))
			continue;
		n = vni_token_lower(b, w, low, sizeof(low));
		if (n == 0 || !stripped_syllable(low, n))
			continue;
		syllables++;
		if ((k = cue_index(low)) >= 0) {
			cue_words++;
			distinct += !seen[k];
			seen[k] = 1;
		}
	}
	if (words < MIN_WORDS || syllables * 100 < words * SYLLABLE_SHARE ||
	    cue_words * 100 < words * CUE_SHARE || distinct < MIN_CUES)
		return;
	vni_report(b, VNI_R_NO_DIACRITICS, first->off,
		   last->off + last->len - first->off, NULL,
		   "Vietnamese written without diacritics: %zu words, none "
		   "with a tone or vowel mark",
		   "tiếng Việt viết không dấu: %zu từ, không từ nào có dấu",
		   words);
}

void
vni_check_diacritics(struct vni_block *b)
{
	size_t i;

	if (b->hidden || !vni_rule_on(b, VNI_R_NO_DIACRITICS))
		return;
	for (i = 0; i < b->paras->n; i++)
		check_paragraph(b, &b->paras->v[i]);
}
