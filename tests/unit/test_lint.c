/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the public API: every check, exact spans, rule ids,
 * positions after CRLF, BOM, NFD and invalid bytes. Uses the data in dict/
 * (VNLINT_DATA_DIR) and the system's hunspell dictionaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "vnlint.h"

static int
setup(void **state)
{
	vn_options o;
	vn_ctx *ctx;
	char err[512];

	memset(&o, 0, sizeof(o));
	o.data_dir = getenv("VNLINT_DATA_DIR") ? getenv("VNLINT_DATA_DIR") : "dict";
	if (vn_ctx_new(&ctx, &o, err, sizeof(err)) != VN_OK) {
		fprintf(stderr, "setup: %s\n", err);
		return -1;
	}
	*state = ctx;
	return 0;
}

static int
teardown(void **state)
{
	vn_ctx_free(*state);
	return 0;
}

static vn_result *
lint(void **state, const char *text)
{
	vn_result *r = NULL;

	assert_int_equal(vn_lint(*state, text, strlen(text), &r), VN_OK);
	assert_non_null(r);
	return r;
}

/* Find the first diagnostic of a rule; fail if absent. */
static const vn_diag *
first_of(const vn_result *r, const char *rule)
{
	size_t i;

	for (i = 0; i < vn_result_count(r); i++)
		if (strcmp(vn_diag_rule(vn_result_at(r, i)), rule) == 0)
			return vn_result_at(r, i);
	fail_msg("no %s diagnostic", rule);
	return NULL;
}

static size_t
count_of(const vn_result *r, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < vn_result_count(r); i++)
		n += strcmp(vn_diag_rule(vn_result_at(r, i)), rule) == 0;
	return n;
}

static void
span_is(const vn_diag *d, const char *text, const char *expect)
{
	size_t n = strlen(expect);

	assert_int_equal(vn_diag_byte_length(d), n);
	assert_memory_equal(text + vn_diag_byte_offset(d), expect, n);
}

static void
duplicate_syllable(void **state)
{
	const char *t = "Họ né tránh tránh, trách nhiệm; nói nói nói mãi.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "repetition/duplicate-syllable");

	assert_int_equal(count_of(r, "repetition/duplicate-syllable"), 2);
	assert_int_equal(count_of(r, "repetition/overlapping-words"), 0);
	span_is(d, t, "tránh tránh");
	assert_int_equal(vn_diag_line(d), 1);
	assert_int_equal(vn_diag_column(d), 7);
	assert_int_equal(vn_diag_end_column(d), 18);
	assert_int_equal(vn_diag_severity(d), VN_SEV_ERROR);
	assert_string_equal(vn_diag_suggestion(d, 0), "tránh");
	span_is(vn_result_at(r, 1), t, "nói nói nói");
	vn_result_free(r);
}

static void
overlapping_words(void **state)
{
	/* words on both sides: maybe two words sharing a syllable */
	const char *t = "Công tác phân phối phối hợp còn yếu.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "repetition/overlapping-words");

	assert_int_equal(vn_result_count(r), 1);
	span_is(d, t, "phối phối");
	assert_int_equal(vn_diag_severity(d), VN_SEV_WARNING);
	assert_string_equal(vn_diag_suggestion(d, 0), "phối");
	vn_result_free(r);
}

static void
reduplication_is_not_duplicate(void **state)
{
	vn_result *r = lint(state, "Ngày ngày người người đi từ từ trên con "
				   "đường xanh xanh.");

	assert_int_equal(count_of(r, "repetition/duplicate-syllable"), 0);
	vn_result_free(r);
}

static void
function_word_doubled(void **state)
{
	const char *t = "Kết quả của của năm nay và và năm sau.";
	vn_result *r = lint(state, t);

	assert_int_equal(count_of(r, "repetition/duplicate-syllable"), 2);
	span_is(first_of(r, "repetition/duplicate-syllable"), t, "của của");
	vn_result_free(r);
}

static void
invalid_syllables(void **state)
{
	const char *t = "Việc hòan thành và ngành nghề, không phải nghành.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "spelling/invalid-syllable");

	assert_int_equal(count_of(r, "spelling/invalid-syllable"), 2);
	span_is(d, t, "hòan");
	assert_int_equal(vn_diag_column(d), 6);
	span_is(vn_result_at(r, 1), t, "nghành");
	vn_result_free(r);
}

static void
both_tone_styles_accepted(void **state)
{
	vn_result *r = lint(state, "Hòa bình, hoà giải, thủy lợi, thuỷ sản, "
				   "ủy ban, uỷ quyền, khỏe mạnh, khoẻ khoắn.");

	/* No spelling error; only the mix itself is noted. A tie (4 and 4)
	 * goes to the style used first, so the 4 reformed ones are reported. */
	assert_int_equal(count_of(r, "spelling/invalid-syllable"), 0);
	assert_int_equal(count_of(r, "unicode/mixed-tone-placement"), 4);
	assert_int_equal(vn_result_count(r), 4);
	span_is(first_of(r, "unicode/mixed-tone-placement"), "Hòa bình, hoà giải, thủy lợi, thuỷ sản, "
		"ủy ban, uỷ quyền, khỏe mạnh, khoẻ khoắn.", "hoà");
	vn_result_free(r);
}

static void
stray_english(void **state)
{
	const char *t = "Kết quả rất tốt. By so sánh với năm trước, doanh "
			"thu tăng mạnh.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "mt/stray-english");

	span_is(d, t, "By");
	assert_int_equal(vn_diag_severity(d), VN_SEV_WARNING);
	assert_int_equal(vn_result_count(r), 1);
	vn_result_free(r);
}

static void
english_run_and_brands_are_not_stray(void **state)
{
	vn_result *r = lint(state, "Dự án dùng giấy phép open source software "
				   "và Google, xem https://example.com/by/the.");

	assert_int_equal(count_of(r, "mt/stray-english"), 0);
	vn_result_free(r);
}

static void
lowercase_after_period(void **state)
{
	const char *t = "Có lúc, có nơi chưa. quyết tâm.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "punctuation/lowercase-after-period");

	span_is(d, t, ". quyết");
	assert_int_equal(vn_diag_column(d), 20);
	vn_result_free(r);
}

static void
abbreviations_end_no_sentence(void **state)
{
	vn_result *r = lint(state, "Tại TP. Hồ Chí Minh, TS. Lan nói: sách, "
				   "vở, v.v. đều đủ. 1. mục đầu");

	assert_int_equal(count_of(r, "punctuation/lowercase-after-period"), 0);
	vn_result_free(r);
}

static void
thousands_separator(void **state)
{
	const char *t = "Xuất khẩu 1,322 triệu USD, tăng 2,5% và 0,125 điểm; "
			"dân số 1.234.567 người.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "number/english-thousands-separator");

	assert_int_equal(count_of(r, "number/english-thousands-separator"), 1);
	span_is(d, t, "1,322");
	assert_string_equal(vn_diag_suggestion(d, 0), "1.322");
	vn_result_free(r);
}

static void
quotes(void **state)
{
	const char *t = "Ông nói \"làm ngay” và \u201Cđúng\u201D.\n\n"
			"Bà hỏi \u201Cvì sao.\n\nHết.";
	vn_result *r = lint(state, t);
	const vn_diag *m = first_of(r, "punctuation/mixed-quotes");
	const vn_diag *u = first_of(r, "punctuation/unbalanced-quote");

	assert_int_equal(count_of(r, "punctuation/mixed-quotes"), 1);
	span_is(m, t, "\u201D");
	assert_string_equal(vn_diag_suggestion(m, 0), "\"");
	assert_int_equal(count_of(r, "punctuation/unbalanced-quote"), 1);
	span_is(u, t, "\u201C");
	assert_int_equal(vn_diag_line(u), 3);
	assert_int_equal(vn_diag_column(u), 8);
	vn_result_free(r);
}

static void
positions_after_crlf_and_bom(void **state)
{
	const char *t = "\xEF\xBB\xBF" "Dòng một.\r\nCó nơi chưa. quyết tâm.\r\n";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "punctuation/lowercase-after-period");

	assert_int_equal(vn_diag_line(d), 2);
	assert_int_equal(vn_diag_column(d), 12);
	assert_int_equal(vn_diag_end_line(d), 2);
	assert_int_equal(vn_diag_end_column(d), 19);
	span_is(d, t, ". quyết");
	vn_result_free(r);

	r = lint(state, "\xEF\xBB\xBFhòan");
	d = first_of(r, "spelling/invalid-syllable");
	assert_int_equal(vn_diag_column(d), 1);
	assert_int_equal(vn_diag_byte_offset(d), 3);
	vn_result_free(r);
}

static void
decomposed_text(void **state)
{
	/* "né tránh tránh" with the á of the second "tránh" decomposed */
	const char *t = "né tránh tra\xCC\x81nh.";
	vn_result *r = lint(state, t);
	const vn_diag *n = first_of(r, "unicode/not-nfc");
	const vn_diag *d = first_of(r, "repetition/duplicate-syllable");

	span_is(n, t, "tra\xCC\x81nh");
	assert_int_equal(vn_diag_column(n), 10);
	assert_int_equal(vn_diag_end_column(n), 16);
	assert_string_equal(vn_diag_suggestion(n, 0), "tránh");
	span_is(d, t, "tránh tra\xCC\x81nh");
	assert_int_equal(vn_diag_severity(d), VN_SEV_ERROR);
	vn_result_free(r);
}

static void
invalid_utf8_then_more(void **state)
{
	const char *t = "Xin chào \xFF\xFE bạn, né tránh tránh.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "encoding/invalid-utf8");

	assert_int_equal(vn_diag_byte_offset(d), 10);
	assert_int_equal(vn_diag_byte_length(d), 2);
	assert_int_equal(vn_diag_column(d), 10);
	assert_int_equal(vn_diag_end_column(d), 12);
	/* linting goes on after the bad bytes */
	d = first_of(r, "repetition/duplicate-syllable");
	assert_int_equal(vn_diag_column(d), 21);
	vn_result_free(r);
}

static void
binary_is_refused(void **state)
{
	vn_result *r = (vn_result *)1;

	assert_int_equal(vn_lint(*state, "ab\0cd", 5, &r), VN_EBINARY);
	assert_null(r);
}

static void
empty_input(void **state)
{
	vn_result *r = lint(state, "");

	assert_int_equal(vn_result_count(r), 0);
	vn_result_free(r);
}

static void
disable_and_enable(void **state)
{
	const char *t = "né tránh tránh.";
	vn_result *r;

	assert_int_equal(vn_ctx_set_rule_enabled(*state, "repetition", 0), VN_OK);
	r = lint(state, t);
	assert_int_equal(vn_result_count(r), 0);
	vn_result_free(r);
	assert_int_equal(vn_ctx_set_rule_enabled(*state,
						 "repetition/duplicate-syllable", 1),
			 VN_OK);
	r = lint(state, t);
	assert_int_equal(vn_result_count(r), 1);
	vn_result_free(r);
	assert_int_equal(vn_ctx_set_rule_enabled(*state, "no/such-rule", 0),
			 VN_EINVAL);
}

static void
long_line_without_breaks(void **state)
{
	/* Longer than one block: the cut must not split a syllable or lose
	 * positions. */
	size_t unit = strlen("tiếng nói "), n = 40000, i;
	char *t = malloc(unit * n + 32);
	vn_result *r;
	const vn_diag *d;

	assert_non_null(t);
	for (i = 0; i < n; i++)
		memcpy(t + i * unit, "tiếng nói ", unit);
	memcpy(t + n * unit, "hòan", sizeof("hòan"));
	r = lint(state, t);
	assert_int_equal(vn_result_count(r), 1);
	d = vn_result_at(r, 0);
	assert_int_equal(vn_diag_byte_offset(d), n * unit);
	assert_int_equal(vn_diag_column(d), n * 10 + 1);
	vn_result_free(r);
	free(t);
}

static void
joined_words_owned_once(void **state)
{
	const char *t = "Hệ thống mới thay hệthống cũ ở ViệtNam.";
	vn_result *r = lint(state, t);
	const vn_diag *d = first_of(r, "ocr/joined-words");

	span_is(d, t, "hệthống");
	assert_string_equal(vn_diag_suggestion(d, 0), "hệ thống");
	assert_int_equal(count_of(r, "ocr/joined-words"), 2);
	assert_int_equal(count_of(r, "spelling/invalid-syllable"), 0);
	vn_result_free(r);
	/* With the rule off, spelling reports the word with its split. */
	assert_int_equal(vn_ctx_set_rule_enabled(*state, "ocr/joined-words", 0),
			 VN_OK);
	r = lint(state, t);
	d = first_of(r, "spelling/invalid-syllable");
	span_is(d, t, "hệthống");
	assert_string_equal(vn_diag_suggestion(d, 0), "hệ thống");
	vn_result_free(r);
	assert_int_equal(vn_ctx_set_rule_enabled(*state, "ocr/joined-words", 1),
			 VN_OK);
}

static void
split_word_on_a_long_line(void **state)
{
	/* Many candidates on one line, across blocks: each found once. */
	size_t unit = strlen("Việ t Nam, "), n = 30000, i;
	char *t = malloc(unit * n + 1);
	vn_result *r;

	assert_non_null(t);
	for (i = 0; i < n; i++)
		memcpy(t + i * unit, "Việ t Nam, ", unit);
	t[unit * n] = '\0';
	r = lint(state, t);
	assert_int_equal(count_of(r, "ocr/split-word"), n);
	assert_string_equal(vn_diag_suggestion(first_of(r, "ocr/split-word"),
					       0),
			    "Việt");
	vn_result_free(r);
	free(t);
}

/* n copies of one paragraph, blank-line separated; CPU seconds to lint
 * them with only the duplicate check on. Every copy after the first must
 * point at line 1. */
static double
lint_copies(vn_ctx *ctx, size_t n)
{
	static const char para[] =
		"Đoạn văn này được lặp lại rất nhiều lần để kiểm tra rằng quy "
		"tắc tìm đoạn trùng chạy trong thời gian tuyến tính.\n\n";
	size_t unit = sizeof(para) - 1, i;
	char *t = malloc(unit * n + 1);
	vn_result *r = NULL;
	clock_t start;
	double secs;

	assert_non_null(t);
	for (i = 0; i < n; i++)
		memcpy(t + i * unit, para, unit);
	t[unit * n] = '\0';
	start = clock();
	assert_int_equal(vn_lint(ctx, t, unit * n, &r), VN_OK);
	secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	assert_int_equal(vn_result_count(r), n - 1);
	assert_string_equal(vn_diag_message(vn_result_at(r, n - 2)),
			    "this paragraph repeats the one at line 1");
	assert_int_equal(vn_diag_line(vn_result_at(r, n - 2)), 2 * n - 1);
	vn_result_free(r);
	free(t);
	return secs;
}

static void
duplicate_paragraphs_in_linear_time(void **state)
{
	vn_options o;
	vn_ctx *ctx;
	char err[512];
	double small, large;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.data_dir = getenv("VNLINT_DATA_DIR") ? getenv("VNLINT_DATA_DIR") : "dict";
	assert_int_equal(vn_ctx_new(&ctx, &o, err, sizeof(err)), VN_OK);
	assert_int_equal(vn_ctx_set_rule_enabled(ctx, "all", 0), VN_OK);
	assert_int_equal(vn_ctx_set_rule_enabled(
				 ctx, "structure/duplicate-paragraph", 1),
			 VN_OK);
	/* Ten times the paragraphs may take ten times as long, not a
	 * hundred: the limit is generous for slow and sanitized builds. */
	small = lint_copies(ctx, 10000);
	large = lint_copies(ctx, 100000);
	if (large > 30 * small + 1.0)
		fail_msg("100,000 paragraphs took %.2fs, 10,000 took %.2fs", large,
			 small);
	vn_ctx_free(ctx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duplicate_syllable),
		cmocka_unit_test(overlapping_words),
		cmocka_unit_test(reduplication_is_not_duplicate),
		cmocka_unit_test(function_word_doubled),
		cmocka_unit_test(invalid_syllables),
		cmocka_unit_test(both_tone_styles_accepted),
		cmocka_unit_test(stray_english),
		cmocka_unit_test(english_run_and_brands_are_not_stray),
		cmocka_unit_test(lowercase_after_period),
		cmocka_unit_test(abbreviations_end_no_sentence),
		cmocka_unit_test(thousands_separator),
		cmocka_unit_test(quotes),
		cmocka_unit_test(positions_after_crlf_and_bom),
		cmocka_unit_test(decomposed_text),
		cmocka_unit_test(invalid_utf8_then_more),
		cmocka_unit_test(binary_is_refused),
		cmocka_unit_test(empty_input),
		cmocka_unit_test(disable_and_enable),
		cmocka_unit_test(long_line_without_breaks),
		cmocka_unit_test(joined_words_owned_once),
		cmocka_unit_test(split_word_on_a_long_line),
		cmocka_unit_test(duplicate_paragraphs_in_linear_time),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
