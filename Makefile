# vnlint - a linter for Vietnamese text damaged by OCR and machine translation.
# Plain GNU make. `make` builds build/vnlint; `make test` runs everything.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR  ?= $(PREFIX)/share/vnlint
MANDIR   ?= $(PREFIX)/share/man
DESTDIR  ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wshadow
# CI (CI=true) turns warnings into errors.
ifeq ($(CI),true)
WERROR   ?= 1
endif
ifeq ($(WERROR),1)
WARN     += -Werror
endif
# The library needs the first three; the command also JSON (LSP) and INI
# (configuration files).
LIBPKGS  := hunspell libpcre2-8 libutf8proc
CLIPKGS  := $(LIBPKGS) libcjson inih zlib libzstd
DEPCFLAGS = $(shell pkg-config --cflags $(CLIPKGS) 2>/dev/null)
DEPLIBS   = $(shell pkg-config --libs $(LIBPKGS) 2>/dev/null) -lm
CLILIBS   = $(shell pkg-config --libs $(CLIPKGS) 2>/dev/null) -lm -pthread
CMOCKA    = $(shell pkg-config --libs cmocka 2>/dev/null)
DEFS     := -DVN_DATADIR='"$(DATADIR)"' -DVN_RULESDIR='"$(DATADIR)/rules"'
ALLCFLAGS = $(WARN) $(CFLAGS) $(DEPCFLAGS) $(DEFS) -fPIC -Isrc

B        := build
LIB_SRC  := src/buf.c src/utf8.c src/text.c src/token.c src/syllable.c \
            src/lexicon.c src/dict.c src/catalog.c src/lint.c \
            src/check_spelling.c src/check_repetition.c src/check_english.c \
            src/check_sentence.c src/check_numbers.c src/check_quotes.c \
            src/check_unicode.c src/check_glyphs.c src/check_punctuation.c \
            src/check_mojibake.c \
            src/check_spacing.c src/check_whitespace.c src/check_ellipsis.c \
            src/check_case.c src/check_split.c src/check_joined.c \
            src/check_letters.c src/ime.c src/check_ime.c \
            src/paragraph.c src/check_truncation.c \
            src/check_duplicate.c src/boilerplate.c src/check_boilerplate.c \
            src/legacy.c \
            src/multimap.c src/regex.c src/rulefile.c src/check_packs.c \
            src/selftest.c src/markup.c src/suppress.c src/fix.c \
            src/check_tone.c src/confuse.c src/model.c src/train.c \
            src/check_context.c src/check_diacritics.c
CLI_SRC  := src/main.c src/corpus.c src/json_scan.c src/instream.c src/out_text.c src/out_json.c src/out_diff.c src/fix_write.c src/config.c src/out_jsonl.c src/out_sarif.c src/lsp.c
UNIT     := syllable text token lexicon lint model ime legacy
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer

.PHONY: all deps demo test test-unit test-cli test-lsp test-asan test-install test-rules bench \
        corpus false-alarms install uninstall clean valgrind fuzz test-fuzz test-robust test-corpus test-jobs test-hosts test-alloc test-alloc-full test-alloc-asan test-fix-kill print-lib-src FORCE

all: $(B)/vnlint $(B)/libvnlint.a $(B)/libvnlint.so

# Installs missing Debian packages (as root) or prints the command.
deps: $(B)/.deps
$(B)/.deps: scripts/deps.sh
	@mkdir -p $(B)
	@sh scripts/deps.sh
	@touch $@

# Rebuild when the flags change (a new PREFIX changes the data path).
$(B)/.flags: FORCE | $(B)/.deps
	@echo '$(CC) $(ALLCFLAGS)' | cmp -s - $@ || echo '$(CC) $(ALLCFLAGS)' > $@
FORCE:

# The pkg-config flags are read after deps have been installed.
$(B)/%.o: src/%.c src/internal.h src/vnlint.h src/output.h $(B)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -c $< -o $@

$(B)/lsp.o $(B)/main.o: src/lsp.h
$(B)/main.o $(B)/corpus.o: src/corpus.h
$(B)/corpus.o $(B)/json_scan.o: src/json_scan.h
$(B)/corpus.o $(B)/instream.o: src/instream.h
$(B)/legacy.o: src/legacy_tables.inc
$(B)/config.o $(B)/main.o: src/config.h

LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/%.o)
CLI_OBJ := $(CLI_SRC:src/%.c=$(B)/%.o)

$(B)/libvnlint.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/libvnlint.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libvnlint.so.0 $(CFLAGS) -o $@ $^ $(DEPLIBS)

$(B)/vnlint: $(CLI_OBJ) $(B)/libvnlint.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(B)/libvnlint.a $(CLILIBS)

# Exit status 1 (findings) is the point of the demo, not a failure.
demo: $(B)/vnlint
	@echo "== $(B)/vnlint examples/ =="
	@$(B)/vnlint examples/; echo "(exit status $$?: 1 means errors were found)"

# ---------------------------------------------------------------- tests
$(B)/test_%: tests/unit/test_%.c $(B)/libvnlint.a
	$(CC) $(ALLCFLAGS) -o $@ $< $(B)/libvnlint.a $(DEPLIBS) $(CMOCKA)

test-unit: $(UNIT:%=$(B)/test_%)
	@set -e; for t in $(UNIT); do \
		echo "== unit: $$t"; \
		VNLINT_DATA_DIR=dict $(B)/test_$$t tests/spec/syllables.txt; \
	done

test-cli: $(B)/vnlint
	@sh tests/cli/run.sh $(B)/vnlint

test-lsp: $(B)/vnlint
	@sh tests/lsp/run.sh $(B)/vnlint

# The whole suite again, built with AddressSanitizer and UBSan.
test-asan: | $(B)/.deps
	@VNLINT_TEST_DATA_DIR=$(CURDIR)/dict VNLINT_TEST_RULES_DIR=$(CURDIR)/rules \
		$(MAKE) --no-print-directory B=$(B)/asan CFLAGS="-O1 -g $(SAN)" \
		test-unit test-cli test-lsp
	@VNLINT_DATA_DIR=$(CURDIR)/dict VNLINT_RULES_DIR=$(CURDIR)/rules \
		$(B)/asan/vnlint --test-rules rules
	@$(MAKE) --no-print-directory B=$(B)/asan CFLAGS="-O1 -g $(SAN)" \
		test-alloc-asan

# Allocation failures under ASan and UBSan (and LeakSanitizer at exit),
# with longer strides: every 7th n of the lint sweep, every 31st of
# context creation, every 97th of the cold sweep.
test-alloc-asan: $(B)/alloc_fail
	@$(ALLOC_RUN) -s lint -e 7 $(ALLOC_ARGS)
	@$(ALLOC_RUN) -s ctx -e 31 $(ALLOC_ARGS)
	@$(ALLOC_RUN) -s cold -e 97 $(ALLOC_ARGS)

# The unit tests and the CLI over every fixture under valgrind: no invalid
# access, no leak.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
           --errors-for-leak-kinds=definite,indirect
valgrind: $(UNIT:%=$(B)/test_%) $(B)/vnlint
	@set -e; for t in $(UNIT); do \
		VNLINT_DATA_DIR=dict $(VALGRIND) $(B)/test_$$t \
			tests/spec/syllables.txt >/dev/null; done
	@for f in text json jsonl gnu sarif; do \
		$(VALGRIND) $(B)/vnlint --format $$f tests/cli/*.txt tests/cli/tree \
			>/dev/null; [ $$? -ne 99 ] || exit 1; done
	@for e in attributes annotate filter; do \
		$(VALGRIND) $(B)/vnlint --corpus --jobs 2 --emit $$e \
			--stats /dev/null tests/cli/corpus/docs.in >/dev/null; \
		[ $$? -ne 99 ] || exit 1; done
	@echo "valgrind: clean"

# Install into a scratch DESTDIR, lint with the installed binary and no
# flags, uninstall, and check that nothing is left behind.
test-install:
	@sh tests/install.sh

# libFuzzer targets of fuzz/ (clang, ASan, UBSan) for FUZZ_TIME seconds
# each; docs/fuzzing.md.
FUZZ_TIME ?= 60
fuzz: | $(B)/.deps
	@sh scripts/fuzz.sh $(FUZZ_TIME)

# Allocation-failure injection (docs/robustness.md): the library and the
# report writers linked statically, every allocation they make wrapped.
ALLOC_WRAP := malloc calloc realloc free strdup utf8proc_map utf8proc_NFC \
              pcre2_compile_8 \
              pcre2_match_8 pcre2_match_data_create_from_pattern_8 \
              pcre2_match_context_create_8 fopen open_memstream scandir \
              realpath mmap Hunspell_destroy Hunspell_suggest
ALLOC_OBJ := $(LIB_OBJ) $(B)/out_text.o $(B)/out_json.o $(B)/out_jsonl.o \
             $(B)/out_sarif.o $(B)/out_diff.o
ALLOC_FIXTURES := tests/cli/mojibake.txt tests/cli/mojibake-vni.txt \
                  tests/cli/ime-residue.txt tests/cli/duplicate-paragraph.txt \
                  tests/cli/quotes.txt tests/cli/markdown.md \
                  tests/cli/spelling.txt tests/cli/unicode.txt \
                  tests/cli/packs.txt tests/cli/case.txt tests/cli/english.txt \
                  tests/cli/suppress.txt
$(B)/alloc_fail: tests/alloc_fail.c $(ALLOC_OBJ)
	$(CC) $(ALLCFLAGS) -o $@ $< $(ALLOC_OBJ) \
		$(foreach f,$(ALLOC_WRAP),-Wl,--wrap=$(f)) $(DEPLIBS)

# Every n of every sweep takes minutes (test-alloc-full); make test tries
# every 2nd n of the lint sweep, every 7th of context creation and every
# 17th of the cold sweep.
ALLOC_RUN = $(B)/alloc_fail -q
ALLOC_ARGS = $(CURDIR)/dict $(CURDIR)/rules $(ALLOC_FIXTURES)
test-alloc: $(B)/alloc_fail
	@$(ALLOC_RUN) -s lint -e 2 $(ALLOC_ARGS)
	@$(ALLOC_RUN) -s ctx -e 7 $(ALLOC_ARGS)
	@$(ALLOC_RUN) -s cold -e 17 $(ALLOC_ARGS)

test-alloc-full: $(B)/alloc_fail
	@$(ALLOC_RUN) $(ALLOC_ARGS)

# Bad input (docs/bad-input.md) and pathological sizes with limits that
# only a blow-up exceeds; allocation failures.
test-robust: $(B)/vnlint test-alloc
	@sh tests/badinput.sh $(B)/vnlint
	@sh tests/limits.sh $(B)/vnlint

# A few seconds per target: the smoke run of `make test`.
test-fuzz: | $(B)/.deps
	@sh scripts/fuzz.sh 5

print-lib-src:
	@echo $(LIB_SRC)

# Corpus mode: invariance under splitting, threads, GNU parallel and
# compression; alignment; faults; bounded memory (docs/corpus-mode.md).
test-corpus: $(B)/vnlint
	@bash tests/corpus.sh $(B)/vnlint

# --jobs N over files: output, exit status and fixes as with one thread.
test-jobs: $(B)/vnlint
	@sh tests/jobs.sh $(B)/vnlint

# Corpus mode across machines (docs/corpus-mode.md, "Running on many
# machines"): GNU parallel --sshlogin over two sshd of the test's own on
# loopback ports, and a Dask LocalCluster of two workers (Debian's
# python3-distributed, so Debian's python3 whatever python3 PATH finds).
test-hosts: $(B)/vnlint
	@bash tests/corpus-hosts.sh $(B)/vnlint
	@/usr/bin/python3 tests/corpus-dask.py $(B)/vnlint

# vnlint train, models in .vnlint.ini, --model/--no-model.
test-model: $(B)/vnlint
	@sh tests/model.sh $(B)/vnlint

# --fix and --diff on real files: exact, idempotent, atomic, mode kept;
# --fix killed at random points leaves the original or the fixed file.
test-fix: $(B)/vnlint test-fix-kill
	@sh tests/fix.sh $(B)/vnlint

test-fix-kill: $(B)/vnlint
	@sh tests/fix_kill.sh $(B)/vnlint

# Every example of every shipped rule, and every table row.
test-rules: $(B)/vnlint
	@$(B)/vnlint --test-rules rules

test: test-unit test-cli test-lsp test-rules test-fix test-model test-robust test-corpus test-jobs test-hosts test-asan test-install test-fuzz
	@echo "all tests passed"

# ------------------------------------------------------- measurement
corpus: | $(B)/.deps
	@bash scripts/extract-corpus.sh $(B)/corpus

false-alarms: $(B)/vnlint corpus
	@python3 scripts/false-alarms.py --vnlint $(B)/vnlint --corpus $(B)/corpus

# The shipped context model, rebuilt from the clean corpus (docs/model.md).
model: $(B)/vnlint corpus
	$(B)/vnlint train -o dict/vi.model $(B)/corpus

bench: $(B)/vnlint
	@bash scripts/bench.sh $(B)/vnlint

# ------------------------------------------------------------ install
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(DATADIR) \
		$(DESTDIR)$(MANDIR)/man1
	install -m 755 $(B)/vnlint $(DESTDIR)$(BINDIR)/vnlint
	install -m 644 $(B)/libvnlint.a $(DESTDIR)$(LIBDIR)/libvnlint.a
	install -m 755 $(B)/libvnlint.so $(DESTDIR)$(LIBDIR)/libvnlint.so.0
	ln -sf libvnlint.so.0 $(DESTDIR)$(LIBDIR)/libvnlint.so
	install -m 644 src/vnlint.h $(DESTDIR)$(INCLUDEDIR)/vnlint.h
	install -m 644 dict/*.txt dict/README.md dict/vi.model $(DESTDIR)$(DATADIR)/
	cd rules && find . -type f \( -name '*.rules' -o -name '*.tsv' \
		-o -name '*.txt' -o -name README.md \) | while read f; do \
		install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/rules/$$f"; done
	install -m 644 man/vnlint.1 $(DESTDIR)$(MANDIR)/man1/vnlint.1
	install -d $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 man/vnlint-rules.5 $(DESTDIR)$(MANDIR)/man5/vnlint-rules.5
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
		-e "s|@VERSION@|$$(sed -n 's/^#define VN_VERSION_STRING \"\(.*\)\"/\1/p' src/vnlint.h)|" \
		vnlint.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/vnlint.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/vnlint $(DESTDIR)$(LIBDIR)/libvnlint.a \
		$(DESTDIR)$(LIBDIR)/libvnlint.so.0 $(DESTDIR)$(LIBDIR)/libvnlint.so \
		$(DESTDIR)$(INCLUDEDIR)/vnlint.h $(DESTDIR)$(MANDIR)/man1/vnlint.1 \
		$(DESTDIR)$(MANDIR)/man5/vnlint-rules.5 \
		$(DESTDIR)$(LIBDIR)/pkgconfig/vnlint.pc
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B)
