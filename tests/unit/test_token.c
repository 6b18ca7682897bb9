/* SPDX-License-Identifier: MIT */
/* Unit tests of the tokenizer: kinds, exact spans and flags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

struct fixture {
	struct vni_lexicon lex;
	struct vni_tokens toks;
	const char *text;
};

static int
setup(void **state)
{
	static struct fixture f;

	memset(&f, 0, sizeof(f));
	vni_wordset_add(&f.lex.abbreviations, "tp", 2);
	vni_wordset_add(&f.lex.abbreviations, "v.v", 3);
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	vni_tokens_free(&f->toks);
	vni_lexicon_free(&f->lex);
	return 0;
}

static void
lex(struct fixture *f, const char *s)
{
	f->text = s;
	vni_tokenize(&f->toks, s, strlen(s), &f->lex);
	assert_false(f->toks.failed);
}

/* Find the token that starts with text s; fail if none. */
static const struct vni_token *
find(struct fixture *f, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < f->toks.n; i++)
		if (f->toks.v[i].len == n &&
		    memcmp(f->text + f->toks.v[i].off, s, n) == 0)
			return &f->toks.v[i];
	fail_msg("no token \"%s\"", s);
	return NULL;
}

static void
words_and_spaces(void **state)
{
	struct fixture *f = *state;

	lex(f, "Tiếng Việt\r\nhay");
	assert_int_equal(f->toks.n, 5);
	assert_int_equal(f->toks.v[0].kind, VNI_TK_WORD);
	assert_int_equal(f->toks.v[0].len, strlen("Tiếng"));
	assert_true(f->toks.v[0].flags & VNI_TF_UPPER_FIRST);
	assert_true(f->toks.v[0].flags & VNI_TF_VN_MARK);
	assert_int_equal(f->toks.v[1].kind, VNI_TK_SPACE);
	assert_int_equal(f->toks.v[3].kind, VNI_TK_NEWLINE);
	assert_int_equal(f->toks.v[3].len, 2);
	assert_true(f->toks.v[4].flags & VNI_TF_ASCII);
}

static void
urls_emails_paths(void **state)
{
	struct fixture *f = *state;

	lex(f, "Xem https://vi.wikipedia.org/wiki/Việt_Nam, gửi a.b@ví-dụ.vn hoặc a.b@example.com. Tệp /usr/share/doc và ~/.bashrc.");
	assert_int_equal(find(f, "https://vi.wikipedia.org/wiki/Việt_Nam")->kind, VNI_TK_URL);
	assert_int_equal(find(f, "a.b@example.com")->kind, VNI_TK_EMAIL);
	assert_int_equal(find(f, "/usr/share/doc")->kind, VNI_TK_PATH);
	assert_int_equal(find(f, "~/.bashrc")->kind, VNI_TK_PATH);
}

static void
acronyms_and_abbreviations(void **state)
{
	struct fixture *f = *state;
	const struct vni_token *t;

	lex(f, "UBND TP.HCM và TP. Huế, v.v. cùng ông Nguyễn V. An");
	assert_true(find(f, "UBND")->flags & VNI_TF_ALL_CAPS);
	t = find(f, "TP.HCM");
	assert_true(t->flags & VNI_TF_ALL_CAPS);
	assert_true(t->flags & VNI_TF_DOTTED);
	assert_true(find(f, "TP")->flags & VNI_TF_ABBREV);
	assert_true((t + 0)->kind == VNI_TK_WORD);
	assert_true(find(f, "v.v")->flags & VNI_TF_ABBREV);
	assert_true(find(f, "V")->flags & VNI_TF_ABBREV);
	/* the period after TP is not a sentence end */
	t = find(f, "TP");
	assert_true(t[1].flags & VNI_TF_ABBREV_DOT);
	assert_false(vni_sentence_final(&t[1]));
}

static void
lost_space_after_period_splits(void **state)
{
	struct fixture *f = *state;

	lex(f, "chưa.quyết");
	assert_int_equal(f->toks.n, 3);
	assert_int_equal(f->toks.v[1].kind, VNI_TK_PUNCT);
	lex(f, "là.Tôi");
	assert_int_equal(f->toks.n, 3);
	lex(f, "Th.S Lan");
	assert_true(find(f, "Th.S")->flags & VNI_TF_DOTTED);
}

static void
sentence_or_extension_after_period(void **state)
{
	struct fixture *f = *state;

	/* a capitalised Vietnamese sentence start is prose... */
	lex(f, "bạn .Hệ thống và đô.Sau đó");
	assert_false(find(f, "Hệ")->flags & VNI_TF_CODE);
	assert_false(find(f, "Sau")->flags & VNI_TF_CODE);
	/* ...a file name or extension is not */
	lex(f, "tệp.txt, .bashrc, .NET và tệp .Xresources");
	assert_true(find(f, "txt")->flags & VNI_TF_CODE);
	assert_true(find(f, "bashrc")->flags & VNI_TF_CODE);
	assert_true(find(f, "NET")->flags & VNI_TF_CODE);
	assert_true(find(f, "Xresources")->flags & VNI_TF_CODE);
}

static void
numbers_and_codes(void **state)
{
	struct fixture *f = *state;

	lex(f, "1.234.567,89 và 1,322 triệu, COVID-19, H5N1, 3D, 21/22");
	assert_int_equal(find(f, "1.234.567,89")->kind, VNI_TK_NUMBER);
	assert_int_equal(find(f, "1,322")->kind, VNI_TK_NUMBER);
	assert_true(find(f, "COVID-19")->flags & VNI_TF_HAS_DIGIT);
	assert_true(find(f, "COVID-19")->flags & VNI_TF_HYPHENATED);
	assert_int_equal(find(f, "H5N1")->kind, VNI_TK_WORD);
	assert_int_equal(find(f, "21")->kind, VNI_TK_NUMBER);
	assert_int_equal(find(f, "22")->kind, VNI_TK_NUMBER);
}

static void
loans_and_code(void **state)
{
	struct fixture *f = *state;

	lex(f, "Mát-xcơ-va, iPhone, chạy make --all và printf() với my_var");
	assert_true(find(f, "Mát-xcơ-va")->flags & VNI_TF_HYPHENATED);
	assert_true(find(f, "iPhone")->flags & VNI_TF_MIXED_CASE);
	assert_true(find(f, "all")->flags & VNI_TF_CODE);
	assert_true(find(f, "printf")->flags & VNI_TF_CODE);
	assert_true(find(f, "my_var")->flags & VNI_TF_CODE);
	assert_false(find(f, "make")->flags & VNI_TF_CODE);
}

static void
foreign_letters(void **state)
{
	struct fixture *f = *state;

	lex(f, "Müller café Peña José");
	assert_true(find(f, "Müller")->flags & VNI_TF_NOT_VN_LETTER);
	assert_true(find(f, "café")->flags & VNI_TF_NOT_VN_LETTER);
	assert_true(find(f, "Peña")->flags & VNI_TF_NOT_VN_LETTER);
	assert_true(find(f, "José")->flags & VNI_TF_NOT_VN_LETTER);
}

static void
sentence_starts(void **state)
{
	struct fixture *f = *state;
	const struct vni_token *t;

	lex(f, "Xong. \u201CBy vậy\u201D và TP. Huế");
	t = find(f, "By");
	assert_true(vni_at_sentence_start(&f->toks, (size_t)(t - f->toks.v)));
	t = find(f, "Huế");
	assert_false(vni_at_sentence_start(&f->toks, (size_t)(t - f->toks.v)));
	t = find(f, "Xong");
	assert_true(vni_at_sentence_start(&f->toks, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_and_spaces),
		cmocka_unit_test(urls_emails_paths),
		cmocka_unit_test(acronyms_and_abbreviations),
		cmocka_unit_test(lost_space_after_period_splits),
		cmocka_unit_test(sentence_or_extension_after_period),
		cmocka_unit_test(numbers_and_codes),
		cmocka_unit_test(loans_and_code),
		cmocka_unit_test(foreign_letters),
		cmocka_unit_test(sentence_starts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
