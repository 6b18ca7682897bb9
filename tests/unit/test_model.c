/* SPDX-License-Identifier: MIT */
/* Unit tests of the context model: training, the file format and its
 * checks, Kneser-Ney scoring, and the context check end to end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

#define MODEL "/tmp/vnlint-test.model"

static const char corpus[] =
	"Bạn cần cài đặt gói này để làm việc với tệp.\n"
	"Hãy chạy lệnh này để làm sạch thư mục.\n"
	"Chúng tôi dùng công cụ này để làm báo cáo.\n"
	"Người dùng có thể thay đổi tùy chọn.\n"
	"Người dùng có thể xóa tệp này.\n"
	"Bạn có thể làm việc với tệp này.\n";

static int
setup(void **state)
{
	vn_options o;
	vn_ctx *ctx;
	vn_trainer *t;
	char err[256];
	int i;

	memset(&o, 0, sizeof(o));
	o.data_dir = getenv("VNLINT_DATA_DIR") ? getenv("VNLINT_DATA_DIR") : "dict";
	if (vn_ctx_new(&ctx, &o, err, sizeof(err)) != VN_OK ||
	    vn_trainer_new(&t, ctx) != VN_OK)
		return -1;
	for (i = 0; i < 3; i++) /* counts of 3: candidates need that much */
		if (vn_trainer_add(t, corpus, strlen(corpus)) != VN_OK)
			return -1;
	if (vn_trainer_write(t, MODEL, 1, err, sizeof(err)) != VN_OK)
		return -1;
	vn_trainer_free(t);
	*state = ctx;
	return 0;
}

static int
teardown(void **state)
{
	vn_ctx_free(*state);
	remove(MODEL);
	return 0;
}

static vn_model *
load(void)
{
	vn_model *m = NULL;
	char err[256];

	assert_int_equal(vn_model_load(&m, MODEL, err, sizeof(err)), VN_OK);
	return m;
}

static void
scores(void **state)
{
	vn_model *m = load();
	uint32_t de = vni_model_id(m, "để", strlen("để"));
	uint32_t lam = vni_model_id(m, "làm", strlen("làm"));
	uint32_t nay = vni_model_id(m, "này", strlen("này"));

	(void)state;
	assert_true(de != VNI_NO_WORD && lam != VNI_NO_WORD && nay != VNI_NO_WORD);
	assert_int_equal(vni_model_id(m, "đế", strlen("đế")), VNI_NO_WORD);
	assert_int_equal(vni_model_bigram(m, de, lam), 9);
	assert_int_equal(vni_model_count(m, de), 9);
	/* a seen pair beats an unseen one, and probabilities are < 1 */
	assert_true(vni_model_logprob(m, de, lam) > vni_model_logprob(m, lam, de));
	assert_true(vni_model_logprob(m, de, lam) < 0);
	assert_true(vni_model_logprob(m, VNI_NO_WORD, lam) < 0);
	/* the reformed tone placement is the model's spelling */
	assert_true(vni_model_id(m, "xoá", strlen("xoá")) != VNI_NO_WORD);
	vn_model_free(m);
}

static void
detects_ocr_error(void **state)
{
	vn_model *m = load();
	const char *t = "Bạn cần cài đặt gói này đế làm việc với tệp.";
	vn_result *r;
	const vn_diag *d;

	vn_ctx_set_model(*state, m);
	assert_int_equal(vn_lint(*state, t, strlen(t), &r), VN_OK);
	assert_int_equal(vn_result_count(r), 1);
	d = vn_result_at(r, 0);
	assert_string_equal(vn_diag_rule(d), "context/unlikely-syllable");
	assert_memory_equal(t + vn_diag_byte_offset(d), "đế", strlen("đế"));
	assert_string_equal(vn_diag_suggestion(d, 0), "để");
	vn_result_free(r);
	/* the correct text passes */
	t = "Bạn cần cài đặt gói này để làm việc với tệp.";
	assert_int_equal(vn_lint(*state, t, strlen(t), &r), VN_OK);
	assert_int_equal(vn_result_count(r), 0);
	vn_result_free(r);
	vn_ctx_set_model(*state, NULL);
	vn_model_free(m);
}

/* Rewrite the model file with one byte changed, or cut short. */
static void
damage(long at, int cut)
{
	FILE *f = fopen(MODEL, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	if (at >= 0)
		buf[at < 0 ? n + at : at] ^= 0x5A;
	f = fopen("/tmp/vnlint-bad.model", "wb");
	fwrite(buf, 1, (size_t)(cut ? n / 2 : n), f);
	fclose(f);
	free(buf);
}

static void
rejects_damaged_files(void **state)
{
	vn_model *m = (vn_model *)1;
	char err[256];

	(void)state;
	damage(100, 0); /* a byte of the body: checksum */
	assert_int_equal(vn_model_load(&m, "/tmp/vnlint-bad.model", err, sizeof(err)),
			 VN_EDICT);
	assert_null(m);
	assert_non_null(strstr(err, "checksum"));
	damage(-1, 1); /* truncated */
	assert_int_equal(vn_model_load(&m, "/tmp/vnlint-bad.model", err, sizeof(err)),
			 VN_EDICT);
	assert_non_null(strstr(err, "truncated"));
	damage(0, 0); /* magic */
	assert_int_equal(vn_model_load(&m, "/tmp/vnlint-bad.model", err, sizeof(err)),
			 VN_EDICT);
	assert_non_null(strstr(err, "not a vnlint model"));
	damage(4, 0); /* version */
	assert_int_equal(vn_model_load(&m, "/tmp/vnlint-bad.model", err, sizeof(err)),
			 VN_EDICT);
	assert_non_null(strstr(err, "version"));
	assert_int_equal(vn_model_load(&m, "/nonexistent.model", err, sizeof(err)),
			 VN_EIO);
	remove("/tmp/vnlint-bad.model");
}

static void
confusions(void **state)
{
	char c[64][VNI_CAND_LEN];
	size_t n, i;
	int has_de = 0, has_dd = 0, has_other_tone = 0;

	(void)state;
	n = vni_confusions("đế", strlen("đế"), VN_PROFILE_OCR, c, 64);
	for (i = 0; i < n; i++) {
		has_de |= strcmp(c[i], "để") == 0;
		has_dd |= strcmp(c[i], "dế") == 0;
		has_other_tone |= strcmp(c[i], "đề") == 0;
		assert_int_equal(vni_syllable_parse(c[i], strlen(c[i]), NULL),
				 VNI_SYL_VALID);
		assert_string_not_equal(c[i], "đế");
	}
	assert_true(has_de && has_dd && has_other_tone);
	/* typing adds regional confusions: s/x */
	n = vni_confusions("xử", strlen("xử"), VN_PROFILE_TYPING, c, 64);
	for (has_de = 0, i = 0; i < n; i++)
		has_de |= strcmp(c[i], "sử") == 0;
	assert_true(has_de);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scores),
		cmocka_unit_test(detects_ocr_error),
		cmocka_unit_test(rejects_damaged_files),
		cmocka_unit_test(confusions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
