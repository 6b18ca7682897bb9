/* SPDX-License-Identifier: MIT */
/* The catalogue of built-in rules: ids, default severities, explanations. */
#include "internal.h"

const struct vni_rule_info vni_rules[VNI_R_COUNT] = {
	[VNI_R_INVALID_UTF8] = {
		"encoding/invalid-utf8", VN_SEV_ERROR,
		{"bytes that are not valid UTF-8",
		 "byte không hợp lệ theo UTF-8"},
		{"The file holds bytes that do not form valid UTF-8: truncated "
		 "sequences, overlong forms, surrogates or bytes 0xF5-0xFF. They "
		 "usually come from joining files in different encodings or "
		 "from a damaged transfer. The span covers the bad bytes; the "
		 "rest of the file is still checked. Re-save the file as UTF-8 "
		 "or find the original text for the damaged part.",
		 "Tệp chứa các byte không tạo thành UTF-8 hợp lệ (chuỗi bị cắt, "
		 "dạng overlong, surrogate, byte 0xF5-0xFF), thường do ghép "
		 "tệp khác bảng mã hoặc truyền tệp bị lỗi. Phần còn lại của tệp "
		 "vẫn được kiểm tra. Hãy lưu lại tệp ở UTF-8 hoặc tìm văn bản "
		 "gốc cho đoạn bị hỏng."},
		0},
	[VNI_R_NOT_NFC] = {
		"unicode/not-nfc", VN_SEV_WARNING,
		{"text not in Unicode NFC (decomposed marks)",
		 "văn bản không ở dạng chuẩn Unicode NFC (dấu tổ hợp rời)"},
		{"The word is written with combining marks (for example 'e' + "
		 "U+0302 + U+0301) instead of the precomposed letters ('ế') that "
		 "Vietnamese text normally uses. Both look the same but search, "
		 "sorting and spell checkers treat them as different strings. "
		 "Such text comes from macOS file names, CP1258 converters and "
		 "some input methods. Convert the file to NFC (for example "
		 "with uconv -x any-nfc). The suggestion is the NFC form.",
		 "Từ được viết bằng dấu tổ hợp rời (ví dụ 'e' + U+0302 + U+0301) "
		 "thay vì chữ dựng sẵn ('ế'). Hai dạng trông giống nhau nhưng "
		 "tìm kiếm, sắp xếp và kiểm tra chính tả coi là khác nhau. Hãy "
		 "chuyển tệp sang dạng NFC. Gợi ý là dạng NFC."},
		1},
	[VNI_R_INVALID_SYLLABLE] = {
		"spelling/invalid-syllable", VN_SEV_ERROR,
		{"not a valid Vietnamese syllable",
		 "không phải âm tiết tiếng Việt hợp lệ"},
		{"A word written with Vietnamese letters is not a possible "
		 "written syllable (wrong initial, rime, c/k/q, g/gh, ng/ngh "
		 "spelling, a stop final p/t/c/ch with a tone other than sắc or "
		 "nặng, or a tone mark on the wrong vowel such as 'hòan', 'qúy'), "
		 "or it is possible but not attested in the vi_VN dictionary. Both "
		 "tone placements are accepted: traditional 'hòa, thủy, ủy' and "
		 "reformed 'hoà, thuỷ, uỷ'. Proper names (capitalised inside a "
		 "sentence), acronyms, words without Vietnamese marks and words "
		 "with digits are left to other rules. Suggestions come from "
		 "hunspell vi_VN.",
		 "Một từ viết bằng chữ tiếng Việt nhưng không phải âm tiết có "
		 "thể có (sai phụ âm đầu, vần, quy tắc c/k/q, g/gh, ng/ngh, âm "
		 "cuối p/t/c/ch mang thanh khác sắc/nặng, dấu thanh đặt sai như "
		 "'hòan', 'qúy'), hoặc không có trong từ điển vi_VN. Chấp nhận "
		 "cả hai kiểu bỏ dấu: 'hòa, thủy, ủy' và 'hoà, thuỷ, uỷ'. Tên "
		 "riêng, từ viết tắt, từ không dấu và từ có chữ số không bị xét "
		 "ở đây."},
		0},
	[VNI_R_DUPLICATE_SYLLABLE] = {
		"repetition/duplicate-syllable", VN_SEV_ERROR,
		{"syllable repeated", "âm tiết bị lặp"},
		{"The same syllable appears twice in a row where no reading makes "
		 "sense of it: a doubled function word ('của của', 'khi khi'), a "
		 "syllable written three times, or a repeat that touches "
		 "punctuation or a line start ('né tránh tránh, trách nhiệm'). "
		 "These are artefacts of machine translation, OCR line joins and "
		 "editing. Legitimate reduplication ('ngày ngày', 'từ từ', 'xanh "
		 "xanh') is listed in dict/reduplication.txt and not reported. A "
		 "repeat between two words ('phân phối phối hợp') may be two "
		 "words sharing a syllable and is reported by "
		 "repetition/overlapping-words instead. The suggestion keeps one "
		 "copy.",
		 "Một âm tiết xuất hiện hai lần liền nhau mà không thể hiểu "
		 "được: hư từ lặp ('của của', 'khi khi'), âm tiết viết ba lần, "
		 "hoặc lặp sát dấu câu ('né tránh tránh, trách nhiệm'), thường do "
		 "dịch máy, OCR hoặc biên tập. Từ láy hợp lệ ('ngày ngày', 'từ "
		 "từ', 'xanh xanh') có trong dict/reduplication.txt và không bị "
		 "báo. Lặp giữa hai từ ('phân phối phối hợp') có thể là hai từ "
		 "chung một âm tiết và được báo bởi repetition/overlapping-words. "
		 "Gợi ý là giữ một bản."},
		1},
	[VNI_R_OVERLAPPING_WORDS] = {
		"repetition/overlapping-words", VN_SEV_WARNING,
		{"syllable repeated between two words",
		 "âm tiết lặp giữa hai từ"},
		{"A syllable is repeated with words on both sides: 'A X X B'. "
		 "Often one copy is a translation or editing artefact ('phân phối "
		 "phối hợp' for 'phối hợp', 'phụ trách trách nhiệm'), but two "
		 "words can legitimately share the syllable ('trả lời lời mời', "
		 "'chỉ định định dạng', 'tăng tốc tốc độ'), and only the meaning "
		 "tells. Hence a warning, separate from "
		 "repetition/duplicate-syllable; on the Debian corpus 17 of 45 "
		 "were real errors. The suggestion keeps one copy.",
		 "Một âm tiết lặp lại với từ ở cả hai bên: 'A X X B'. Thường một "
		 "bản là lỗi dịch hoặc biên tập ('phân phối phối hợp', 'phụ trách "
		 "trách nhiệm'), nhưng hai từ có thể dùng chung âm tiết ('trả lời "
		 "lời mời', 'chỉ định định dạng', 'tăng tốc tốc độ'); chỉ nghĩa "
		 "của câu mới phân biệt được. Vì vậy đây là cảnh báo. Gợi ý là "
		 "giữ một bản."},
		0},
	[VNI_R_STRAY_ENGLISH] = {
		"mt/stray-english", VN_SEV_WARNING,
		{"English function word inside Vietnamese text",
		 "hư từ tiếng Anh lẫn trong câu tiếng Việt"},
		{"An English function word (a preposition, conjunction, "
		 "determiner, pronoun or auxiliary such as 'by', 'with', 'of', "
		 "'which') left untranslated inside a Vietnamese sentence "
		 "('By so sánh với ...'), typical of machine translation. Only "
		 "this closed class is reported: English nouns and verbs ('web', "
		 "'byte', 'email') are loan words in Vietnamese, so flagging them "
		 "would drown real errors. The word must also be ASCII, an English "
		 "word for hunspell en_US, not an attested Vietnamese syllable "
		 "('the', 'an', 'to' are), not in dict/latin-words.txt, not code "
		 "or quoted, and surrounded by Vietnamese words rather than by "
		 "other Latin-script text.",
		 "Một hư từ tiếng Anh (giới từ, liên từ, mạo từ, đại từ, trợ "
		 "động từ như 'by', 'with', 'of', 'which') bị bỏ sót trong câu "
		 "tiếng Việt ('By so sánh với ...'), điển hình của dịch máy. Chỉ "
		 "báo nhóm từ đóng này: danh từ, động từ tiếng Anh ('web', "
		 "'byte', 'email') là từ mượn trong tiếng Việt. Từ phải là ASCII, "
		 "có trong từ điển en_US, không phải âm tiết tiếng Việt ('the', "
		 "'an', 'to'), không phải mã lệnh, không nằm trong ngoặc, và đứng "
		 "giữa các từ tiếng Việt."},
		0},
	[VNI_R_LOWERCASE_AFTER_PERIOD] = {
		"punctuation/lowercase-after-period", VN_SEV_ERROR,
		{"lowercase word after a sentence-final mark",
		 "chữ thường sau dấu kết thúc câu"},
		{"A period, question or exclamation mark is followed by a word "
		 "in lower case ('có nơi chưa. quyết tâm'): either the mark is a "
		 "stray (OCR noise, a lost line join) or the next sentence lacks "
		 "its capital. Not reported after abbreviations (TP., TS., "
		 "v.v.), single initials, numbers, ellipses, or inside URLs and "
		 "paths.",
		 "Sau dấu chấm, chấm hỏi hoặc chấm than là một từ viết thường "
		 "('có nơi chưa. quyết tâm'): dấu câu thừa (nhiễu OCR) hoặc câu "
		 "sau thiếu chữ hoa. Không báo sau chữ viết tắt (TP., TS., v.v.), "
		 "chữ cái viết tắt tên, số, dấu ba chấm."},
		0},
	[VNI_R_THOUSANDS_SEPARATOR] = {
		"number/english-thousands-separator", VN_SEV_WARNING,
		{"English thousands separator in a Vietnamese number",
		 "dấu phân cách hàng nghìn kiểu tiếng Anh"},
		{"In Vietnamese the comma is the decimal mark and the period "
		 "groups thousands (1.234.567,89). A comma followed by exactly "
		 "three digits ('1,322 triệu USD') is almost always an English "
		 "thousands separator left by translation; read as Vietnamese it "
		 "means 1.322, a value a thousand times smaller. The suggestion "
		 "is the dotted form; if the comma really is a decimal mark, "
		 "ignore the warning.",
		 "Trong tiếng Việt dấu phẩy là dấu thập phân, dấu chấm phân cách "
		 "hàng nghìn (1.234.567,89). Dấu phẩy theo sau đúng ba chữ số "
		 "('1,322 triệu USD') gần như luôn là dấu phân cách hàng nghìn "
		 "kiểu tiếng Anh do dịch máy; đọc theo tiếng Việt giá trị nhỏ đi "
		 "một nghìn lần. Gợi ý là dạng dùng dấu chấm."},
		0},
	[VNI_R_MIXED_QUOTES] = {
		"punctuation/mixed-quotes", VN_SEV_WARNING,
		{"straight and curly quotes mixed in one pair",
		 "dấu ngoặc kép thẳng và cong lẫn lộn"},
		{"A quotation opened with one style of double quote is closed "
		 "with another (a straight \" closed by a curly ”, or “ closed by "
		 "\"). This comes from OCR and from editing text from different "
		 "sources. The suggestion makes the pair consistent with the "
		 "opening quote.",
		 "Một trích dẫn mở bằng một kiểu ngoặc kép nhưng đóng bằng kiểu "
		 "khác (\" đóng bằng ”, hoặc “ đóng bằng \"). Gợi ý là dùng cùng "
		 "kiểu với dấu mở."},
		0},
	[VNI_R_UNBALANCED_QUOTE] = {
		"punctuation/unbalanced-quote", VN_SEV_WARNING,
		{"quotation mark without its partner in the paragraph",
		 "dấu ngoặc kép không có dấu đóng/mở tương ứng trong đoạn"},
		{"An opening curly double quote has no closing quote before the "
		 "end of the paragraph, or a closing quote has no opening one. "
		 "Often a quote lost in OCR or a quotation cut by a paragraph "
		 "break. Unpaired straight quotes are not reported: in technical "
		 "text they are usually code. A quote standing between spaces or "
		 "inside other quotes is a character being talked about.",
		 "Một dấu mở ngoặc kép không có dấu đóng trước khi hết đoạn, "
		 "hoặc ngược lại. Thường do OCR làm mất dấu hoặc trích dẫn bị "
		 "ngắt đoạn."},
		0},
	[VNI_R_REGEX_LIMIT] = {
		"engine/regex-limit", VN_SEV_WARNING,
		{"a rule's pattern hit the PCRE2 match limit",
		 "mẫu của một quy tắc vượt giới hạn so khớp PCRE2"},
		{"A pattern rule stopped in this paragraph because its regular "
		 "expression exceeded the match or depth limit (catastrophic "
		 "backtracking). The rule may have missed findings here; the rest "
		 "of the file was checked. Rewrite the pattern without nested "
		 "unbounded repetition.",
		 "Một quy tắc mẫu dừng ở đoạn này vì biểu thức chính quy vượt "
		 "giới hạn so khớp (quay lui bùng nổ). Quy tắc có thể bỏ sót lỗi "
		 "ở đây; phần còn lại vẫn được kiểm tra."},
		0},
	[VNI_R_TONE_PLACEMENT] = {
		"style/tone-placement", VN_SEV_WARNING,
		{"tone mark placed in the other style than the document's policy",
		 "dấu thanh đặt khác kiểu quy định cho văn bản"},
		{"Off unless a tone-placement policy is configured (tone-placement "
		 "= traditional or reformed in .vnlint.ini). Then each syllable "
		 "written in the other style is reported: with the traditional "
		 "policy 'hoà, thuỷ, uỷ' become 'hòa, thủy, ủy'; with the reformed "
		 "policy the other way round. Only open syllables with oa, oe, uy "
		 "differ; the fix moves the mark and changes nothing else.",
		 "Chỉ bật khi cấu hình quy định kiểu bỏ dấu (tone-placement = "
		 "traditional hoặc reformed trong .vnlint.ini). Khi đó mỗi âm tiết "
		 "viết theo kiểu kia bị báo: kiểu cũ 'hòa, thủy, ủy', kiểu mới "
		 "'hoà, thuỷ, uỷ'. Sửa chỉ dời dấu, không đổi gì khác."},
		1},
	[VNI_R_UNLIKELY_SYLLABLE] = {
		"context/unlikely-syllable", VN_SEV_WARNING,
		{"a valid syllable that is improbable in its context",
		 "âm tiết hợp lệ nhưng khó xuất hiện trong ngữ cảnh này"},
		{"OCR misreads tone and vowel marks, d/đ and l/t into other valid "
		 "syllables ('để làm' read as 'đế làm'), which no word list can "
		 "flag. With a syllable bigram model (the shipped one, or your own "
		 "from 'vnlint train'), each syllable is compared with the "
		 "syllables it could have been: when one of them is much more "
		 "probable with both neighbours (a log-likelihood ratio above the "
		 "threshold, --context-threshold), the syllable is reported with "
		 "that candidate. Proper names (capitalised inside a sentence), "
		 "numbers and acronyms are never questioned. --profile typing adds "
		 "typing and regional confusions (s/x, ch/tr, d/gi/r, l/n, final "
		 "n/ng, t/c).",
		 "OCR đọc sai dấu thanh, dấu mũ, d/đ, l/t thành âm tiết hợp lệ khác "
		 "('để làm' thành 'đế làm'), danh sách từ không phát hiện được. Với "
		 "mô hình bigram âm tiết, mỗi âm tiết được so với các âm tiết nó có "
		 "thể là: khi một âm tiết khác hợp với cả hai bên hơn hẳn (tỉ số "
		 "log-hợp lý vượt ngưỡng), âm tiết bị báo kèm gợi ý. Tên riêng, số "
		 "và từ viết tắt không bị xét."},
		0},
	[VNI_R_INVISIBLE_CHAR] = {
		"unicode/invisible-char", VN_SEV_WARNING,
		{"an invisible character inside the text",
		 "ký tự vô hình trong văn bản"},
		{"A zero-width space, word joiner, soft hyphen, byte order mark "
		 "inside the text, or a bidirectional control character. They "
		 "come from web pages, word processors and PDF copy-paste; they "
		 "cannot be seen but break search, word counts, sorting and "
		 "spell checking (a search for 'Nội' misses 'N<ZWSP>ội'), and bidi "
		 "controls can make text display in another order than it is "
		 "stored. Zero-width joiners and non-joiners and the direction "
		 "marks have real uses (emoji sequences, Persian, Arabic, "
		 "Hebrew) and are reported only between two Latin letters. A "
		 "soft hyphen is never deleted by --fix (TCVN3 text uses its "
		 "byte for 'ư') and is not reported after a capital Latin-1 "
		 "letter Â..ß ('Ã' + soft hyphen is UTF-8 'í' misread). The "
		 "fix deletes the character.",
		 "Dấu cách độ rộng 0, word joiner, gạch nối mềm, BOM giữa văn "
		 "bản hoặc ký tự điều khiển hướng viết, thường lẫn vào khi sao "
		 "chép từ web, trình soạn thảo hoặc PDF. Không nhìn thấy được "
		 "nhưng làm hỏng tìm kiếm, đếm từ, sắp xếp và kiểm tra chính "
		 "tả. ZWJ, ZWNJ và dấu hướng chỉ bị báo khi nằm giữa hai chữ "
		 "Latinh. Sửa là xoá ký tự."},
		1},
	[VNI_R_REPLACEMENT_CHAR] = {
		"unicode/replacement-char", VN_SEV_ERROR,
		{"the replacement character U+FFFD",
		 "ký tự thay thế U+FFFD"},
		{"The text contains U+FFFD, the character a decoder writes in "
		 "place of bytes it could not read. The original letters (often "
		 "the marked vowels of Vietnamese) were lost before this file "
		 "was written, so no fix is possible here: go back to the "
		 "source and decode it with the right encoding. Bytes that are "
		 "not UTF-8 in this file are reported as encoding/invalid-utf8 "
		 "instead.",
		 "Văn bản chứa U+FFFD, ký tự mà bộ giải mã ghi thay cho các byte "
		 "không đọc được. Chữ gốc (thường là nguyên âm có dấu) đã mất "
		 "trước khi tệp được ghi, nên không thể sửa ở đây: hãy lấy lại "
		 "văn bản nguồn và giải mã đúng bảng mã."},
		0},
	[VNI_R_CONFUSABLE] = {
		"unicode/confusable", VN_SEV_ERROR,
		{"a Cyrillic or Greek look-alike letter inside a Latin word",
		 "chữ Kirin hoặc Hy Lạp trông giống chữ Latinh trong một từ"},
		{"A word written in Latin letters contains a Cyrillic or Greek "
		 "letter drawn the same way ('Việt' with a Cyrillic 'е', 'Hà "
		 "Nội' with a Greek 'Ν'). It comes from OCR engines with several "
		 "scripts loaded, keyboard layouts and deliberate spoofing; the "
		 "word looks right but no search, dictionary or sort treats it "
		 "as the Latin word. Words written wholly in Cyrillic or Greek, "
		 "or holding a letter of those scripts with no Latin look-alike, "
		 "are left alone. The fix writes the Latin letters.",
		 "Một từ viết bằng chữ Latinh chứa chữ Kirin hoặc Hy Lạp có hình "
		 "giống hệt ('Việt' với chữ 'е' Kirin). Thường do OCR nạp nhiều "
		 "bộ chữ, bàn phím hoặc cố ý giả mạo; từ trông đúng nhưng tìm "
		 "kiếm, từ điển, sắp xếp đều coi là từ khác. Từ viết hoàn toàn "
		 "bằng chữ Kirin hay Hy Lạp không bị báo. Sửa là thay bằng chữ "
		 "Latinh."},
		1},
	[VNI_R_MIXED_TONE] = {
		"unicode/mixed-tone-placement", VN_SEV_INFO,
		{"both tone-placement styles in one document",
		 "hai kiểu bỏ dấu thanh trong cùng văn bản"},
		{"Vietnamese has two accepted places for the tone mark in open "
		 "syllables with oa, oe, uy: the traditional 'hòa, thủy, ủy' "
		 "and the reformed 'hoà, thuỷ, uỷ'. Either is correct, but one "
		 "document should use one, and text merged from several sources "
		 "or converted by different tools often mixes them, which "
		 "breaks search. When both styles occur, the syllables in the "
		 "less used style are reported with the other form as the fix "
		 "(a tie goes to the style used first). With a policy "
		 "(tone-placement in .vnlint.ini) style/tone-placement reports "
		 "instead.",
		 "Tiếng Việt có hai cách đặt dấu thanh được chấp nhận với vần "
		 "mở oa, oe, uy: kiểu cũ 'hòa, thủy, ủy' và kiểu mới 'hoà, "
		 "thuỷ, uỷ'. Cả hai đều đúng nhưng một văn bản nên dùng một "
		 "kiểu. Khi cả hai cùng xuất hiện, các âm tiết theo kiểu ít "
		 "dùng hơn bị báo, kèm dạng kia làm gợi ý."},
		1},
	[VNI_R_DIGIT_IN_WORD] = {
		"ocr/digit-in-word", VN_SEV_WARNING,
		{"a digit where OCR misread a letter",
		 "chữ số ở chỗ OCR đọc nhầm một chữ cái"},
		{"OCR reads the letters o, l and i as the digits 0 and 1 drawn "
		 "like them ('tr0ng', '1ỗi', 'm1nh'). A word is reported when it "
		 "holds exactly one 0 or 1 and reading it as o, l or i gives a "
		 "known Vietnamese syllable. The digit must sit inside the word, "
		 "or at its edge when the word carries Vietnamese marks, so "
		 "numbers with units ('10m', '1h'), model names ('5G', '3D', "
		 "'H5N1', 'COVID-19', 'x86') and short codes ('v1', 'l0') are "
		 "left alone. The fix writes the letter.",
		 "OCR đọc chữ o, l, i thành chữ số 0, 1 có hình giống ('tr0ng', "
		 "'1ỗi', 'm1nh'). Một từ bị báo khi chứa đúng một chữ số 0 hoặc 1 "
		 "và đọc lại thành o, l, i cho ra một âm tiết tiếng Việt có "
		 "thật. Số kèm đơn vị ('10m'), tên mẫu ('5G', 'H5N1', "
		 "'COVID-19') và mã ngắn ('v1') không bị báo. Sửa là viết lại "
		 "chữ cái."},
		1},
	[VNI_R_REPEATED_PUNCTUATION] = {
		"punctuation/repeated-punctuation", VN_SEV_WARNING,
		{"a period or comma typed twice", "dấu chấm hoặc phẩy bị gõ hai lần"},
		{"Two periods or two or more commas or semicolons right after a "
		 "word, before a space or the end of the line ('hoạt động..', "
		 "'Hà Nội,, nơi'): a slip of the keyboard or OCR reading a speck "
		 "as a mark. Three periods are an ellipsis and are not reported; "
		 "ranges ('1..31', '[0..3]', 'Thứ hai..Chủ nhật'), paths ('/..') "
		 "and an abbreviation's own period followed by the sentence's "
		 "('v.v..') are left alone. The suggestion is the single mark.",
		 "Hai dấu chấm, hoặc hai dấu phẩy/chấm phẩy trở lên ngay sau một "
		 "từ, trước dấu cách hoặc cuối dòng ('hoạt động..'): gõ nhầm hoặc "
		 "OCR đọc vết bẩn thành dấu. Ba dấu chấm là dấu chấm lửng, không "
		 "bị báo; khoảng ('1..31'), đường dẫn ('/..') và 'v.v..' không bị "
		 "xét. Gợi ý là một dấu."},
		0},
	[VNI_R_MOJIBAKE] = {
		"encoding/mojibake", VN_SEV_ERROR,
		{"Vietnamese text read in the wrong encoding (mojibake)",
		 "văn bản tiếng Việt bị đọc sai bảng mã (lỗi mã hoá)"},
		{"Words whose letters are the bytes of Vietnamese text shown as "
		 "Windows-1252 or Latin-1: UTF-8, once or twice over "
		 "('Viá»‡t'), TCVN3/ABC ('ViÖt', with an invisible soft hyphen "
		 "for 'ư'), VNI-Windows ('Vieät', 'ñöôøng'), VISCII ('Vi®t') or "
		 "Windows-1258 with its combining tone marks ('Viêòt'). It "
		 "happens when a file or a paste in one encoding is opened as "
		 "another and saved again. Each word is read back in every "
		 "encoding; a line is reported only when one reading turns words "
		 "that are not Vietnamese into known syllables and those words "
		 "outweigh the ones it does not explain, with two words or more "
		 "for the single-byte encodings (one is enough after other damaged "
		 "lines). So names and words of other languages ('Müller', "
		 "'Peña', 'café', 'São Paulo', 'Łódź', French 'où') are never "
		 "reported. When nothing on the line contradicts the reading, the "
		 "damaged run of the line is one finding whose fix is the whole "
		 "repaired text, which --fix applies; otherwise each word is "
		 "reported with its repair.",
		 "Các từ mà chữ là byte của văn bản tiếng Việt bị hiển thị theo "
		 "Windows-1252 hoặc Latin-1: UTF-8, một hay hai lần "
		 "('Viá»‡t'), TCVN3/ABC ('ViÖt'), VNI-Windows ('Vieät'), VISCII "
		 "('Vi®t') hoặc Windows-1258 với dấu thanh tổ hợp ('Viêòt'). Mỗi "
		 "từ được đọc lại theo từng bảng mã; chỉ báo một dòng khi một "
		 "cách đọc biến các từ không phải tiếng Việt thành âm tiết có "
		 "thật và chúng nhiều hơn các từ không giải thích được, nên tên "
		 "và từ nước ngoài ('Müller', 'café', 'São Paulo') không bị báo. "
		 "Khi không có gì trên dòng mâu thuẫn, cả đoạn hỏng của dòng là "
		 "một lỗi với gợi ý là toàn bộ văn bản đã sửa, --fix áp dụng "
		 "được; nếu không, từng từ được báo riêng."},
		1},
	[VNI_R_SPACE_BEFORE] = {
		"punctuation/space-before", VN_SEV_WARNING,
		{"a space before a punctuation mark",
		 "dấu cách trước dấu câu"},
		{"Vietnamese, like English, glues , . ; : ! ? and a closing "
		 "bracket to the word before them and puts one space after: "
		 "'chào ,bạn', 'nhé !', 'đúng không ?', '(xem mục 3 )' are slips "
		 "of typing, OCR or the French habit of spacing ! ? : ;. The fix "
		 "removes the space, and adds one after the mark when it had "
		 "slipped across it ('chào, bạn'). Only prose is looked at: a "
		 "word before the mark and Vietnamese words around it. Left "
		 "alone: ' ...', '!=', '::', emoticons (';)'), a mark named in "
		 "a sentence ('Gõ ? để xem trợ giúp'), a period after a command "
		 "('git add .'), a label's colon before a value or at the end "
		 "of a line ('Tên : %s', 'Tài liệu :'), columns aligned with "
		 "several spaces or a tab, brackets padded on both sides ('( "
		 "BIỂU_THỨC )') and metavariables before ? ! : ; (shell "
		 "syntax).",
		 "Tiếng Việt viết dấu , . ; : ! ? và ngoặc đóng liền với từ đứng "
		 "trước, sau dấu là một dấu cách: 'chào ,bạn', 'nhé !', '(xem "
		 "mục 3 )' là lỗi gõ, lỗi OCR hoặc thói quen cách dấu kiểu "
		 "Pháp. Sửa là bỏ dấu cách, và thêm một dấu cách sau dấu câu khi "
		 "nó bị trượt sang ('chào, bạn'). Chỉ xét văn xuôi tiếng Việt; "
		 "không báo ' ...', '!=', biểu tượng cảm xúc, dấu được nhắc tên "
		 "('Gõ ? để xem'), 'git add .', nhãn trước giá trị ('Tên : %s'), "
		 "cột căn bằng nhiều dấu cách, ngoặc cách đều hai bên."},
		1},
	[VNI_R_MISSING_SPACE_AFTER] = {
		"punctuation/missing-space-after", VN_SEV_WARNING,
		{"no space after a punctuation mark",
		 "thiếu dấu cách sau dấu câu"},
		{"A comma, semicolon, colon, period, ! or ? glued to the words "
		 "on both sides ('Hà Nội,Việt Nam', 'bạn.Hệ thống', 'nhau.Khi'): "
		 "the space after the mark was lost. The fix adds it. One of the "
		 "two words must carry Vietnamese marks and neither may be code "
		 "or a metavariable, so numbers (1.000, 3,5, 10:30), URLs, "
		 "e-mail addresses, paths, domains (vnexpress.net), file names "
		 "(README.txt, tệp.txt), abbreviations (TP.HCM, v.v., e.g.) and "
		 "keys ('Debian:Ubuntu') are not reported. Lists for a program "
		 "to split ('Lễ,Sinh nhật,Kinh doanh', 'màu,trường,sắp xếp'), "
		 "notation in square brackets, a colon between lower-case words "
		 "('từ:đến') and a semicolon before a capital ('đọc;Đánh dấu', "
		 "plural forms) are left alone.",
		 "Dấu phẩy, chấm phẩy, hai chấm, chấm, ! hoặc ? dính liền với từ "
		 "ở cả hai bên ('Hà Nội,Việt Nam', 'bạn.Hệ thống'): mất dấu cách "
		 "sau dấu câu. Sửa là thêm dấu cách. Số (1.000, 3,5, 10:30), "
		 "URL, email, đường dẫn, tên miền, tên tệp, chữ viết tắt "
		 "(TP.HCM, v.v.) và danh sách cho chương trình tách ('Lễ,Sinh "
		 "nhật,Kinh doanh') không bị báo."},
		1},
	[VNI_R_REPEATED_SPACE] = {
		"whitespace/repeated-space", VN_SEV_WARNING,
		{"two spaces between words", "hai dấu cách giữa hai từ"},
		{"Two spaces between two words of a sentence ('nếu bạn  muốn', "
		 "'Hà Nội,  Việt Nam'), often left where a word was deleted; the "
		 "fix is one space. Spaces that lay text out are not reported: "
		 "indentation, trailing space, a tab, three or more spaces, a "
		 "line with several runs (columns of a table), the gap after "
		 "the first word of a line (a term and its definition), lines "
		 "as wide as the widest of their paragraph or as a neighbour "
		 "(justified text) and two spaces after the end of a sentence, "
		 "a typewriter convention.",
		 "Hai dấu cách giữa hai từ của một câu ('nếu bạn  muốn'), "
		 "thường còn lại sau khi xoá một từ; sửa là một dấu cách. Không "
		 "báo khoảng trắng dùng để trình bày: thụt đầu dòng, tab, ba dấu "
		 "cách trở lên, dòng có nhiều khoảng (bảng), khoảng sau từ đầu "
		 "dòng (thuật ngữ và định nghĩa), dòng căn đều hai bên và hai "
		 "dấu cách sau khi hết câu."},
		1},
	[VNI_R_ELLIPSIS_STYLE] = {
		"punctuation/ellipsis-style", VN_SEV_INFO,
		{"the ellipsis written two ways in one document",
		 "dấu chấm lửng viết hai kiểu trong cùng văn bản"},
		{"A document should write the ellipsis one way: three periods "
		 "'...' or the character '…' (U+2026). When both occur, the "
		 "less used form is reported with the other as the fix (a tie "
		 "goes to the form used first), decided at the end of the "
		 "document. Spaced periods '. . .' are reported wherever they "
		 "stand. Longer runs of periods (leaders, '....'), ranges "
		 "('1...10'), paths ('.../lib'), 'v.v...' and an ellipsis "
		 "quoted as a sign (\"('...') thay cho '…'\") are not counted.",
		 "Một văn bản nên viết dấu chấm lửng một kiểu: ba dấu chấm '...' "
		 "hoặc ký tự '…'. Khi có cả hai, kiểu ít dùng hơn bị báo, kèm "
		 "kiểu kia làm gợi ý; '. . .' (chấm cách nhau) luôn bị báo. Dãy "
		 "chấm dài hơn, khoảng ('1...10'), đường dẫn và 'v.v...' không "
		 "được tính."},
		1},
	[VNI_R_CAPITAL_MID_SENTENCE] = {
		"case/capital-mid-sentence", VN_SEV_INFO,
		{"a common word capitalised inside a sentence",
		 "từ thông thường viết hoa giữa câu"},
		{"A common word capitalised inside a sentence ('trách nhiệm "
		 "Nhiệm vụ của', 'hơn nữa Mục đích', 'gửi đi Tuy nhiên'): a "
		 "heading or the next sentence run into the text by OCR or "
		 "extraction, or a capital kept by machine translation. "
		 "Vietnamese names capitalise every syllable ('Nhiệm Vụ' would "
		 "be one), so only three shapes are looked at: a capital "
		 "followed by a lower-case syllable that together make a known "
		 "word (dict/common-words.txt, or a pair the context model knows "
		 "as one word), a capital on the second syllable of such a word "
		 "('vị Trí'), and a capitalised conjunction or modal word "
		 "('Hoặc', 'Nhưng', 'Hãy'), which begins no name; and only "
		 "between lower-case words, in a sentence that ends with a final "
		 "mark, with nothing but spaces around. "
		 "Left alone: a word after a name or label introducer ('anh', "
		 "'tỉnh', 'Bộ', 'nút', 'chọn', 'hộp thoại': "
		 "dict/name-introducers.txt), a word among other capitals "
		 "('Giấy phép Công cộng GNU', 'Ủy ban nhân dân tỉnh Cà Mau'), "
		 "names (dict/name-pairs.txt), headings, list items, quotes and "
		 "text after a colon, and a word the document capitalises more "
		 "than once (a defined term or a label). Software documentation "
		 "capitalises menu and button names after prepositions ('trong "
		 "Cài đặt tài khoản'), which no rule can tell from a slip, hence "
		 "the severity info.",
		 "Một từ hai âm tiết thông thường có âm tiết đầu viết hoa giữa "
		 "câu ('trách nhiệm Nhiệm vụ của', 'hơn nữa Mục đích'): tiêu đề "
		 "hoặc câu sau bị OCR nối vào, hoặc chữ hoa do dịch máy giữ lại. "
		 "Tên riêng viết hoa mọi âm tiết, nên chỉ xét chữ hoa theo sau là "
		 "âm tiết chữ thường tạo thành một từ đã biết, nằm giữa các từ "
		 "chữ thường. Không báo: từ sau từ dẫn tên hoặc nhãn ('anh', "
		 "'tỉnh', 'Bộ', 'nút', 'chọn'), từ nằm giữa các chữ hoa khác "
		 "('Ủy ban nhân dân tỉnh Cà Mau'), tên riêng, tiêu đề, mục liệt "
		 "kê, trích dẫn, chữ sau dấu hai chấm, và từ được văn bản viết "
		 "hoa nhiều lần (thuật ngữ, nhãn giao diện)."},
		0},
	[VNI_R_LOWERCASE_SENTENCE_START] = {
		"case/lowercase-sentence-start", VN_SEV_WARNING,
		{"a paragraph or sentence that starts in lower case",
		 "đoạn văn hoặc câu bắt đầu bằng chữ thường"},
		{"A lower-case word where a sentence starts: at the start of a "
		 "paragraph, at the start of a line after a line that ended a "
		 "sentence, or after a closing quote or bracket that follows a "
		 "period. A lower-case word after '. ', '? ' or '! ' on the same "
		 "line is punctuation/lowercase-after-period's. Lists, option "
		 "descriptions and interface strings start in lower case on "
		 "purpose, so a start is reported only in prose: a paragraph "
		 "that ends with a final mark and whose other sentence starts "
		 "are all capitalised, and, at the start of a paragraph, only "
		 "when the paragraph before ended its sentence (a paragraph "
		 "that continues a sentence broken by extraction is left alone). "
		 "Text after an ellipsis, after a quoted question ('“Đi đâu?” "
		 "chị hỏi') and words that are not Vietnamese syllables "
		 "('iPhone', 'npm', 'x86') are not reported.",
		 "Một từ chữ thường ở chỗ bắt đầu câu: đầu đoạn văn, đầu dòng sau "
		 "một dòng đã kết thúc câu, hoặc sau dấu ngoặc đóng theo sau dấu "
		 "chấm. Chữ thường sau '. ' trên cùng dòng thuộc về "
		 "punctuation/lowercase-after-period. Danh sách, mô tả tùy chọn "
		 "và chuỗi giao diện thường viết thường, nên chỉ báo trong văn "
		 "xuôi: đoạn kết thúc bằng dấu câu và các câu khác đều viết hoa; "
		 "ở đầu đoạn, chỉ khi đoạn trước đã kết thúc câu. Chữ sau dấu "
		 "chấm lửng, sau câu hỏi trong ngoặc kép và từ không phải âm tiết "
		 "tiếng Việt ('iPhone', 'npm') không bị báo."},
		0},
	[VNI_R_SPLIT_WORD] = {
		"ocr/split-word", VN_SEV_WARNING,
		{"a syllable broken in two by a space",
		 "một âm tiết bị dấu cách tách làm hai"},
		{"OCR and careless line joining put a space inside a syllable "
		 "('ng ười', 'th ành', 'Việ t'). Two words on one line are "
		 "reported when at least one of them is not a syllable of its "
		 "own, the two written together make a known syllable with "
		 "Vietnamese marks, and the lone piece could not join the word "
		 "on its other side instead. Beside a real syllable the lone "
		 "piece must look like a fragment: not a capital letter alone "
		 "(an initial, a variable) and not a short word the paragraph "
		 "uses on its own elsewhere (an option, an abbreviation such as "
		 "'ng'). Capitalised second pieces ('A Đam', 'Ê Đê', 'A "
		 "Lưới'), letters in a list ('a b c', 'd đ e'), units after a "
		 "number, pieces glued to symbols ('%*s ở') and words without "
		 "Vietnamese marks ('e mail', 'x ml') are left alone, and so "
		 "are two real syllables ('củ a'). The fix removes the space.",
		 "OCR hoặc nối dòng cẩu thả chèn dấu cách vào giữa âm tiết ('ng "
		 "ười', 'th ành', 'Việ t'). Hai từ trên một dòng bị báo khi ít "
		 "nhất một từ không phải âm tiết, viết liền lại thành một âm "
		 "tiết có thật mang dấu tiếng Việt, và mảnh lẻ không thể ghép "
		 "với từ ở phía bên kia. Tên riêng ('A Đam', 'Ê Đê'), chữ cái "
		 "liệt kê ('a b c'), chữ viết tắt dùng nhiều lần ('ng'), đơn vị "
		 "sau số và từ không dấu ('e mail') không bị báo. Sửa là bỏ dấu "
		 "cách."},
		1},
	[VNI_R_JOINED_WORDS] = {
		"ocr/joined-words", VN_SEV_WARNING,
		{"syllables run together without a space",
		 "các âm tiết bị viết liền, thiếu dấu cách"},
		{"Vietnamese writes every syllable apart; OCR, PDF extraction "
		 "and hasty typing drop the spaces ('hệthống', 'ViệtNam', "
		 "'củaanh'). A word with Vietnamese marks that is no syllable "
		 "is reported when it splits into known syllables; the "
		 "suggestion is the split with the fewest parts. When two "
		 "splits are as short ('phát hiện', 'phá thiện') both are "
		 "offered, the one of common syllables first. Left alone: words "
		 "without Vietnamese marks ('YouTube', 'JavaScript', "
		 "'noreply'), loans written solid ('bêtông', 'côngtơ'), foreign "
		 "words with accents ('résumé'), CamelCase outside running text "
		 "(key names, column headings: 'GiảmÂmLượng'), capitalised "
		 "words inside a sentence, where peoples and places are written "
		 "solid ('Êđê', 'Xơđăng'), and a cut inside a vowel group, which "
		 "is a mark typed on the wrong vowel ('hòan', 'dưói', 'củả'), "
		 "not two words. spelling/invalid-syllable leaves these words to "
		 "this rule.",
		 "Tiếng Việt viết rời từng âm tiết; OCR, trích xuất PDF và gõ "
		 "vội làm mất dấu cách ('hệthống', 'ViệtNam', 'củaanh'). Một từ "
		 "có dấu tiếng Việt mà không phải âm tiết bị báo khi tách được "
		 "thành các âm tiết có thật; gợi ý là cách tách ít phần nhất. "
		 "Từ không dấu ('YouTube', 'JavaScript'), từ mượn viết liền "
		 "('bêtông'), CamelCase ngoài câu văn ('GiảmÂmLượng'), từ viết "
		 "hoa giữa câu ('Êđê', 'Xơđăng') và lỗi đặt dấu trong một vần "
		 "('hòan', 'dưói') không bị báo."},
		1},
	[VNI_R_LETTER_CONFUSION] = {
		"ocr/letter-confusion", VN_SEV_WARNING,
		{"letters OCR misread as other letters",
		 "chữ cái bị OCR đọc nhầm thành chữ khác"},
		{"OCR takes a letter for a group drawn alike: 'm' read as 'rn', "
		 "'d' as 'cl', 'h' as 'li', 'l' as a capital 'I' ('rnột', "
		 "'clưới', 'nliư', 'Iàm'). A word with Vietnamese marks is "
		 "reported when it is not a known syllable and undoing one such "
		 "misreading gives a known syllable. When two repairs are "
		 "possible ('cliện': 'diện' or 'chện') nothing is reported. "
		 "Words without Vietnamese marks are left alone: they are as "
		 "often English, names or acronyms ('turn', 'cli', 'Iam'); so "
		 "are solid loans ('iốt'). The fix is the repaired syllable.",
		 "OCR đọc nhầm một chữ thành nhóm chữ có hình giống: 'm' thành "
		 "'rn', 'd' thành 'cl', 'h' thành 'li', 'l' thành 'I' hoa "
		 "('rnột', 'clưới', 'nliư', 'Iàm'). Một từ có dấu tiếng Việt bị "
		 "báo khi không phải âm tiết có thật và sửa lại một chỗ đọc nhầm "
		 "cho ra đúng một âm tiết có thật. Từ không dấu ('turn', 'cli') "
		 "và từ mượn ('iốt') không bị báo. Sửa là âm tiết đã sửa."},
		1},
	[VNI_R_IME_RESIDUE] = {
		"input/ime-residue", VN_SEV_ERROR,
		{"Telex, VNI or VIQR keys typed with the input method off",
		 "phím Telex, VNI hoặc VIQR gõ khi bộ gõ đang tắt"},
		{"A word typed while the Vietnamese input method was off or "
		 "failed, so that its keys stayed letters, digits or marks: "
		 "Telex ('Vieejt' or 'Vieetj' for 'Việt', 'dduwowcj' for 'được', "
		 "'tieengs' for 'tiếng'), VNI ('Vie65t', 'd9u7o7c5') or VIQR "
		 "('Vie^.t', 'ddu+o+.c'). The keys are replayed the way the "
		 "engines apply them (s f r x j, 1-5 and ' ` ? ~ . for the tones; "
		 "aa ee oo w dd, 6 7 8 9 and ^ + ( dd for the hats and đ) and the "
		 "word is reported when that gives a known syllable. Many English "
		 "and technical words read as Telex too ('as', 'mix', 'chown'), "
		 "so the word must not be English (en_US) or in "
		 "dict/latin-words.txt, nor an acronym, code, option, file name, "
		 "URL or a quoted or bracketed mention, and it must stand in "
		 "Vietnamese text with no Latin-script word next to it. A word "
		 "whose only key is one tone key ('tranhs', 'co1') also needs "
		 "Vietnamese on both sides and no Latin word within three words, "
		 "and --fix leaves it unless the words beside it are typing "
		 "residue too; with hat keys the fix is the converted word in the "
		 "original case. Not checked: words in capitals ('VIEETJ'), and "
		 "a VIQR mark after the last letter ('co'', 'la`', 'se~'), which "
		 "cannot be told from quotes and sentence punctuation.",
		 "Một từ gõ khi bộ gõ tiếng Việt đang tắt hoặc không chuyển, nên "
		 "các phím vẫn là chữ, số hoặc dấu: Telex ('Vieejt', 'Vieetj' "
		 "thay cho 'Việt', 'dduwowcj' thay cho 'được'), VNI ('Vie65t', "
		 "'d9u7o7c5') hoặc VIQR ('Vie^.t', 'ddu+o+.c'). Các phím được gõ "
		 "lại như bộ gõ vẫn làm, và từ bị báo khi kết quả là một âm tiết "
		 "có thật. Nhiều từ tiếng Anh và từ kỹ thuật cũng đọc được như "
		 "Telex ('as', 'mix', 'chown'), nên từ đó không được là từ tiếng "
		 "Anh (en_US) hay có trong dict/latin-words.txt, không phải từ "
		 "viết tắt, mã, tùy chọn, tên tệp, URL hay từ được trích trong "
		 "ngoặc, và phải nằm trong văn bản tiếng Việt, không sát một từ "
		 "chữ Latinh khác. Từ chỉ có một phím dấu thanh ('tranhs', 'co1') "
		 "cần tiếng Việt ở cả hai bên và chỉ được tự động sửa khi các từ "
		 "bên cạnh cũng là chữ gõ chưa chuyển; khi có phím dấu mũ/móc, "
		 "gợi ý là từ đã chuyển, giữ nguyên chữ hoa. Không xét: từ viết "
		 "hoa toàn bộ ('VIEETJ') và dấu VIQR sau chữ cái cuối ('co'', "
		 "'la`'), vì không phân biệt được với dấu nháy và dấu câu."},
		1},
	[VNI_R_TRUNCATED_PARAGRAPH] = {
		"structure/truncated-paragraph", VN_SEV_WARNING,
		{"a paragraph that stops in mid-sentence",
		 "đoạn văn dừng giữa câu"},
		{"A paragraph ends with a comma, with a word that cannot end a "
		 "sentence ('và', 'của', 'hoặc', 'để': the list is "
		 "dict/linking-words.txt), inside an open quotation, or, at "
		 "the end of the document, with no final mark after a sentence "
		 "of eight words or more: the text was cut off by a page break, "
		 "a scraper or a paste. Only running prose is judged: the "
		 "paragraph starts with a capital and is no heading, list item, "
		 "table row or message template; the cut sentence has at least "
		 "four words; the paragraph before it does not end with ':'; the "
		 "next paragraph starts a new sentence (a lower-case word, a "
		 "list or code after it means the text goes on); and the "
		 "document ends at least 4 in 5 of its long paragraphs with a "
		 "full stop, so message catalogues and UI strings, which end "
		 "without one, are left alone.",
		 "Đoạn văn kết thúc bằng dấu phẩy, bằng một từ không thể kết "
		 "thúc câu ('và', 'của', 'hoặc', 'để'), giữa một trích dẫn chưa "
		 "đóng, hoặc ở cuối văn bản mà câu dài không có dấu kết câu: "
		 "nội dung đã bị cắt. Chỉ xét văn xuôi (không phải tiêu đề, mục "
		 "danh sách, bảng, chuỗi giao diện), khi đoạn sau bắt đầu câu "
		 "mới và văn bản thường kết thúc đoạn bằng dấu chấm."},
		0},
	[VNI_R_DUPLICATE_PARAGRAPH] = {
		"structure/duplicate-paragraph", VN_SEV_WARNING,
		{"a paragraph that repeats an earlier one",
		 "đoạn văn lặp lại một đoạn trước"},
		{"A paragraph of 20 words or more has the same words, in the "
		 "same order (case and punctuation aside), as an earlier "
		 "paragraph of the document, or, for paragraphs of 40 words or "
		 "more, shares at least 4 in 5 of its word triples with one of "
		 "about the same length: text pasted twice, a scraper that took "
		 "a block twice, a translation run over the same paragraph "
		 "twice. The message gives the line of the first. Shorter "
		 "paragraphs repeat legitimately (answers, captions, labels), "
		 "and so do list items, table rows, verse and message "
		 "templates, which are not compared.",
		 "Một đoạn từ 20 từ trở lên có cùng các từ theo cùng thứ tự với "
		 "một đoạn trước trong văn bản, hoặc (từ 40 từ) có ít nhất 4/5 "
		 "bộ ba từ giống một đoạn dài tương đương: dán hai lần, lấy tin "
		 "tự động bị lặp, dịch máy một đoạn hai lần. Thông báo cho biết "
		 "dòng của đoạn đầu tiên."},
		0},
	[VNI_R_BOILERPLATE] = {
		"structure/boilerplate", VN_SEV_INFO,
		{"a line of web-page residue", "dòng thừa từ trang web"},
		{"A line that is nothing but a piece of a web page's frame: "
		 "'Tin liên quan', 'Bài viết liên quan', 'Về đầu trang', "
		 "'Chia sẻ Facebook', 'Tags: ...', a source credit such as "
		 "'Theo VnExpress', a copyright or cookie notice. It is left "
		 "over when an article is copied or scraped. The whole line "
		 "must match an entry of dict/boilerplate.txt (add your own "
		 "with --boilerplate FILE or 'boilerplate =' in .vnlint.ini); "
		 "a phrase inside prose never does. Labels that are also "
		 "interface strings ('Chia sẻ', 'Bình luận', 'Xem thêm', 'Quay "
		 "lại') are reported only next to another residue line, so a "
		 "menu label in a message catalogue is left alone.",
		 "Một dòng chỉ là phần khung của trang web: 'Tin liên quan', "
		 "'Về đầu trang', 'Chia sẻ Facebook', 'Tags: ...', dòng nguồn "
		 "'Theo VnExpress', thông báo bản quyền hay cookie, còn sót lại "
		 "khi sao chép bài báo. Cả dòng phải khớp một mục của "
		 "dict/boilerplate.txt (thêm bằng --boilerplate). Nhãn giao "
		 "diện như 'Chia sẻ', 'Xem thêm' chỉ bị báo khi đứng cạnh một "
		 "dòng thừa khác."},
		0},
	[VNI_R_NO_DIACRITICS] = {
		"input/no-diacritics", VN_SEV_WARNING,
		{"Vietnamese written without tone and vowel marks",
		 "tiếng Việt viết không dấu"},
		{"A paragraph of Vietnamese with every mark missing ('Toi dang "
		 "song o Ha Noi'): typed with no input method, or folded to ASCII "
		 "on the way. Each word is still a valid syllable, so spelling "
		 "checks see nothing; the paragraph is reported when it has at "
		 "least 8 words, none of them marked, at least 85% are toneless "
		 "Vietnamese syllables and at least a quarter are the stripped "
		 "forms of very common words ('duoc', 'nguoi', 'khong', 'cua'; at "
		 "least three different ones). English prose has none of those "
		 "words and one marked word anywhere clears the paragraph, so "
		 "names ('Ha Noi') inside marked text are never reported. There "
		 "is no fix: which marks were lost cannot be known from the "
		 "letters alone.",
		 "Một đoạn tiếng Việt mất hết dấu ('Toi dang song o Ha Noi'): gõ "
		 "khi không có bộ gõ, hoặc bị chuyển sang ASCII dọc đường. Mỗi từ "
		 "vẫn là âm tiết hợp lệ nên kiểm tra chính tả không thấy gì; đoạn "
		 "bị báo khi có ít nhất 8 từ, không từ nào có dấu, ít nhất 85% là "
		 "âm tiết tiếng Việt không dấu và ít nhất một phần tư là dạng bỏ "
		 "dấu của các từ rất thông dụng ('duoc', 'nguoi', 'khong', 'cua'; "
		 "ít nhất ba từ khác nhau). Văn xuôi tiếng Anh không có những từ "
		 "đó, và chỉ một từ có dấu là đoạn không bị báo, nên tên riêng "
		 "('Ha Noi') trong văn bản có dấu không bao giờ bị báo. Không có "
		 "cách sửa: không thể biết dấu nào đã mất chỉ từ các chữ cái."},
		0},
};
