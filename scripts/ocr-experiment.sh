#!/usr/bin/env bash
# ocr-experiment.sh: what real OCR does to Vietnamese, and what vnlint sees.
#
#   scripts/ocr-experiment.sh [--jobs N] [--no-psm6] [--model FILE
#                             [--context-threshold X]]
#
# End to end and deterministic (docs/ocr-experiment.md has the numbers):
#   1. installs what is missing (tesseract-ocr, tesseract-ocr-vie, python3-pil,
#      python3-numpy, fonts-liberation2, fonts-noto-core, hunspell-vi) with
#      apt-get as root, or prints the command and exits 2;
#   2. builds build/vnlint, and build/corpus if it is missing (make corpus);
#   3. picks 190 prose paragraphs from maint-guide-vi, installation-guide-amd64
#      and thunderbird-l10n-vi             -> build/ocr/clean/pNNN.txt
#   4. renders each under 6 conditions (serif/sans, 150/200 dpi, clean, scanned,
#      photocopied)                         -> build/ocr/img/pNNN-COND.png
#   5. OCRs them: tesseract IMG - -l vie   -> build/ocr/ocr/pNNN-COND.txt
#      and with --psm 6                     -> build/ocr/ocr-psm6/
#      and the first with its line breaks joined -> build/ocr/ocr-joined/
#   6. trains two context models that have not seen the rendered text
#      (build/ocr/heldout.model, build/ocr/other-sources.model);
#   7. aligns OCR to clean text, classifies the errors, runs
#      build/vnlint --format json on the OCR files (defaults, --no-model and
#      the models of step 6) and prints the report
#      (also build/ocr/report.txt, build/ocr/report.json).
# Python: /usr/bin/python3 (or $PYTHON), for Debian's PIL and numpy.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

jobs=$(nproc 2>/dev/null || echo 2)
model=${VNLINT_MODEL:-}
psm6=1
threshold=
while [ $# -gt 0 ]; do
    case $1 in
        --jobs) jobs=$2; shift ;;
        --model) model=$2; shift ;;
        --context-threshold) threshold=$2; shift ;;
        --no-psm6) psm6=0 ;;
        -h|--help) sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "ocr-experiment: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

# Debian's python3 (PIL and numpy come from Debian packages), not whatever
# python3 comes first on PATH.
PY=${PYTHON:-/usr/bin/python3}
OUT=build/ocr

# 1. packages
PKGS="tesseract-ocr tesseract-ocr-vie python3 python3-pil python3-numpy
fonts-liberation2 fonts-noto-core hunspell hunspell-vi"
# shellcheck disable=SC2086
sh "$here/deps.sh" $PKGS

# 2. vnlint and the corpus
if ! make -s build/vnlint; then
    [ -x build/vnlint ] || exit 2
    echo "ocr-experiment: make build/vnlint failed; using the existing build/vnlint" >&2
fi
[ -d build/corpus/maint-guide-vi ] || make -s corpus

echo "tesseract: $(tesseract --version 2>&1 | head -1)," \
     "vie traineddata $(dpkg-query -W -f='${Version}' tesseract-ocr-vie)"
echo "vnlint: $(build/vnlint --version)"

# 3-4. select and render (rebuilt from scratch every run)
rm -rf "$OUT"
mkdir -p "$OUT"
"$PY" scripts/ocr_align.py select --corpus build/corpus --out "$OUT"
"$PY" scripts/ocr_align.py render --out "$OUT"

# 5. OCR, one tesseract per image, $jobs at a time, each single-threaded
# (OMP_THREAD_LIMIT=1: faster in parallel and the output does not depend on
# thread timing).
ocr() {  # ocr DIR [TESSERACT OPTIONS...]: tesseract IMG - -l vie [OPTIONS]
    local dir=$1; shift
    mkdir -p "$OUT/$dir"
    # shellcheck disable=SC2016  # $1 and $2 belong to the inner sh
    find "$OUT/img" -name '*.png' -print0 | sort -z |
        OMP_THREAD_LIMIT=1 xargs -0 -P "$jobs" -I{} sh -c \
            'tesseract "$1" - -l vie '"$*"' > "$2/$(basename "$1" .png).txt" 2>/dev/null' \
            sh {} "$OUT/$dir"
    local empty
    empty=$(find "$OUT/$dir" -name '*.txt' -empty | wc -l)
    if [ "$empty" -gt 0 ]; then
        echo "ocr-experiment: tesseract gave no text for $empty images (see $OUT/$dir)" >&2
        exit 2
    fi
    echo "ocr: $(find "$OUT/$dir" -name '*.txt' | wc -l) files -> $OUT/$dir" \
         "(tesseract IMG - -l vie${*:+ $*})"
}
ocr ocr
psm6_dir=
if [ "$psm6" = 1 ]; then
    ocr ocr-psm6 --psm 6
    psm6_dir=ocr-psm6
fi

# 6. the same OCR text with the line breaks inside paragraphs joined (vnlint
# takes a line break for a sentence boundary, which changes the context)
"$PY" scripts/ocr_align.py join --out "$OUT" --src ocr --dst ocr-joined
dirs="ocr ocr-joined${psm6_dir:+ $psm6_dir}"

# 7. context models.  The shipped dict/vi.model was trained on build/corpus,
# which holds the very paragraphs rendered here, so it has seen every word
# pair of the clean text.  For honest numbers, two models that have not:
#   heldout: the corpus minus the selected paragraphs (same documents)
#   other-sources: only gettext catalogues and manual pages (other documents)
variants=()
if build/vnlint --help 2>&1 | grep -q -- '--model'; then
    "$PY" scripts/ocr_align.py heldout --corpus build/corpus --out "$OUT"
    build/vnlint train -o "$OUT/heldout.model" "$OUT/train"
    build/vnlint train -o "$OUT/other-sources.model" \
        build/corpus/gettext build/corpus/manpages-vi
    variants=(
        --variant="defaults (vi.model saw text)="
        --variant="no context model=--no-model"
        --variant="held-out model=--model $OUT/heldout.model"
        --variant="held-out, threshold 4=--model $OUT/heldout.model --context-threshold 4"
        --variant="held-out, threshold 8=--model $OUT/heldout.model --context-threshold 8"
        --variant="other-sources model=--model $OUT/other-sources.model"
    )
    if [ -n "$model" ]; then
        variants+=(--variant="own model $model=--model $model${threshold:+ --context-threshold $threshold}")
    fi
else
    variants=(--variant="defaults=")
fi

# 8. align, classify, lint, report
# shellcheck disable=SC2086
"$PY" scripts/ocr_align.py analyse --out "$OUT" --vnlint build/vnlint \
    --ocrdirs $dirs --detail 0,2 "${variants[@]}"
echo
echo "report: $OUT/report.txt, $OUT/report.json"
