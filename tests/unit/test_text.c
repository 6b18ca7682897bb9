/* SPDX-License-Identifier: MIT */
/* Unit tests of the decoding stage: NFC, invalid UTF-8, BOM, offset map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static void
decode(struct vni_text *t, const char *s)
{
	vni_text_decode(t, s, strlen(s), 0);
	assert_false(t->failed);
}

static void
ascii_is_identity(void **state)
{
	struct vni_text t = {0};

	(void)state;
	decode(&t, "hello world\r\n");
	assert_string_equal(t.norm.ptr, "hello world\r\n");
	assert_int_equal(t.nfound, 0);
	assert_int_equal(vni_text_to_orig(&t, 6), 6);
	assert_int_equal(vni_text_to_orig(&t, 13), 13);
	vni_text_free(&t);
}

static void
nfc_text_is_identity(void **state)
{
	struct vni_text t = {0};

	(void)state;
	decode(&t, "Tiếng Việt");
	assert_string_equal(t.norm.ptr, "Tiếng Việt");
	assert_int_equal(t.nfound, 0);
	assert_int_equal(t.nsteps, 1);
	vni_text_free(&t);
}

static void
bom_is_dropped(void **state)
{
	struct vni_text t = {0};

	(void)state;
	decode(&t, "\xEF\xBB\xBFViệt");
	assert_string_equal(t.norm.ptr, "Việt");
	assert_int_equal(vni_text_to_orig(&t, 0), 3);
	assert_int_equal(vni_text_to_orig(&t, 2), 5);
	vni_text_free(&t);
}

static void
decomposed_is_composed_and_mapped(void **state)
{
	struct vni_text t = {0};
	/* "a Việt b" with ệ as e + U+0323 + U+0302 (NFD order) */
	const char *in = "a Vie\xCC\xA3\xCC\x82t b";

	(void)state;
	decode(&t, in);
	assert_string_equal(t.norm.ptr, "a Việt b");
	assert_int_equal(t.nfound, 1);
	assert_int_equal(t.found[0].kind, VNI_RAW_NOT_NFC);
	/* The rewritten letter: original "e"+2 marks = bytes 4..9 */
	assert_int_equal(t.found[0].orig, 4);
	assert_int_equal(t.found[0].orig_len, 5);
	assert_int_equal(t.found[0].norm, 4);
	assert_int_equal(t.found[0].norm_len, 3);
	/* "t" after the letter: norm 7 -> orig 9; " b" keeps its distance */
	assert_int_equal(vni_text_to_orig(&t, 7), 9);
	assert_int_equal(vni_text_to_orig(&t, 9), 11);
	assert_int_equal(vni_text_to_orig(&t, 2), 2);
	vni_text_free(&t);
}

static void
run_mapped_as_one_piece(void **state)
{
	struct vni_text t = {0};
	/* Hangul jamo L+V+T are three starters that compose together, so
	 * per-letter normalisation cannot work: the run maps as one piece. */
	const char *in = "a \xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 b";

	(void)state;
	decode(&t, in);
	assert_string_equal(t.norm.ptr, "a \xEA\xB0\x81 b");
	assert_int_equal(t.nfound, 1);
	assert_int_equal(t.found[0].orig, 2);
	assert_int_equal(t.found[0].orig_len, 9);
	assert_int_equal(vni_text_to_orig(&t, 2), 2);
	assert_int_equal(vni_text_to_orig(&t, 5), 11);
	assert_int_equal(vni_text_to_orig(&t, 6), 12);
	vni_text_free(&t);
}

static void
invalid_bytes_are_found_exactly(void **state)
{
	struct vni_text t = {0};
	/* 0xFF alone, then a truncated 3-byte sequence E1 BB before "t" */
	const char *in = "Vi\xFF" "e\xE1\xBBt";

	(void)state;
	decode(&t, in);
	assert_int_equal(t.nfound, 2);
	assert_int_equal(t.found[0].kind, VNI_RAW_INVALID_UTF8);
	assert_int_equal(t.found[0].orig, 2);
	assert_int_equal(t.found[0].orig_len, 1);
	assert_int_equal(t.found[1].orig, 4);
	assert_int_equal(t.found[1].orig_len, 2);
	assert_string_equal(t.norm.ptr, "Vi\xEF\xBF\xBD" "e\xEF\xBF\xBDt");
	/* "t" is at norm 9 and orig 6 */
	assert_int_equal(vni_text_to_orig(&t, 9), 6);
	vni_text_free(&t);
}

static void
overlong_and_surrogates_are_invalid(void **state)
{
	int32_t cp;

	(void)state;
	assert_int_equal(vni_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), -1);
	assert_int_equal(vni_utf8_decode((const unsigned char *)"\xE0\x80\xAF", 3, &cp), -1);
	assert_int_equal(vni_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), -1);
	assert_int_equal(vni_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), -1);
	assert_int_equal(vni_utf8_decode((const unsigned char *)"\xF5", 1, &cp), -1);
	assert_int_equal(vni_utf8_decode((const unsigned char *)"\xE1\xBB", 2, &cp), -2);
	assert_int_equal(vni_utf8_decode((const unsigned char *)"\xE1\xBB\x87", 3, &cp), 3);
	assert_int_equal(cp, 0x1EC7);
}

static void
block_base_offsets_carry(void **state)
{
	struct vni_text t = {0};

	(void)state;
	vni_text_decode(&t, "abc", 3, 100);
	assert_int_equal(vni_text_to_orig(&t, 1), 101);
	vni_text_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_is_identity),
		cmocka_unit_test(nfc_text_is_identity),
		cmocka_unit_test(bom_is_dropped),
		cmocka_unit_test(decomposed_is_composed_and_mapped),
		cmocka_unit_test(run_mapped_as_one_piece),
		cmocka_unit_test(invalid_bytes_are_found_exactly),
		cmocka_unit_test(overlong_and_surrogates_are_invalid),
		cmocka_unit_test(block_base_offsets_carry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
