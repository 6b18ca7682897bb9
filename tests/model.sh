#!/bin/sh
# vnlint train and the model in .vnlint.ini: a model trained here is used
# through the configuration, --no-model and --model win over it, the same
# text trains the same bytes, and a missing model is a clear error.
set -u
vnlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() {
	if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL model: $1"; fi
}
for i in 1 2 3; do
	printf 'Bạn cần cài đặt gói này để làm việc với tệp.\n'
	printf 'Hãy chạy lệnh này để làm sạch thư mục.\n'
	printf 'Bạn có thể làm việc với tệp này.\n\n'
done >"$tmp/train.md"
"$vnlint" train --min-count 1 -o "$tmp/my.model" "$tmp/train.md" >"$tmp/train.out"
check "train reports the model" 'grep -q "21 syllables, 25 pairs" "$tmp/train.out"'
"$vnlint" train --min-count 1 -o "$tmp/again.model" "$tmp/train.md" >/dev/null
check "training is deterministic" 'cmp -s "$tmp/my.model" "$tmp/again.model"'
printf '[vnlint]\nmodel = my.model\n' >"$tmp/.vnlint.ini"
printf 'Hãy chạy lệnh này đế làm sạch thư mục.\n' >"$tmp/a.txt"
"$vnlint" --format gnu "$tmp/a.txt" | sed "s|$tmp/||" >"$tmp/out"
check "the configured model finds đế -> để" \
	'grep -q "^a.txt:1:19: warning: \"đế\" is unlikely here; \"để\" fits" "$tmp/out"'
"$vnlint" --no-model --format gnu "$tmp/a.txt" >"$tmp/out"
check "--no-model wins" '[ ! -s "$tmp/out" ]'
"$vnlint" --context-threshold 50 --format gnu "$tmp/a.txt" >"$tmp/out"
check "a high threshold silences it" '[ ! -s "$tmp/out" ]'
printf '[vnlint]\nmodel = none.model\n' >"$tmp/.vnlint.ini"
"$vnlint" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
check "a missing model is exit 2 with its path" \
	'[ $? -eq 2 ] && grep -q "none.model: No such file" "$tmp/err"'
printf 'not a model' >"$tmp/bad.model"
"$vnlint" --model "$tmp/bad.model" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
check "a foreign file is refused" '[ $? -eq 2 ] && grep -q "not a vnlint model" "$tmp/err"'
echo "model: $pass passed, $fail failed"
[ "$fail" = 0 ]
