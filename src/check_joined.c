/* SPDX-License-Identifier: MIT */
/* ocr/joined-words: syllables run together where a space was lost
 * ("hệthống", "ViệtNam", "củaanh"). The split search lives here, and so
 * does the decision which run-together words this rule owns:
 * spelling/invalid-syllable asks vni_joined_split() and leaves those to it. */
#include <math.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* A written syllable has at most 7 letters ("nghiêng"), each at most 4
 * bytes after NFC; a token longer than SPLIT_MAX_BYTES is not split. */
#define PART_MAX_BYTES 28
#define SPLIT_MAX_PARTS 8
#define SPLIT_MAX_BYTES (VNI_SPLIT_CAP / 2)

/* Tokens that are not prose words: acronyms, codes, hyphenated loans,
 * abbreviations, damaged text, foreign letters. */
#define NOT_PROSE                                                             \
	(VNI_TF_HAS_DIGIT | VNI_TF_ALL_CAPS | VNI_TF_BAD_CHAR | VNI_TF_CODE |   \
	 VNI_TF_NOT_VN_LETTER | VNI_TF_HYPHENATED | VNI_TF_DOTTED |             \
	 VNI_TF_ABBREV)

static int
is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* The base letter of the code point at s[0..n), lowercase ('Ộ' -> 'o'),
 * or 0 outside ASCII; *tone (if not NULL) says whether it bears a tone
 * mark. */
static int
letter_at(const char *s, size_t n, int *tone)
{
	utf8proc_int32_t d[4];
	utf8proc_ssize_t k, m;
	int32_t cp;

	if (tone)
		*tone = 0;
	if (vni_utf8_decode((const unsigned char *)s, n, &cp) <= 0)
		return 0;
	m = utf8proc_decompose_char(cp, d, 4,
				    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD,
				    NULL);
	if (m < 1 || m > 4 || d[0] >= 0x80)
		return 0;
	for (k = 1; tone && k < m; k++)
		*tone |= d[k] == 0x300 || d[k] == 0x301 || d[k] == 0x303 ||
			 d[k] == 0x309 || d[k] == 0x323;
	return (int)d[0];
}

static int
is_vowel(int c)
{
	return c != 0 && strchr("aeiouy", c) != NULL;
}

/* Has s[0..n) an upper-case letter after its first code point? */
static int
inner_capital(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int k;

	while (i < n) {
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0)
			return 1;
		if (i > 0 && utf8proc_tolower(cp) != cp)
			return 1;
		i += (size_t)k;
	}
	return 0;
}

/* Base-letter pairs that occur inside one syllable's vowel group (ai, iê,
 * uô, ươ, uyê...). */
static const char vowel_pairs[][3] = {
	"ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe",
	"oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ya", "ye", "yu",
};

static int
vowel_pair(int x, int y)
{
	size_t k;

	for (k = 0; k < sizeof(vowel_pairs) / sizeof(vowel_pairs[0]); k++)
		if (vowel_pairs[k][0] == x && vowel_pairs[k][1] == y)
			return 1;
	return 0;
}

/* The start of the code point that ends at text[i) (i > 0). */
static size_t
prev_cp(const char *text, size_t i)
{
	do
		i--;
	while (i > 0 && is_cont(text[i]));
	return i;
}

/* Does s[0..n) hold a tone mark (not only đ, ê, ơ...)? */
static int
has_tone(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int k, tone;

	while (i < n) {
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0)
			return 0;
		(void)letter_at(s + i, n - i, &tone);
		if (tone)
			return 1;
		i += (size_t)k;
	}
	return 0;
}

/* Does the run of vowels that ends at text[i) carry a tone? It is the
 * vowel group of the syllable before a cut after a vowel. */
static int
vowels_toned(const char *text, size_t i)
{
	size_t p;
	int tone;

	for (; i > 0; i = p) {
		p = prev_cp(text, i);
		if (!is_vowel(letter_at(text + p, i - p, &tone)))
			return 0;
		if (tone)
			return 1;
	}
	return 0;
}

static int
one_cp(const char *text, size_t i, size_t j)
{
	for (i++; i < j && is_cont(text[i]); i++)
		;
	return i == j;
}

/* May text[i..j) (of a token of n bytes) be one part of a split? It must
 * be a known syllable, with a capital only on its first letter. A cut
 * inside a vowel group ("dư|ói" for "dưới", "ngu|ổn" for "nguồn", "hò|an"
 * for "hoàn", "củ|ả" for "của") more likely splits one syllable with a
 * mark typed on the wrong vowel than two: it is allowed only when both
 * sides carry a tone, which one syllable cannot ("có|ích"), and neither
 * side is a lone vowel. */
static int
part_ok(vn_ctx *ctx, const char *text, size_t n, size_t i, size_t j)
{
	char low[64];
	size_t m, p;
	int x, y;

	/* The rules first: most substrings are no syllable, and the
	 * context's cache of look-ups should not fill up with them. */
	m = vni_lower(text + i, j - i, low, sizeof(low));
	if (m == 0 || vni_syllable_parse(low, m, NULL) != VNI_SYL_VALID ||
	    !vni_known_syllable(ctx, low, m) || inner_capital(text + i, j - i))
		return 0;
	if (i > 0) { /* the cut before this part */
		p = prev_cp(text, i);
		x = letter_at(text + p, i - p, NULL);
		y = letter_at(text + i, n - i, NULL);
		if (is_vowel(x) && is_vowel(y) && vowel_pair(x, y) &&
		    (one_cp(text, i, j) || !vowels_toned(text, i) ||
		     !has_tone(text + i, j - i)))
			return 0;
	}
	if (j < n && one_cp(text, i, j)) { /* a lone vowel before a cut */
		x = letter_at(text + i, j - i, NULL);
		y = letter_at(text + j, n - j, NULL);
		if (is_vowel(x) && is_vowel(y) && vowel_pair(x, y))
			return 0;
	}
	return 1;
}

/* Write the split that the back pointers from[] describe, parts joined by
 * single spaces, into out. */
static void
write_split(const char *text, size_t n, const unsigned char *from,
	    size_t nparts, char *out)
{
	size_t o = n + nparts - 1, j, k;

	out[o] = '\0';
	for (j = n; j > 0; j = k) {
		k = from[j];
		o -= j - k;
		memcpy(out + o, text + k, j - k);
		if (o > 0)
			out[--o] = ' ';
	}
}

size_t
vni_split_syllables(vn_ctx *ctx, const char *text, size_t n,
		    char out[2][VNI_SPLIT_CAP])
{
	/* best[j]: fewest parts covering text[0..j); ways[j]: how many
	 * splits reach that (1 or 2, meaning "more than one"); first[j] and
	 * last[j]: the smallest and largest start of the final part among
	 * them. Following first[] and following last[] back from n give two
	 * different splits exactly when there is more than one. */
	unsigned char best[SPLIT_MAX_BYTES + 1], ways[SPLIT_MAX_BYTES + 1];
	unsigned char first[SPLIT_MAX_BYTES + 1], last[SPLIT_MAX_BYTES + 1];
	size_t i, j;

	if (n == 0 || n > SPLIT_MAX_BYTES)
		return 0;
	memset(best, 0xFF, sizeof(best));
	memset(ways, 0, sizeof(ways));
	best[0] = 0;
	ways[0] = 1;
	for (i = 0; i < n; i++) {
		if (best[i] == 0xFF || best[i] >= SPLIT_MAX_PARTS ||
		    is_cont(text[i]))
			continue;
		for (j = i + 1; j <= n && j - i <= PART_MAX_BYTES; j++) {
			if ((j < n && is_cont(text[j])) || best[i] + 1 > best[j] ||
			    !part_ok(ctx, text, n, i, j))
				continue;
			if (best[i] + 1 < best[j]) {
				best[j] = (unsigned char)(best[i] + 1);
				ways[j] = ways[i];
				first[j] = (unsigned char)i;
			} else {
				ways[j] = 2;
			}
			last[j] = (unsigned char)i;
		}
	}
	if (best[n] == 0xFF || best[n] < 2)
		return 0;
	write_split(text, n, first, best[n], out[0]);
	if (ways[n] < 2)
		return 1;
	write_split(text, n, last, best[n], out[1]);
	return 2;
}

static int
opens_sentence(const struct vni_tokens *t, size_t i)
{
	size_t p = vni_prev_nonspace(t, i);

	return vni_at_sentence_start(t, i) ||
	       (p != (size_t)-1 && t->v[p].kind == VNI_TK_PUNCT &&
		t->v[p].cp == ':');
}

/* How many space-separated parts of split carry a tone mark? */
static unsigned
toned_parts(const char *split)
{
	const char *e;
	unsigned c = 0;

	for (; *split; split = *e ? e + 1 : e) {
		e = strchr(split, ' ');
		if (e == NULL)
			e = split + strlen(split);
		c += has_tone(split, (size_t)(e - split));
	}
	return c;
}

/* Are all marked letters of s[0..n) Latin-1 ones (é, à, ô), and is the
 * word without its marks English ("résumé", "cliché")? Then it is a
 * foreign word with accents, not Vietnamese run together. */
static int
accented_english(vn_ctx *ctx, const char *s, size_t n)
{
	char plain[VNI_SPLIT_CAP];
	size_t i = 0, m = 0;
	int32_t cp;
	int k, c;

	while (i < n) {
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0 || cp > 0xFF || (c = letter_at(s + i, n - i, NULL)) == 0 ||
		    m + 1 >= sizeof(plain))
			return 0;
		plain[m++] = (char)c;
		i += (size_t)k;
	}
	return vni_dict_en_has(ctx->dict, plain, m);
}

/* Is word i next to a lowercase word on its line? CamelCase in running
 * text ("ở ViệtNam nay") lost a space; standing alone, among other
 * capitalised labels or beside symbols it is an identifier or a key name
 * written that way on purpose ("GiảmÂmLượng", "CỡTập CỡNhớ", "KýHiệu %s"). */
static int
in_prose(const struct vni_block *b, size_t i)
{
	const struct vni_tokens *t = b->toks;
	size_t k;
	int side;

	for (side = 0; side < 2; side++) {
		k = side ? i + 1 : i - 1;
		if (side ? k >= t->n : i == 0)
			continue;
		if (t->v[k].kind == VNI_TK_SPACE)
			k = side ? k + 1 : (k > 0 ? k - 1 : (size_t)-1);
		if (k < t->n && t->v[k].kind == VNI_TK_WORD &&
		    !(t->v[k].flags & (VNI_TF_UPPER_FIRST | VNI_TF_MIXED_CASE |
				       VNI_TF_ALL_CAPS | VNI_TF_CODE)))
			return 1;
	}
	return 0;
}

size_t
vni_joined_split(const struct vni_block *b, size_t i,
		 char out[2][VNI_SPLIT_CAP])
{
	const struct vni_token *t = &b->toks->v[i];
	const char *s = b->text + t->off;
	char low[VNI_SPLIT_CAP];
	size_t n, k;
	int camel, capital;

	if (t->kind != VNI_TK_WORD || (t->flags & NOT_PROSE) ||
	    !(t->flags & VNI_TF_VN_MARK))
		return 0;
	/* CamelCase ("ViệtNam", "ITrống") is an identifier or a key name
	 * unless it sits in running text. */
	camel = (t->flags & (VNI_TF_UPPER_FIRST | VNI_TF_MIXED_CASE)) &&
		inner_capital(s, t->len);
	if (camel && !in_prose(b, i))
		return 0;
	/* A capitalised word inside a sentence may be a people or a place
	 * written solid ("Êđê", "Xơđăng", "Đakrông"); at a sentence start or
	 * after a colon the capital says nothing. */
	capital = (t->flags & VNI_TF_UPPER_FIRST) && !camel;
	if (capital && !opens_sentence(b->toks, i))
		return 0;
	/* A placeholder of an address is written solid on purpose
	 * ("ngườidùng@tênmiền"). */
	if ((i + 1 < b->toks->n && b->toks->v[i + 1].kind == VNI_TK_PUNCT &&
	     b->toks->v[i + 1].cp == '@') ||
	    (i > 0 && b->toks->v[i - 1].kind == VNI_TK_PUNCT &&
	     b->toks->v[i - 1].cp == '@'))
		return 0;
	n = vni_token_lower(b, t, low, sizeof(low));
	if (n == 0 || vni_token_known(b, t) ||
	    vni_wordset_has(&b->ctx->lex.loanwords, low, n))
		return 0;
	k = vni_split_syllables(b->ctx, s, t->len, out);
	if (k == 0 || accented_english(b->ctx, low, n))
		return 0;
	/* Foreign names written solid are mostly level-tone syllables
	 * ("Marốc", "Mêhicô", "Canađa"); native words run together carry
	 * tones, usually two. */
	return !capital || toned_parts(out[0]) >= 2 ? k : 0;
}

/* How well the model knows the parts of a split: the sum of the logs of
 * their counts, and how many it never saw. */
struct familiarity {
	double score;
	unsigned unseen;
};

static struct familiarity
familiarity(vn_ctx *ctx, const char *split)
{
	struct familiarity f = {0, 0};
	char low[64], key[64];
	const char *e;
	uint32_t c;
	size_t n, k;

	for (; *split; split = *e ? e + 1 : e) {
		e = strchr(split, ' ');
		if (e == NULL)
			e = split + strlen(split);
		n = vni_lower(split, (size_t)(e - split), low, sizeof(low));
		k = n ? vni_syllable_restyle(low, n, VNI_STYLE_REFORMED, key,
					     sizeof(key))
		      : 0;
		c = k ? vni_model_count(ctx->model,
					vni_model_id(ctx->model, key, k))
		      : 0;
		f.score += log1p((double)c);
		f.unseen += c == 0;
	}
	return f;
}

/* Two splits with as few parts differ at a consonant that ends one
 * syllable or starts the next ("một hồ" or "mộ thồ", "hệ thống" or "hệt
 * hống"). With a model the split of common syllables comes first, and
 * the other is dropped when it needs a syllable never seen while the
 * first does not. Returns how many suggestions are left in sugg. */
static size_t
rank_splits(vn_ctx *ctx, char split[2][VNI_SPLIT_CAP], const char **sugg)
{
	struct familiarity f0, f1;

	sugg[0] = split[0];
	sugg[1] = split[1];
	if (ctx->model == NULL)
		return 2;
	f0 = familiarity(ctx, split[0]);
	f1 = familiarity(ctx, split[1]);
	if (f1.score > f0.score) {
		struct familiarity f = f0;

		f0 = f1, f1 = f;
		sugg[0] = split[1], sugg[1] = split[0];
	}
	return f0.unseen == 0 && f1.unseen > 0 ? 1 : 2;
}

void
vni_check_joined(struct vni_block *b)
{
	const struct vni_tokens *t = b->toks;
	const struct vni_token *tk;
	char split[2][VNI_SPLIT_CAP];
	const char *sugg[3];
	size_t i, k;

	if (!vni_rule_on(b, VNI_R_JOINED_WORDS))
		return;
	for (i = 0; i < t->n; i++) {
		tk = &t->v[i];
		if ((k = vni_joined_split(b, i, split)) == 0)
			continue;
		sugg[0] = split[0];
		if (k == 2)
			k = rank_splits(b->ctx, split, sugg);
		sugg[k] = NULL;
		vni_report(b, VNI_R_JOINED_WORDS, tk->off, tk->len, sugg,
			   "\"%.*s\" is syllables run together: a space is "
			   "missing",
			   "\"%.*s\" là các âm tiết bị viết liền: thiếu dấu "
			   "cách",
			   (int)tk->len, b->text + tk->off);
	}
}
