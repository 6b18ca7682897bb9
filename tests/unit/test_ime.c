/* SPDX-License-Identifier: MIT */
/* Unit tests of the input-method read-back: Telex and VNI keys replayed
 * the way the engines apply them, VIQR marks read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

/* The readings of s, joined by '|', into out. */
static void
readings(enum vni_ime_method m, const char *s, unsigned style, char *out,
	 size_t cap, unsigned *how)
{
	struct vni_ime_reading r[4];
	size_t n = vni_ime_decode(m, s, strlen(s), style, r, 4), i;

	out[0] = '\0';
	*how = 0;
	for (i = 0; i < n; i++) {
		if (i)
			strncat(out, "|", cap - strlen(out) - 1);
		strncat(out, r[i].syl, cap - strlen(out) - 1);
		*how |= r[i].how;
	}
}

static void
expect(enum vni_ime_method m, const char *s, const char *want)
{
	char got[256];
	unsigned how;

	readings(m, s, VNI_STYLE_TRADITIONAL, got, sizeof got, &how);
	if (strcmp(got, want) != 0)
		fail_msg("%s: expected \"%s\", got \"%s\"", s, want, got);
}

static void
telex(void **state)
{
	(void)state;
	/* the orders people type in */
	expect(VNI_IME_TELEX, "vieetj", "việt");
	expect(VNI_IME_TELEX, "vieejt", "việt");
	expect(VNI_IME_TELEX, "Vieejt", "việt");
	expect(VNI_IME_TELEX, "tieengs", "tiếng");
	expect(VNI_IME_TELEX, "tieesng", "tiếng");
	expect(VNI_IME_TELEX, "dduwowcj", "được");
	expect(VNI_IME_TELEX, "dduowcj", "được");
	expect(VNI_IME_TELEX, "nguwowfi", "người");
	expect(VNI_IME_TELEX, "nguoiwf", "người");
	expect(VNI_IME_TELEX, "chaof", "chào");
	expect(VNI_IME_TELEX, "ddi", "đi");
	expect(VNI_IME_TELEX, "DDaij", "đại");
	expect(VNI_IME_TELEX, "nhwng", "nhưng");
	expect(VNI_IME_TELEX, "wf", "ừ");
	expect(VNI_IME_TELEX, "hoawcj", "hoặc");
	expect(VNI_IME_TELEX, "quaan", "quân");
	expect(VNI_IME_TELEX, "hoaf", "hòa");
	/* w on "uo" in an open syllable: ơ alone (thuở), ươ needs more */
	expect(VNI_IME_TELEX, "thuowr", "thuở");
	/* w on "ua": ưa (mưa) and not uă */
	expect(VNI_IME_TELEX, "muaw", "mưa");
	/* undone keys and foreign letters read as nothing */
	expect(VNI_IME_TELEX, "boss", "");
	expect(VNI_IME_TELEX, "aaa", "");
	expect(VNI_IME_TELEX, "ww", "");
	expect(VNI_IME_TELEX, "asf", "");
	expect(VNI_IME_TELEX, "toro", "");
	expect(VNI_IME_TELEX, "for", "");
	expect(VNI_IME_TELEX, "vieet", "");  /* stop final without a tone */
	expect(VNI_IME_TELEX, "vieetf", ""); /* ... or with huyền */
	expect(VNI_IME_TELEX, "nam", "");    /* no key at all */
	expect(VNI_IME_TELEX, "abcdefghijklmnopq", "");
	/* English words the check must leave to en_US */
	expect(VNI_IME_TELEX, "as", "á");
	expect(VNI_IME_TELEX, "mix", "mĩ");
}

static void
vni(void **state)
{
	(void)state;
	expect(VNI_IME_VNI, "Vie65t", "việt");
	expect(VNI_IME_VNI, "vie6t5", "việt");
	expect(VNI_IME_VNI, "Tie61ng", "tiếng");
	expect(VNI_IME_VNI, "d9u7o7c5", "được");
	expect(VNI_IME_VNI, "d9uo7c5", "được");
	expect(VNI_IME_VNI, "ngu7o72i", "người");
	expect(VNI_IME_VNI, "o73", "ở");
	expect(VNI_IME_VNI, "na8m", "năm");
	expect(VNI_IME_VNI, "co1", "có");
	/* codes */
	expect(VNI_IME_VNI, "x86", "");
	expect(VNI_IME_VNI, "mp3", "");
	expect(VNI_IME_VNI, "i386", "");
	expect(VNI_IME_VNI, "a11", "");
	expect(VNI_IME_VNI, "h5n1", "");
	expect(VNI_IME_VNI, "ca0", "");
	/* VNI has no Telex keys */
	expect(VNI_IME_VNI, "vieetj", "");
}

static void
viqr(void **state)
{
	(void)state;
	expect(VNI_IME_VIQR, "Vie^.t", "việt");
	expect(VNI_IME_VIQR, "Tie^'ng", "tiếng");
	expect(VNI_IME_VIQR, "ddu+o+.c", "được");
	expect(VNI_IME_VIQR, "DDa^'t", "đất");
	expect(VNI_IME_VIQR, "ngu+o+`i", "người");
	expect(VNI_IME_VIQR, "ho?i", "hỏi");
	expect(VNI_IME_VIQR, "na(m", "năm");
	expect(VNI_IME_VIQR, "ba.n", "bạn");
	/* code and English */
	expect(VNI_IME_VIQR, "u+rw", "");
	expect(VNI_IME_VIQR, "a+b", "");
	expect(VNI_IME_VIQR, "file.c", "");
	expect(VNI_IME_VIQR, "don't", "");
	expect(VNI_IME_VIQR, "x_y", "");
	expect(VNI_IME_VIQR, "e.g", "");
}

static void
evidence(void **state)
{
	char got[256];
	unsigned how;

	(void)state;
	readings(VNI_IME_TELEX, "tranhs", VNI_STYLE_TRADITIONAL, got,
		 sizeof got, &how);
	assert_string_equal(got, "tránh");
	assert_int_equal(how, VNI_IME_TONE);
	readings(VNI_IME_TELEX, "nafy", VNI_STYLE_TRADITIONAL, got,
		 sizeof got, &how);
	assert_string_equal(got, "này");
	assert_int_equal(how, VNI_IME_TONE);
	readings(VNI_IME_TELEX, "nhwng", VNI_STYLE_TRADITIONAL, got,
		 sizeof got, &how);
	assert_int_equal(how, VNI_IME_BARE_W);
	readings(VNI_IME_TELEX, "vieejt", VNI_STYLE_TRADITIONAL, got,
		 sizeof got, &how);
	assert_int_equal(how, VNI_IME_HAT | VNI_IME_TONE);
	readings(VNI_IME_TELEX, "hoaf", VNI_STYLE_REFORMED, got, sizeof got,
		 &how);
	assert_string_equal(got, "hoà");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(telex),
		cmocka_unit_test(vni),
		cmocka_unit_test(viqr),
		cmocka_unit_test(evidence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
