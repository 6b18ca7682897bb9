/* SPDX-License-Identifier: MIT */
/* test_syllable.c - run the syllable conformance list and unit-test the
 * tone restyling and reason strings of src/syllable.c. */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

#define STYLE_BOTH (VNI_STYLE_TRADITIONAL | VNI_STYLE_REFORMED)

/* Expected outcomes as spelled in tests/spec/syllables.txt. */
static const struct {
	const char *name;
	enum vni_syl_status status;
	unsigned styles; /* only for VALID */
} expectations[] = {
	{"valid-both", VNI_SYL_VALID, STYLE_BOTH},
	{"valid-traditional", VNI_SYL_VALID, VNI_STYLE_TRADITIONAL},
	{"valid-reformed", VNI_SYL_VALID, VNI_STYLE_REFORMED},
	{"not-vietnamese", VNI_SYL_NOT_VIETNAMESE, 0},
	{"bad-initial", VNI_SYL_BAD_INITIAL, 0},
	{"bad-rime", VNI_SYL_BAD_RIME, 0},
	{"bad-spelling", VNI_SYL_BAD_SPELLING, 0},
	{"bad-tone-final", VNI_SYL_BAD_TONE_FINAL, 0},
	{"misplaced-tone", VNI_SYL_MISPLACED_TONE, 0},
	{"multiple-tones", VNI_SYL_MULTIPLE_TONES, 0},
};
#define NEXPECT (sizeof(expectations) / sizeof(expectations[0]))

static const char *
describe(enum vni_syl_status st, unsigned styles)
{
	size_t i;

	for (i = 0; i < NEXPECT; i++)
		if (expectations[i].status == st &&
		    (st != VNI_SYL_VALID || expectations[i].styles == styles))
			return expectations[i].name;
	return "valid-with-no-style";
}

static void
test_spec(void **state)
{
	const char *path = *state;
	char line[512];
	size_t lineno = 0, cases = 0, failures = 0;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, f) != NULL) {
		char *word, *want, *rest;
		struct vni_syllable syl;
		size_t i;

		lineno++;
		word = strtok(line, " \t\r\n");
		if (word == NULL || word[0] == '#')
			continue;
		want = strtok(NULL, " \t\r\n");
		rest = strtok(NULL, " \t\r\n");
		if (want == NULL || (rest != NULL && rest[0] != '#')) {
			print_error("%s:%zu: malformed case\n", path, lineno);
			failures++;
			continue;
		}
		for (i = 0; i < NEXPECT; i++)
			if (strcmp(want, expectations[i].name) == 0)
				break;
		if (i == NEXPECT) {
			print_error("%s:%zu: unknown expectation '%s'\n", path,
				    lineno, want);
			failures++;
			continue;
		}
		cases++;
		vni_syllable_parse(word, strlen(word), &syl);
		if (syl.status != expectations[i].status ||
		    (syl.status == VNI_SYL_VALID &&
		     syl.styles != expectations[i].styles)) {
			print_error("%s:%zu: %s: expected %s, got %s\n", path,
				    lineno, word, want,
				    describe(syl.status, syl.styles));
			failures++;
		}
	}
	fclose(f);
	print_message("%zu cases, %zu failures\n", cases, failures);
	assert_true(cases > 0);
	assert_int_equal(failures, 0);
}

static void
check_restyle(const char *in, unsigned style, const char *want)
{
	char out[64];
	size_t n = vni_syllable_restyle(in, strlen(in), style, out, sizeof out);

	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void
test_restyle(void **state)
{
	(void)state;
	check_restyle("hòa", VNI_STYLE_REFORMED, "hoà");
	check_restyle("hoà", VNI_STYLE_TRADITIONAL, "hòa");
	check_restyle("hòa", VNI_STYLE_TRADITIONAL, "hòa");
	check_restyle("Thủy", VNI_STYLE_REFORMED, "Thuỷ");
	check_restyle("ỦY", VNI_STYLE_REFORMED, "UỶ");
	check_restyle("UỶ", VNI_STYLE_TRADITIONAL, "ỦY");
	check_restyle("KHOẺ", VNI_STYLE_TRADITIONAL, "KHỎE");
	check_restyle("hoàn", VNI_STYLE_TRADITIONAL, "hoàn");
	check_restyle("hoàn", VNI_STYLE_REFORMED, "hoàn");
	check_restyle("người", VNI_STYLE_TRADITIONAL, "người");
	check_restyle("người", VNI_STYLE_REFORMED, "người");
	check_restyle("hoa", VNI_STYLE_REFORMED, "hoa");
	/* Invalid input and unknown styles are copied unchanged. */
	check_restyle("hòan", VNI_STYLE_REFORMED, "hòan");
	check_restyle("fòa", VNI_STYLE_REFORMED, "fòa");
	check_restyle("hòa", 0, "hòa");
	check_restyle("hòa", STYLE_BOTH, "hòa");
}

static void
test_restyle_capacity(void **state)
{
	char out[8];

	(void)state;
	/* "hòa" and "hoà" are 4 bytes each: 5 with the NUL fit, 4 do not. */
	assert_int_equal(vni_syllable_restyle("hòa", 4, VNI_STYLE_REFORMED,
					      out, 5), 4);
	assert_string_equal(out, "hoà");
	assert_int_equal(vni_syllable_restyle("hòa", 4, VNI_STYLE_REFORMED,
					      out, 4), 0);
	/* The same holds when the word is copied unchanged. */
	assert_int_equal(vni_syllable_restyle("hoàn", 5, VNI_STYLE_REFORMED,
					      out, 5), 0);
	assert_int_equal(vni_syllable_restyle("hoàn", 5, VNI_STYLE_REFORMED,
					      out, 6), 5);
}

static void
check_add_tone(const char *in, enum vni_tone tone, unsigned style,
	       const char *want)
{
	char out[64];
	size_t n = vni_syllable_add_tone(in, strlen(in), tone, style, out,
					 sizeof out);

	if (want == NULL) {
		assert_int_equal(n, 0);
		return;
	}
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void
test_add_tone(void **state)
{
	(void)state;
	check_add_tone("viêt", VNI_TONE_NANG, VNI_STYLE_TRADITIONAL, "việt");
	check_add_tone("Viêt", VNI_TONE_NANG, VNI_STYLE_REFORMED, "Việt");
	check_add_tone("người", VNI_TONE_NGANG, VNI_STYLE_REFORMED, NULL);
	check_add_tone("ngươi", VNI_TONE_HUYEN, VNI_STYLE_REFORMED, "người");
	check_add_tone("hoa", VNI_TONE_HUYEN, VNI_STYLE_TRADITIONAL, "hòa");
	check_add_tone("hoa", VNI_TONE_HUYEN, VNI_STYLE_REFORMED, "hoà");
	check_add_tone("THUY", VNI_TONE_HOI, VNI_STYLE_TRADITIONAL, "THỦY");
	check_add_tone("hoan", VNI_TONE_HUYEN, VNI_STYLE_TRADITIONAL, "hoàn");
	check_add_tone("qua", VNI_TONE_SAC, VNI_STYLE_TRADITIONAL, "quá");
	check_add_tone("gia", VNI_TONE_NANG, VNI_STYLE_TRADITIONAL, "giạ");
	check_add_tone("tiêng", VNI_TONE_SAC, VNI_STYLE_TRADITIONAL, "tiếng");
	check_add_tone("ba", VNI_TONE_NGANG, VNI_STYLE_TRADITIONAL, "ba");
	/* a stop final takes only sắc and nặng */
	check_add_tone("viêt", VNI_TONE_HUYEN, VNI_STYLE_TRADITIONAL, NULL);
	check_add_tone("viêt", VNI_TONE_NGANG, VNI_STYLE_TRADITIONAL, NULL);
	/* not a syllable, already toned, too small a buffer */
	check_add_tone("vieet", VNI_TONE_NANG, VNI_STYLE_TRADITIONAL, NULL);
	check_add_tone("việt", VNI_TONE_NANG, VNI_STYLE_TRADITIONAL, NULL);
	assert_int_equal(vni_syllable_add_tone("viêt", 5, VNI_TONE_NANG,
					       VNI_STYLE_TRADITIONAL,
					       (char[6]){0}, 6), 0);
}

static void
test_parse_details(void **state)
{
	struct vni_syllable syl;

	(void)state;
	assert_int_equal(vni_syllable_parse("việt", strlen("việt"), &syl),
			 VNI_SYL_VALID);
	assert_int_equal(syl.tone, VNI_TONE_NANG);
	assert_int_equal(syl.styles, STYLE_BOTH);
	assert_int_equal(vni_syllable_parse("hòa", strlen("hòa"), NULL),
			 VNI_SYL_VALID);
	vni_syllable_parse("ngã", strlen("ngã"), &syl);
	assert_int_equal(syl.tone, VNI_TONE_NGA);
	vni_syllable_parse("hỏi", strlen("hỏi"), &syl);
	assert_int_equal(syl.tone, VNI_TONE_HOI);
	/* Only len bytes are read: "hoàng" cut to "hoàn". */
	assert_int_equal(vni_syllable_parse("hoàng", 5, &syl), VNI_SYL_VALID);
	assert_int_equal(vni_syllable_parse("", 0, &syl), VNI_SYL_BAD_RIME);
	assert_int_equal(syl.styles, 0);
	/* Invalid UTF-8 */
	assert_int_equal(vni_syllable_parse("h\xC3", 2, &syl),
			 VNI_SYL_NOT_VIETNAMESE);
	/* A combining tone mark NFC could not compose: on a consonant it is
	 * misplaced, on a toned vowel it is a second tone. */
	assert_int_equal(vni_syllable_parse("ha\xCC\x81t", 5, &syl),
			 VNI_SYL_VALID); /* decomposed: treated as "hát" */
	assert_int_equal(vni_syllable_parse("h\xCC\x81" "a", 4, &syl),
			 VNI_SYL_MISPLACED_TONE);
	assert_int_equal(vni_syllable_parse("\xC3\xA0\xCC\x81", 4, &syl),
			 VNI_SYL_MULTIPLE_TONES);
	assert_int_equal(vni_syllable_parse("\xCC\x81" "a", 3, &syl),
			 VNI_SYL_NOT_VIETNAMESE);
}

static void
test_reasons(void **state)
{
	int st;

	(void)state;
	for (st = VNI_SYL_VALID; st <= VNI_SYL_MULTIPLE_TONES; st++) {
		const char *en = vni_syl_status_reason(st, VN_LANG_EN);
		const char *vi = vni_syl_status_reason(st, VN_LANG_VI);

		assert_non_null(en);
		assert_non_null(vi);
		assert_true(en[0] != '\0' && vi[0] != '\0');
		assert_string_not_equal(en, vi);
	}
	assert_string_equal(
		vni_syl_status_reason(VNI_SYL_MISPLACED_TONE, VN_LANG_EN),
		"tone mark on the wrong vowel");
	assert_string_equal(
		vni_syl_status_reason(VNI_SYL_MISPLACED_TONE, VN_LANG_VI),
		"dấu thanh đặt sai vị trí");
	assert_non_null(vni_syl_status_reason((enum vni_syl_status)99,
					      VN_LANG_EN));
}

int
main(int argc, char **argv)
{
	char *path = getenv("VNLINT_SPEC");
	static char default_path[] = "tests/spec/syllables.txt";

	if (argc > 1)
		path = argv[1];
	if (path == NULL)
		path = default_path;
	{
		const struct CMUnitTest tests[] = {
			cmocka_unit_test_prestate(test_spec, path),
			cmocka_unit_test(test_restyle),
			cmocka_unit_test(test_restyle_capacity),
			cmocka_unit_test(test_add_tone),
			cmocka_unit_test(test_parse_details),
			cmocka_unit_test(test_reasons),
		};

		return cmocka_run_group_tests(tests, NULL, NULL);
	}
}
