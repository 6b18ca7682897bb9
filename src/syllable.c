/* SPDX-License-Identifier: MIT */
/* syllable.c - decide whether one written word is a well-formed Vietnamese
 * syllable and move its tone mark between the two placement styles. */

#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* The longest real syllable has 7 letters ("nghiêng"); longer input is
 * reported as BAD_RIME without further analysis. */
#define MAX_LETTERS 10
#define NONE ((size_t)-1)

/* One row per base vowel: the bare letter, then its five toned forms in
 * enum vni_tone order (huyền, sắc, hỏi, ngã, nặng). */
static const int32_t vowel_forms[][6] = {
	{0x0061, 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1}, /* a à á ả ã ạ */
	{0x0103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7}, /* ă ằ ắ ẳ ẵ ặ */
	{0x00E2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD}, /* â ầ ấ ẩ ẫ ậ */
	{0x0065, 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9}, /* e è é ẻ ẽ ẹ */
	{0x00EA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7}, /* ê ề ế ể ễ ệ */
	{0x0069, 0x00EC, 0x00ED, 0x1EC9, 0x0129, 0x1ECB}, /* i ì í ỉ ĩ ị */
	{0x006F, 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD}, /* o ò ó ỏ õ ọ */
	{0x00F4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9}, /* ô ồ ố ổ ỗ ộ */
	{0x01A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3}, /* ơ ờ ớ ở ỡ ợ */
	{0x0075, 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5}, /* u ù ú ủ ũ ụ */
	{0x01B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1}, /* ư ừ ứ ử ữ ự */
	{0x0079, 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5}, /* y ỳ ý ỷ ỹ ỵ */
};
#define NVOWELS (sizeof(vowel_forms) / sizeof(vowel_forms[0]))

/* Vowels that carry their own diacritic and therefore attract the tone. */
#define CP_A_BREVE 0x0103 /* ă */
#define CP_A_CIRC 0x00E2  /* â */
#define CP_E_CIRC 0x00EA  /* ê */
#define CP_O_CIRC 0x00F4  /* ô */
#define CP_O_HORN 0x01A1  /* ơ */
#define CP_U_HORN 0x01B0  /* ư */
#define CP_D_STROKE 0x0111 /* đ */

/* The 27 initials, longest first so that the first match is the longest. */
static const char *const initials[] = {
	"ngh",
	"ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s",
	"t", "v", "x",
};
#define NINITIALS (sizeof(initials) / sizeof(initials[0]))

/* Every toneless rime, medial included (notes §1.1): 45 open rimes and
 * 111 closed ones, in byte order for a binary search. The nh/ch, ng/c and
 * "ă/â need a final" constraints live in the table. */
static const char *const rimes[] = {
	"a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at",
	"au", "ay", "e", "ec", "em", "en", "eng", "eo", "ep", "et", "i",
	"ia", "ich", "im", "in", "inh", "ip", "it", "iu", "iêc", "iêm",
	"iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach",
	"oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
	"oc", "oe", "oen", "oeo", "oet", "oi", "om", "on", "ong", "ooc",
	"oong", "op", "ot", "oăc", "oăm", "oăn", "oăng", "oăt", "u", "ua",
	"uc", "ui", "um", "un", "ung", "up", "ut", "uy", "uya", "uych",
	"uynh", "uyt", "uyu", "uyên", "uyêt", "uân", "uâng", "uât", "uây",
	"uê", "uêch", "uênh", "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
	"uơ", "y", "yêm", "yên", "yêng", "yêt", "yêu", "âc", "âm", "ân",
	"âng", "âp", "ât", "âu", "ây", "ê", "êch", "êm", "ên", "ênh", "êp",
	"êt", "êu", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ăc",
	"ăm", "ăn", "ăng", "ăp", "ăt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
	"ư", "ưa", "ưc", "ưi", "ưng", "ưt", "ưu", "ươc", "ươi", "ươm",
	"ươn", "ương", "ươp", "ươt", "ươu",
};
#define NRIMES (sizeof(rimes) / sizeof(rimes[0]))
_Static_assert(NRIMES == 156, "the notes count 156 toneless rimes");

struct letter {
	int32_t base;    /* lowercase, without tone mark */
	int upper;       /* written in upper case */
	size_t off, len; /* bytes in the input, trailing combining marks included */
};

struct parse {
	struct letter l[MAX_LETTERS];
	size_t n;
	size_t ntones;       /* tone marks seen */
	enum vni_tone tone;  /* the first one */
	size_t tone_at;      /* letter carrying it, or NONE */
	size_t pos_trad, pos_ref; /* where each style puts the mark */
	unsigned styles;
};

/* The lowercase vowels of vowel_forms outside ASCII, by code point:
 * V(row, tone), 0 for any other character. */
#define V(row, tone) ((row) * 6 + (tone) + 1)
static const unsigned char vowels_latin1[0x100 - 0xE0] = {
	[0x00E0 - 0x00E0] = V(0, 1), /* à */
	[0x00E1 - 0x00E0] = V(0, 2), /* á */
	[0x00E2 - 0x00E0] = V(2, 0), /* â */
	[0x00E3 - 0x00E0] = V(0, 4), /* ã */
	[0x00E8 - 0x00E0] = V(3, 1), /* è */
	[0x00E9 - 0x00E0] = V(3, 2), /* é */
	[0x00EA - 0x00E0] = V(4, 0), /* ê */
	[0x00EC - 0x00E0] = V(5, 1), /* ì */
	[0x00ED - 0x00E0] = V(5, 2), /* í */
	[0x00F2 - 0x00E0] = V(6, 1), /* ò */
	[0x00F3 - 0x00E0] = V(6, 2), /* ó */
	[0x00F4 - 0x00E0] = V(7, 0), /* ô */
	[0x00F5 - 0x00E0] = V(6, 4), /* õ */
	[0x00F9 - 0x00E0] = V(9, 1), /* ù */
	[0x00FA - 0x00E0] = V(9, 2), /* ú */
	[0x00FD - 0x00E0] = V(11, 2), /* ý */
};
static const unsigned char vowels_vn[0x1EFA - 0x1EA0] = {
	[0x1EA1 - 0x1EA0] = V(0, 5), /* ạ */
	[0x1EA3 - 0x1EA0] = V(0, 3), /* ả */
	[0x1EA5 - 0x1EA0] = V(2, 2), /* ấ */
	[0x1EA7 - 0x1EA0] = V(2, 1), /* ầ */
	[0x1EA9 - 0x1EA0] = V(2, 3), /* ẩ */
	[0x1EAB - 0x1EA0] = V(2, 4), /* ẫ */
	[0x1EAD - 0x1EA0] = V(2, 5), /* ậ */
	[0x1EAF - 0x1EA0] = V(1, 2), /* ắ */
	[0x1EB1 - 0x1EA0] = V(1, 1), /* ằ */
	[0x1EB3 - 0x1EA0] = V(1, 3), /* ẳ */
	[0x1EB5 - 0x1EA0] = V(1, 4), /* ẵ */
	[0x1EB7 - 0x1EA0] = V(1, 5), /* ặ */
	[0x1EB9 - 0x1EA0] = V(3, 5), /* ẹ */
	[0x1EBB - 0x1EA0] = V(3, 3), /* ẻ */
	[0x1EBD - 0x1EA0] = V(3, 4), /* ẽ */
	[0x1EBF - 0x1EA0] = V(4, 2), /* ế */
	[0x1EC1 - 0x1EA0] = V(4, 1), /* ề */
	[0x1EC3 - 0x1EA0] = V(4, 3), /* ể */
	[0x1EC5 - 0x1EA0] = V(4, 4), /* ễ */
	[0x1EC7 - 0x1EA0] = V(4, 5), /* ệ */
	[0x1EC9 - 0x1EA0] = V(5, 3), /* ỉ */
	[0x1ECB - 0x1EA0] = V(5, 5), /* ị */
	[0x1ECD - 0x1EA0] = V(6, 5), /* ọ */
	[0x1ECF - 0x1EA0] = V(6, 3), /* ỏ */
	[0x1ED1 - 0x1EA0] = V(7, 2), /* ố */
	[0x1ED3 - 0x1EA0] = V(7, 1), /* ồ */
	[0x1ED5 - 0x1EA0] = V(7, 3), /* ổ */
	[0x1ED7 - 0x1EA0] = V(7, 4), /* ỗ */
	[0x1ED9 - 0x1EA0] = V(7, 5), /* ộ */
	[0x1EDB - 0x1EA0] = V(8, 2), /* ớ */
	[0x1EDD - 0x1EA0] = V(8, 1), /* ờ */
	[0x1EDF - 0x1EA0] = V(8, 3), /* ở */
	[0x1EE1 - 0x1EA0] = V(8, 4), /* ỡ */
	[0x1EE3 - 0x1EA0] = V(8, 5), /* ợ */
	[0x1EE5 - 0x1EA0] = V(9, 5), /* ụ */
	[0x1EE7 - 0x1EA0] = V(9, 3), /* ủ */
	[0x1EE9 - 0x1EA0] = V(10, 2), /* ứ */
	[0x1EEB - 0x1EA0] = V(10, 1), /* ừ */
	[0x1EED - 0x1EA0] = V(10, 3), /* ử */
	[0x1EEF - 0x1EA0] = V(10, 4), /* ữ */
	[0x1EF1 - 0x1EA0] = V(10, 5), /* ự */
	[0x1EF3 - 0x1EA0] = V(11, 1), /* ỳ */
	[0x1EF5 - 0x1EA0] = V(11, 5), /* ỵ */
	[0x1EF7 - 0x1EA0] = V(11, 3), /* ỷ */
	[0x1EF9 - 0x1EA0] = V(11, 4), /* ỹ */
};

/* 1 + 6 * row + tone of lc in vowel_forms, or 0: a table look-up, as
 * this runs for every letter of every syllable parsed. */
static int
vowel_code(int32_t lc)
{
	switch (lc) {
	case 'a': return V(0, 0);
	case 'e': return V(3, 0);
	case 'i': return V(5, 0);
	case 'o': return V(6, 0);
	case 'u': return V(9, 0);
	case 'y': return V(11, 0);
	case CP_A_BREVE: return V(1, 0);
	case 0x0129: return V(5, 4); /* ĩ */
	case 0x0169: return V(9, 4); /* ũ */
	case CP_O_HORN: return V(8, 0);
	case CP_U_HORN: return V(10, 0);
	default:
		if (lc >= 0xE0 && lc < 0x100)
			return vowels_latin1[lc - 0xE0];
		if (lc >= 0x1EA0 && lc < 0x1EFA)
			return vowels_vn[lc - 0x1EA0];
		return 0;
	}
}

static int
find_vowel(int32_t lc, int32_t *base, enum vni_tone *tone)
{
	int v = vowel_code(lc);

	if (v == 0)
		return 0;
	*base = vowel_forms[(v - 1) / 6][0];
	*tone = (enum vni_tone)((v - 1) % 6);
	return 1;
}

static int32_t
with_tone(int32_t base, enum vni_tone tone)
{
	int v = vowel_code(base);

	if (v == 0 || (v - 1) % 6 != 0)
		return base;
	return vowel_forms[(v - 1) / 6][tone];
}

static int
is_vowel(int32_t b)
{
	int32_t base;
	enum vni_tone t;

	return find_vowel(b, &base, &t);
}

static int
is_consonant(int32_t b)
{
	switch (b) {
	case 'b': case 'c': case 'd': case 'g': case 'h': case 'k': case 'l':
	case 'm': case 'n': case 'p': case 'q': case 'r': case 's': case 't':
	case 'v': case 'x': case CP_D_STROKE:
		return 1;
	default:
		return 0;
	}
}

static int
has_hat(int32_t b)
{
	return b == CP_A_BREVE || b == CP_A_CIRC || b == CP_E_CIRC ||
	       b == CP_O_CIRC || b == CP_O_HORN || b == CP_U_HORN;
}

/* i, y, e, ê: the vowels before which /k/ is k, /ɣ/ gh and /ŋ/ ngh. */
static int
is_front(int32_t b)
{
	return b == 'i' || b == 'y' || b == 'e' || b == CP_E_CIRC;
}

/* Toneless lowercase UTF-8 of letters [from, to) into buf (room for
 * MAX_LETTERS * 4 + 1 bytes). */
static void
spell(const struct parse *p, size_t from, size_t to, char *buf)
{
	size_t i, o = 0;

	for (i = from; i < to; i++)
		o += (size_t)utf8proc_encode_char(p->l[i].base,
						  (utf8proc_uint8_t *)buf + o);
	buf[o] = '\0';
}

static int
rime_known(const char *r)
{
	size_t lo = 0, hi = NRIMES, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(rimes[mid], r);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Does the rime starting at letter i open with the medial /w/ (oa oă oe,
 * uâ uê uy uơ)? */
static int
has_medial(const struct parse *p, size_t i)
{
	int32_t a, b;

	if (i + 1 >= p->n)
		return 0;
	a = p->l[i].base;
	b = p->l[i + 1].base;
	if (a == 'o')
		return b == 'a' || b == CP_A_BREVE || b == 'e';
	if (a == 'u')
		return b == CP_A_CIRC || b == CP_E_CIRC || b == 'y' ||
		       b == CP_O_HORN;
	return 0;
}

/* Code points in a UTF-8 string: all bytes but continuation bytes. */
static size_t
count_letters(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int
starts_with(const char *s, const char *prefix)
{
	return prefix[0] == '\0' ||
	       (s[0] == prefix[0] && strncmp(s, prefix, strlen(prefix)) == 0);
}

/* What may follow "qu". Its u is the medial, so the rest is a rime of the
 * nuclei that take a medial: a ă â e ê ơ with their usual finals, y as in
 * the uy- rimes (quy, quýt, quỳnh, quyết), plus the old spellings qui/quít
 * and the lone exception quốc. */
static int
qu_rime_known(const char *r)
{
	char buf[MAX_LETTERS * 4 + 2];

	if (r[0] == 'a' || r[0] == 'e' || starts_with(r, "ă") ||
	    starts_with(r, "â") || starts_with(r, "ê") || starts_with(r, "ơ"))
		return rime_known(r);
	if (r[0] == 'y') {
		buf[0] = 'u';
		strcpy(buf + 1, r);
		return rime_known(buf);
	}
	return strcmp(r, "i") == 0 || strcmp(r, "it") == 0 ||
	       strcmp(r, "ôc") == 0;
}

/* Read the input into letters; tone marks are split off. */
static enum vni_syl_status
decode(const char *s, size_t len, struct parse *p)
{
	size_t i = 0, count = 0;

	p->n = 0;
	p->ntones = 0;
	p->tone = VNI_TONE_NGANG;
	p->tone_at = NONE;
	while (i < len) {
		utf8proc_int32_t cp, lc, base;
		enum vni_tone t = VNI_TONE_NGANG;
		utf8proc_ssize_t k;
		int mark = 0;

		if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i];
			k = 1;
		} else {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					     (utf8proc_ssize_t)(len - i), &cp);
			if (k <= 0)
				return VNI_SYL_NOT_VIETNAMESE;
		}
		switch (cp) {
		case 0x0300: t = VNI_TONE_HUYEN; mark = 1; break;
		case 0x0301: t = VNI_TONE_SAC; mark = 1; break;
		case 0x0309: t = VNI_TONE_HOI; mark = 1; break;
		case 0x0303: t = VNI_TONE_NGA; mark = 1; break;
		case 0x0323: t = VNI_TONE_NANG; mark = 1; break;
		default: break;
		}
		if (mark) {
			/* NFC leaves a tone mark combining only where it
			 * cannot compose: on a consonant or on a vowel that
			 * already has one. Count it against that letter so
			 * the error is "misplaced" or "multiple". */
			if (count == 0)
				return VNI_SYL_NOT_VIETNAMESE;
			if (count <= MAX_LETTERS) {
				p->l[count - 1].len += (size_t)k;
				if (p->ntones == 0) {
					p->tone = t;
					p->tone_at = count - 1;
				}
			}
			p->ntones++;
			i += (size_t)k;
			continue;
		}
		lc = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp)
			       : utf8proc_tolower(cp);
		if (find_vowel(lc, &base, &t)) {
			if (t != VNI_TONE_NGANG) {
				if (p->ntones == 0) {
					p->tone = t;
					p->tone_at = count;
				}
				p->ntones++;
			}
		} else if (is_consonant(lc)) {
			base = lc;
		} else {
			return VNI_SYL_NOT_VIETNAMESE;
		}
		/* Keep scanning past the limit: a foreign letter anywhere
		 * outranks "too long". */
		if (count < MAX_LETTERS) {
			p->l[count].base = base;
			p->l[count].upper = lc != cp;
			p->l[count].off = i;
			p->l[count].len = (size_t)k;
		}
		count++;
		i += (size_t)k;
	}
	if (count > MAX_LETTERS)
		return VNI_SYL_BAD_RIME;
	p->n = count;
	return VNI_SYL_VALID;
}

/* Where the two styles put the tone mark for the rime whose vowels start
 * at letter rs (notes §1.2). */
static void
place_tone(struct parse *p, size_t rs)
{
	size_t v[MAX_LETTERS], nv = 0, i, hat = NONE;
	int closed;

	for (i = rs; i < p->n && is_vowel(p->l[i].base); i++)
		v[nv++] = i;
	closed = i < p->n;
	for (i = 0; i < nv; i++)
		/* ươ: the mark goes on ơ, so ơ overrides an earlier ư. */
		if (has_hat(p->l[v[i]].base) &&
		    (hat == NONE || p->l[v[i]].base == CP_O_HORN))
			hat = v[i];
	if (hat != NONE) {
		p->pos_trad = p->pos_ref = hat;
	} else if (closed) {
		p->pos_trad = p->pos_ref = v[nv - 1];
	} else if (nv == 3) {
		p->pos_trad = p->pos_ref = v[1];
	} else if (nv == 2 && has_medial(p, rs)) {
		/* open oa, oe, uy: the only place the styles differ */
		p->pos_trad = v[0];
		p->pos_ref = v[1];
	} else {
		p->pos_trad = p->pos_ref = v[0];
	}
}

static enum vni_syl_status
analyse(const char *s, size_t len, struct parse *p)
{
	char rime[MAX_LETTERS * 4 + 1], buf[MAX_LETTERS * 4 + 2];
	const char *ini = "";
	size_t i, rs = 0, rl;
	enum vni_syl_status st;

	p->styles = 0;
	p->pos_trad = p->pos_ref = NONE;
	st = decode(s, len, p);
	if (st != VNI_SYL_VALID)
		return st;
	if (p->ntones > 1)
		return VNI_SYL_MULTIPLE_TONES;

	/* Initial: the longest of the 27 that the word starts with. */
	spell(p, 0, p->n, buf);
	for (i = 0; i < NINITIALS; i++)
		if (starts_with(buf, initials[i])) {
			ini = initials[i];
			rs = count_letters(ini);
			break;
		}
	if (rs == 0 && p->n > 0 && is_consonant(p->l[0].base))
		return VNI_SYL_BAD_INITIAL; /* q without u */
	if (strcmp(ini, "gi") == 0) {
		/* gi before a consonant or nothing: the i is the nucleus
		 * (gì, gìn). Before ê the i doubles as the start of iê
		 * (giếng = gi + iêng) when that makes a rime. */
		spell(p, 1, p->n, rime);
		if (p->n == 2 || is_consonant(p->l[2].base) ||
		    (p->l[2].base == CP_E_CIRC && rime_known(rime)))
			rs = 1;
		else if (p->l[2].base == 'i' || p->l[2].base == 'y')
			return VNI_SYL_BAD_RIME;
	}
	if (rs >= p->n)
		return VNI_SYL_BAD_RIME;
	if (is_consonant(p->l[rs].base))
		return VNI_SYL_BAD_INITIAL;

	/* Rime */
	spell(p, rs, p->n, rime);
	if (strcmp(ini, "qu") == 0 ? !qu_rime_known(rime) : !rime_known(rime))
		return VNI_SYL_BAD_RIME;

	/* Spelling of the same sound by context */
	if (strcmp(ini, "k") == 0 || strcmp(ini, "gh") == 0 ||
	    strcmp(ini, "ngh") == 0) {
		if (!is_front(p->l[rs].base))
			return VNI_SYL_BAD_SPELLING;
	} else if (strcmp(ini, "g") == 0 || strcmp(ini, "ng") == 0) {
		if (is_front(p->l[rs].base))
			return VNI_SYL_BAD_SPELLING;
	} else if (strcmp(ini, "c") == 0) {
		/* /k/ + medial is written qu: qua, not coa */
		if (is_front(p->l[rs].base) || has_medial(p, rs))
			return VNI_SYL_BAD_SPELLING;
	}
	/* iê is written yê with no initial (yên), and only then. */
	if (*ini == '\0' && starts_with(rime, "iê"))
		return VNI_SYL_BAD_SPELLING;
	if (*ini != '\0' && strcmp(ini, "qu") != 0 && starts_with(rime, "yê"))
		return VNI_SYL_BAD_SPELLING;

	/* Where the mark belongs is known before the tone is judged, so
	 * that a toneless stop syllable ("viêt") can still be given one. */
	place_tone(p, rs);

	/* Stop finals take only sắc or nặng. */
	rl = strlen(rime);
	if ((rl >= 2 && strcmp(rime + rl - 2, "ch") == 0) ||
	    strchr("ptc", rime[rl - 1]) != NULL) {
		if (p->tone != VNI_TONE_SAC && p->tone != VNI_TONE_NANG)
			return VNI_SYL_BAD_TONE_FINAL;
	}

	if (p->ntones == 0) {
		p->styles = VNI_STYLE_TRADITIONAL | VNI_STYLE_REFORMED;
		return VNI_SYL_VALID;
	}
	if (p->tone_at == p->pos_trad)
		p->styles |= VNI_STYLE_TRADITIONAL;
	if (p->tone_at == p->pos_ref)
		p->styles |= VNI_STYLE_REFORMED;
	return p->styles ? VNI_SYL_VALID : VNI_SYL_MISPLACED_TONE;
}

enum vni_syl_status
vni_syllable_parse(const char *s, size_t len, struct vni_syllable *out)
{
	struct parse p;
	enum vni_syl_status st = analyse(s, len, &p);

	if (out != NULL) {
		out->status = st;
		out->styles = st == VNI_SYL_VALID ? p.styles : 0;
		out->tone = p.tone;
	}
	return st;
}

static size_t
copy_out(const char *s, size_t len, char *out, size_t cap)
{
	if (len >= cap)
		return 0;
	memcpy(out, s, len);
	out[len] = '\0';
	return len;
}

/* Write the letters of the parsed syllable s into out, the letter at from
 * without its tone and the letter at to with tone (either may be NONE),
 * case kept; the length, or 0 if it does not fit. */
static size_t
retone(const char *s, const struct parse *p, size_t from, size_t to,
       enum vni_tone tone, char *out, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < p->n; i++) {
		const struct letter *l = &p->l[i];
		utf8proc_uint8_t enc[4];
		const char *src = s + l->off;
		size_t n = l->len;
		int32_t cp;

		if (i == from || i == to) {
			cp = with_tone(l->base, i == to ? tone : VNI_TONE_NGANG);
			if (l->upper)
				cp = utf8proc_toupper(cp);
			n = (size_t)utf8proc_encode_char(cp, enc);
			src = (const char *)enc;
		}
		if (o + n >= cap)
			return 0;
		memcpy(out + o, src, n);
		o += n;
	}
	out[o] = '\0';
	return o;
}

/* The base vowel of the letter that starts at s[i], lowercase; 0 for
 * any other letter; -1 for a tone mark or a broken sequence. */
static int32_t
base_at(const char *s, size_t len, size_t i)
{
	utf8proc_int32_t cp;
	int v;

	if ((unsigned char)s[i] < 0x80) {
		cp = (unsigned char)s[i];
		cp = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	} else if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
				    (utf8proc_ssize_t)(len - i), &cp) <= 0 ||
		   cp == 0x0300 || cp == 0x0301 || cp == 0x0303 ||
		   cp == 0x0309 || cp == 0x0323) {
		return -1;
	} else {
		cp = utf8proc_tolower(cp);
	}
	v = vowel_code(cp);
	return v ? vowel_forms[(v - 1) / 6][0] : 0;
}

/* May the two styles put the tone of s on different letters? Only in the
 * open rimes oa, oe, uy (place_tone), so only when the word ends in those
 * two letters: a look at its end instead of a parse. */
static int
two_placements(const char *s, size_t len)
{
	size_t z = len, a;
	int32_t bz, ba;

	/* z: the start of the last character, a: of the one before */
	if (len == 0)
		return 0;
	do
		z--;
	while (z > 0 && ((unsigned char)s[z] & 0xC0) == 0x80);
	if (z == 0)
		return 0; /* one character: one vowel at most */
	a = z;
	do
		a--;
	while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80);
	bz = base_at(s, len, z);
	if (bz == 0 || (bz > 0 && bz != 'a' && bz != 'e' && bz != 'y'))
		return 0;
	ba = base_at(s, len, a);
	if (bz < 0 || ba < 0)
		return 1;
	return (ba == 'o' && (bz == 'a' || bz == 'e')) ||
	       (ba == 'u' && bz == 'y');
}

size_t
vni_syllable_restyle(const char *s, size_t len, unsigned style, char *out,
		     size_t cap)
{
	struct parse p;
	size_t to;

	if ((style != VNI_STYLE_TRADITIONAL && style != VNI_STYLE_REFORMED) ||
	    !two_placements(s, len) ||
	    analyse(s, len, &p) != VNI_SYL_VALID || p.ntones == 0)
		return copy_out(s, len, out, cap);
	to = style == VNI_STYLE_TRADITIONAL ? p.pos_trad : p.pos_ref;
	if (to == p.tone_at)
		return copy_out(s, len, out, cap);
	return retone(s, &p, p.tone_at, to, p.tone, out, cap);
}

size_t
vni_syllable_add_tone(const char *s, size_t len, enum vni_tone tone,
		      unsigned style, char *out, size_t cap)
{
	struct parse p;
	enum vni_syl_status st = analyse(s, len, &p);
	size_t at, o;

	if ((st != VNI_SYL_VALID && st != VNI_SYL_BAD_TONE_FINAL) ||
	    p.ntones != 0 || p.pos_trad == NONE)
		return 0;
	at = style == VNI_STYLE_REFORMED ? p.pos_ref : p.pos_trad;
	if (tone == VNI_TONE_NGANG)
		at = NONE;
	if ((o = retone(s, &p, NONE, at, tone, out, cap)) == 0)
		return 0;
	/* The tone must suit the final: no "viềt". */
	return analyse(out, o, &p) == VNI_SYL_VALID ? o : 0;
}

const char *
vni_syl_status_reason(enum vni_syl_status st, vn_lang lang)
{
	/* in enum vni_syl_status order: {English, Vietnamese} */
	static const char *const reason[][2] = {
		{"valid syllable", "âm tiết hợp lệ"},
		{"letter outside the Vietnamese alphabet",
		 "chữ cái không thuộc bảng chữ cái tiếng Việt"},
		{"consonant cluster that starts no syllable",
		 "phụ âm đầu không hợp lệ"},
		{"vowel and final combination that does not exist",
		 "vần không tồn tại"},
		{"spelling rule broken (c/k/q, g/gh, ng/ngh, iê/yê)",
		 "sai quy tắc chính tả (c/k/q, g/gh, ng/ngh, iê/yê)"},
		{"final p, t, c, ch takes only the sắc or nặng tone",
		 "vần tận cùng bằng p, t, c, ch chỉ mang dấu sắc hoặc nặng"},
		{"tone mark on the wrong vowel", "dấu thanh đặt sai vị trí"},
		{"more than one tone mark", "nhiều hơn một dấu thanh"},
	};
	size_t i = (size_t)st;
	int vi = lang == VN_LANG_VI;

	if (i >= sizeof(reason) / sizeof(reason[0]))
		return vi ? "trạng thái không xác định" : "unknown status";
	return reason[i][vi];
}
