/* SPDX-License-Identifier: MIT */
/* Unit tests of the word lists: the hash set, lowercasing, list loading
 * and its error messages. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "internal.h"

static void
set_add_has(void **state)
{
	struct vni_wordset ws = {0};
	char key[32];
	int i;

	(void)state;
	assert_false(vni_wordset_has(&ws, "a", 1));
	/* enough entries to force several rehashes */
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "từ%d", i);
		assert_true(vni_wordset_add(&ws, key, strlen(key)));
	}
	assert_int_equal(ws.n, 5000);
	assert_true(vni_wordset_add(&ws, "từ7", strlen("từ7"))); /* no dup */
	assert_int_equal(ws.n, 5000);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "từ%d", i);
		assert_true(vni_wordset_has(&ws, key, strlen(key)));
	}
	assert_false(vni_wordset_has(&ws, "từ", strlen("từ")));
	assert_false(vni_wordset_has(&ws, "từ50000", strlen("từ50000")));
	vni_wordset_free(&ws);
}

static void
prefix_entries(void **state)
{
	struct vni_wordset ws = {0};
	const char *e;

	(void)state;
	assert_true(vni_wordset_add(&ws, "hòan\x1Fhoàn\x1Fhoan",
				    strlen("hòan\x1Fhoàn\x1Fhoan")));
	e = vni_wordset_find_prefix(&ws, "hòan\x1F", strlen("hòan\x1F"));
	assert_non_null(e);
	assert_string_equal(e, "hòan\x1Fhoàn\x1Fhoan");
	assert_null(vni_wordset_find_prefix(&ws, "hòa\x1F", strlen("hòa\x1F")));
	vni_wordset_free(&ws);
}

static void
lowercase(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(vni_lower("ĐẮK LẮK", strlen("ĐẮK LẮK"), out, sizeof(out)),
			 strlen("đắk lắk"));
	assert_string_equal(out, "đắk lắk");
	assert_int_equal(vni_lower("Việt", strlen("Việt"), out, 4), 0); /* too small */
}

static char *
write_temp(const char *content)
{
	static char path[64];
	FILE *f;

	strcpy(path, "/tmp/vnlint-lexXXXXXX");
	close(mkstemp(path));
	f = fopen(path, "wb");
	fputs(content, f);
	fclose(f);
	return path;
}

static void
load_list(void **state)
{
	struct vni_wordset ws = {0};
	char err[256];
	char *p = write_temp("# comment\n\n  Ngày Ngày \r\nvân vân\n");

	(void)state;
	assert_true(vni_wordset_load(&ws, p, err, sizeof(err)));
	assert_int_equal(ws.n, 2);
	assert_true(vni_wordset_has(&ws, "ngày ngày", strlen("ngày ngày")));
	vni_wordset_free(&ws);
	unlink(p);
}

static void
broken_list_is_located(void **state)
{
	struct vni_wordset ws = {0};
	char err[256], want[300];
	char *p = write_temp("tốt\nx\xFFy\n");

	(void)state;
	assert_false(vni_wordset_load(&ws, p, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s:2:2: invalid UTF-8", p);
	assert_string_equal(err, want);
	vni_wordset_free(&ws);
	unlink(p);
	assert_false(vni_wordset_load(&ws, "/nonexistent/list.txt", err,
				      sizeof(err)));
	assert_string_equal(err, "/nonexistent/list.txt: No such file or directory");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(set_add_has),
		cmocka_unit_test(prefix_entries),
		cmocka_unit_test(lowercase),
		cmocka_unit_test(load_list),
		cmocka_unit_test(broken_list_is_located),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
