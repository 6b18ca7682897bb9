/* SPDX-License-Identifier: MIT */
/* Undoing a wrong decoding: text whose every character is one byte of
 * Vietnamese text in UTF-8 or a legacy encoding (TCVN3, VNI-Windows,
 * VISCII, Windows-1258) shown as Windows-1252 or Latin-1 is turned back
 * into those bytes and decoded as it should have been. The byte tables in
 * legacy_tables.inc are generated from glibc iconv (see the script named
 * there). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"
#include "legacy_tables.inc"

/* Longest text decoded at once: far longer than any word. */
#define LEGACY_MAX 256

const char *
vni_encoding_name(enum vni_encoding enc)
{
	static const char *const name[VNI_ENC_COUNT] = {
		"UTF-8", "TCVN3 (ABC)", "VNI-Windows", "VISCII", "Windows-1258",
	};

	return (unsigned)enc < VNI_ENC_COUNT ? name[enc] : "?";
}

int
vni_legacy_byte(int32_t cp)
{
	int i;

	if (cp < 0x100)
		return cp;
	for (i = 0; i < 32; i++)
		if (cp1252_high[i] == cp)
			return 0x80 + i;
	return -1;
}

/* s[0..n) back to its bytes; the count, or 0 if a character is no byte. */
static size_t
to_bytes(const char *s, size_t n, unsigned char *out, size_t cap)
{
	size_t i = 0, o = 0;
	int32_t cp;
	int k, byte;

	while (i < n) {
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0 || o >= cap || (byte = vni_legacy_byte(cp)) < 0)
			return 0;
		out[o++] = (unsigned char)byte;
		i += (size_t)k;
	}
	return o;
}

int
vni_legacy_shown(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int k;

	while (i < n) {
		/* Vietnamese letters outside Latin-1 (U+0100..017F, U+1EA0..)
		 * end it at once. */
		if ((unsigned char)s[i] == 0xC4 || (unsigned char)s[i] == 0xE1)
			return 0;
		k = vni_utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0 || vni_legacy_byte(cp) < 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

static int
pair_cmp(const void *key, const void *elt)
{
	const struct vni_pair *a = key, *b = elt;

	if (a->base != b->base)
		return a->base - b->base;
	return a->mark - b->mark;
}

/* Bytes to code points in the single-byte encoding enc; the count, or 0
 * for a byte the encoding leaves undefined. */
static size_t
bytes_to_ucs(enum vni_encoding enc, const unsigned char *by, size_t n,
	     int32_t *cp)
{
	const uint16_t *table = enc == VNI_ENC_TCVN3	? tcvn3_ucs
				: enc == VNI_ENC_VISCII ? viscii_ucs
							: cp1258_ucs;
	struct vni_pair key, *hit;
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (enc != VNI_ENC_VNI) {
			if ((cp[o++] = table[by[i]]) == 0)
				return 0;
			continue;
		}
		/* VNI: a base letter and its mark byte, or a letter of one
		 * byte, or a byte that means what Windows-1252 says. */
		if (i + 1 < n && by[i + 1] >= 0xC0) {
			key.base = by[i];
			key.mark = by[i + 1];
			hit = bsearch(&key, vni_pairs,
				      sizeof(vni_pairs) / sizeof(vni_pairs[0]),
				      sizeof(vni_pairs[0]), pair_cmp);
			if (hit) {
				cp[o++] = hit->cp;
				i++;
				continue;
			}
		}
		if (vni_single[by[i]])
			cp[o++] = vni_single[by[i]];
		else if (by[i] >= 0x80 && by[i] < 0xA0)
			cp[o++] = cp1252_high[by[i] - 0x80];
		else
			cp[o++] = by[i];
	}
	return o;
}

/* Write cp[0..n) as UTF-8, composed to NFC (Windows-1258 and TCVN3 write
 * tone marks as combining characters, and so does decomposed UTF-8). */
static size_t
ucs_to_nfc(const int32_t *cp, size_t n, char *out, size_t cap)
{
	char tmp[LEGACY_MAX * 4 + 1];
	int32_t dec[LEGACY_MAX * 4];
	utf8proc_ssize_t m;
	size_t i, o = 0;
	int marks = 0;

	for (i = 0; i < n; i++) {
		marks |= cp[i] >= 0x300 && cp[i] < 0x370;
		o += (size_t)vni_utf8_encode(cp[i], tmp + o);
	}
	if (marks) {
		m = utf8proc_decompose((const utf8proc_uint8_t *)tmp,
				       (utf8proc_ssize_t)o, dec,
				       (utf8proc_ssize_t)(sizeof(dec) /
							  sizeof(dec[0])),
				       UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (m < 0 || (size_t)m > sizeof(dec) / sizeof(dec[0]))
			return 0;
		/* Composes, then writes the UTF-8 over dec. */
		m = utf8proc_reencode(dec, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (m < 0)
			return 0;
		o = (size_t)m;
		memcpy(tmp, dec, o);
	}
	if (o + 1 > cap)
		return 0;
	memcpy(out, tmp, o);
	out[o] = '\0';
	return o;
}

static size_t
utf8_to_nfc(const char *s, size_t n, char *out, size_t cap)
{
	int32_t cp[LEGACY_MAX];
	size_t i = 0, o = 0;
	int k;

	while (i < n) {
		if (o >= LEGACY_MAX ||
		    (k = vni_utf8_decode((const unsigned char *)s + i, n - i,
					 &cp[o])) <= 0)
			return 0;
		o++;
		i += (size_t)k;
	}
	return ucs_to_nfc(cp, o, out, cap);
}

/* UTF-8: the bytes must be UTF-8 through and through. */
static size_t
utf8_once(const char *s, size_t n, char *out, size_t cap)
{
	unsigned char by[LEGACY_MAX];
	size_t m, i;
	int32_t cp;
	int k;

	if ((m = to_bytes(s, n, by, sizeof(by))) == 0 || m + 1 > cap)
		return 0;
	for (i = 0; i < m; i += (size_t)k)
		if ((k = vni_utf8_decode(by + i, m - i, &cp)) <= 0)
			return 0;
	memcpy(out, by, m);
	out[m] = '\0';
	return m;
}

size_t
vni_legacy_decode(enum vni_encoding enc, const char *s, size_t n, char *out,
		  size_t cap)
{
	unsigned char by[LEGACY_MAX];
	int32_t cp[LEGACY_MAX];
	char once[LEGACY_MAX + 1], twice[LEGACY_MAX + 1];
	size_t m, k;

	if (n == 0 || n > LEGACY_MAX)
		return 0;
	if (enc == VNI_ENC_UTF8) {
		if ((m = utf8_once(s, n, once, sizeof(once))) == 0)
			return 0;
		/* Twice over ("ViÃ¡Â»â€¡t"): decode again when that works
		 * and changes something. */
		k = utf8_once(once, m, twice, sizeof(twice));
		if (k != 0 && (k != m || memcmp(twice, once, m) != 0))
			return utf8_to_nfc(twice, k, out, cap);
		return utf8_to_nfc(once, m, out, cap);
	}
	if ((m = to_bytes(s, n, by, sizeof(by))) == 0 ||
	    (m = bytes_to_ucs(enc, by, m, cp)) == 0)
		return 0;
	return ucs_to_nfc(cp, m, out, cap);
}
