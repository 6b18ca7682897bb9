/* SPDX-License-Identifier: MIT */
/* Unit tests of the legacy decoders: Vietnamese text in UTF-8, TCVN3,
 * VNI-Windows, VISCII and Windows-1258 whose bytes were shown as
 * Windows-1252 is read back. The damaged forms were made with
 * `iconv -t ENC | iconv -f cp1252` (VNI by its published table). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static const char *
dec(enum vni_encoding enc, const char *s)
{
	static char out[1024];

	if (vni_legacy_decode(enc, s, strlen(s), out, sizeof(out)) == 0)
		return "(none)";
	return out;
}

static void
utf8_once_and_twice(void **state)
{
	(void)state;
	assert_string_equal(dec(VNI_ENC_UTF8, "Viá»‡t"), "Việt");
	assert_string_equal(dec(VNI_ENC_UTF8, "ViÃ¡Â»â€¡t"), "Việt");
	assert_string_equal(dec(VNI_ENC_UTF8, "phÃ¡t"), "phát");
	/* 0x9D is undefined in Windows-1252: Latin-1 shows U+009D. */
	assert_string_equal(dec(VNI_ENC_UTF8, "ngÆ°á»\xC2\x9Di"), "người");
	/* Decomposed UTF-8 comes back composed. */
	assert_string_equal(dec(VNI_ENC_UTF8, "VieÌ£Ì‚t"), "Việt");
}

static void
tcvn3(void **state)
{
	(void)state;
	assert_string_equal(dec(VNI_ENC_TCVN3, "ViÖt"), "Việt");
	assert_string_equal(dec(VNI_ENC_TCVN3, "ph¸t"), "phát");
	/* The soft hyphen is "ư". */
	assert_string_equal(dec(VNI_ENC_TCVN3, "ng\xC2\xAD" "êi"), "người");
	assert_string_equal(dec(VNI_ENC_TCVN3, "®\xC2\xAD" "êng"), "đường");
	assert_string_equal(dec(VNI_ENC_TCVN3, "QuyÕt"), "Quyết");
	/* A capital from 0x80-0x9F, shown by Windows-1252 as "ž". */
	assert_string_equal(dec(VNI_ENC_TCVN3, "žy"), "Ủy");
	/* A combining tone byte (0xB3, "³") is composed. */
	assert_string_equal(dec(VNI_ENC_TCVN3, "a³"), "á");
}

static void
vni(void **state)
{
	(void)state;
	assert_string_equal(dec(VNI_ENC_VNI, "Vieät"), "Việt");
	assert_string_equal(dec(VNI_ENC_VNI, "phaùt"), "phát");
	assert_string_equal(dec(VNI_ENC_VNI, "ngöôøi"), "người");
	assert_string_equal(dec(VNI_ENC_VNI, "ñöôøng"), "đường");
	assert_string_equal(dec(VNI_ENC_VNI, "Quyeát"), "Quyết");
	assert_string_equal(dec(VNI_ENC_VNI, "ñònh"), "định");
	assert_string_equal(dec(VNI_ENC_VNI, "UÛy"), "Ủy");
	assert_string_equal(dec(VNI_ENC_VNI, "VIEÄT"), "VIỆT");
	assert_string_equal(dec(VNI_ENC_VNI, "naêng"), "năng");
	assert_string_equal(dec(VNI_ENC_VNI, "mî"), "mỵ");
	/* A mark byte of the wrong case, or after a consonant, stays. */
	assert_string_equal(dec(VNI_ENC_VNI, "eÄ"), "eÄ");
	assert_string_equal(dec(VNI_ENC_VNI, "Müller"), "Müller");
}

static void
viscii(void **state)
{
	(void)state;
	assert_string_equal(dec(VNI_ENC_VISCII, "Vi®t"), "Việt");
	assert_string_equal(dec(VNI_ENC_VISCII, "tri¬n"), "triển");
	assert_string_equal(dec(VNI_ENC_VISCII, "ðß¶ng"), "đường");
	assert_string_equal(dec(VNI_ENC_VISCII, "ð¸nh"), "định");
	assert_string_equal(dec(VNI_ENC_VISCII, "œy"), "Ủy");
}

static void
cp1258(void **state)
{
	(void)state;
	/* Tone bytes are combining marks: the result is NFC. */
	assert_string_equal(dec(VNI_ENC_CP1258, "Viêòt"), "Việt");
	assert_string_equal(dec(VNI_ENC_CP1258, "triêÒn"), "triển");
	assert_string_equal(dec(VNI_ENC_CP1258, "ngýõÌi"), "người");
	assert_string_equal(dec(VNI_ENC_CP1258, "ðiònh"), "định");
	assert_string_equal(dec(VNI_ENC_CP1258, "UÒy"), "Ủy");
	/* 0x8A is undefined in Windows-1258. */
	assert_string_equal(dec(VNI_ENC_CP1258, "aŠ"), "(none)");
}

static void
not_bytes(void **state)
{
	char big[300];
	int e;

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (e = 0; e < VNI_ENC_COUNT; e++) {
		/* "ư" and "→" are no byte of Windows-1252. */
		assert_string_equal(dec((enum vni_encoding)e, "người"), "(none)");
		assert_string_equal(dec((enum vni_encoding)e, "a→b"), "(none)");
		assert_string_equal(dec((enum vni_encoding)e, big), "(none)");
		assert_string_equal(dec((enum vni_encoding)e, "Nam"), "Nam");
	}
	/* Latin-1 letters are not UTF-8 bytes. */
	assert_string_equal(dec(VNI_ENC_UTF8, "café"), "(none)");
	assert_true(vni_legacy_shown("Müller ½ €", strlen("Müller ½ €")));
	assert_false(vni_legacy_shown("Việt", strlen("Việt")));
	assert_false(vni_legacy_shown("Łódź", strlen("Łódź")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_once_and_twice),
		cmocka_unit_test(tcvn3),
		cmocka_unit_test(vni),
		cmocka_unit_test(viscii),
		cmocka_unit_test(cp1258),
		cmocka_unit_test(not_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
