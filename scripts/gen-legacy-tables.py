#!/usr/bin/env python3
"""Generate src/legacy_tables.inc, the byte tables of the legacy Vietnamese
encodings that encoding/mojibake decodes.

    python3 scripts/gen-legacy-tables.py > src/legacy_tables.inc

Where each table comes from:
- Windows-1252 0x80-0x9F: Python's cp1252 codec; its five undefined bytes
  (0x81 0x8D 0x8F 0x90 0x9D) are kept as the C1 controls Latin-1 gives them.
- TCVN3 (TCVN 5712:1993), VISCII and Windows-1258: glibc iconv
  (TCVN5712-1, VISCII, CP1258), one byte at a time; a byte iconv refuses
  is undefined (0).
- VNI-Windows, which glibc lacks: built from the published convention
  (a base letter followed by one mark byte; a few letters are one byte),
  the same bytes as the converters of Vietnamese input methods (OpenKey's
  code table, for one) and docs/vietnamese-notes.md. The script checks
  that every Vietnamese letter has exactly one spelling and that no byte
  sequence has two meanings.
"""
import subprocess
import sys
import unicodedata

TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VOWELS = "aăâeêioôơuưy"


def glibc_table(enc):
    out = []
    for b in range(256):
        r = subprocess.run(["iconv", "-f", enc, "-t", "UTF-16LE"],
                           input=bytes([b]), capture_output=True)
        if r.returncode != 0 or len(r.stdout) != 2:
            out.append(0)
        else:
            out.append(int.from_bytes(r.stdout, "little"))
    return out


def cp1252_high():
    out = []
    for b in range(0x80, 0xA0):
        try:
            out.append(ord(bytes([b]).decode("cp1252")))
        except UnicodeDecodeError:
            out.append(b)
    return out


# VNI-Windows. Mark bytes after a vowel, lower case then upper case:
# the tone alone (sắc, huyền, hỏi, ngã, nặng), the circumflex alone and
# with a tone, the breve alone and with a tone.
VNI_TONE = {"\u0301": (0xF9, 0xD9), "\u0300": (0xF8, 0xD8),
            "\u0309": (0xFB, 0xDB), "\u0303": (0xF5, 0xD5),
            "\u0323": (0xEF, 0xCF)}
VNI_CIRC = {"": (0xE2, 0xC2), "\u0301": (0xE1, 0xC1), "\u0300": (0xE0, 0xC0),
            "\u0309": (0xE5, 0xC5), "\u0303": (0xE3, 0xC3),
            "\u0323": (0xE4, 0xC4)}
VNI_BREVE = {"": (0xEA, 0xCA), "\u0301": (0xE9, 0xC9), "\u0300": (0xE8, 0xC8),
             "\u0309": (0xFA, 0xDA), "\u0303": (0xFC, 0xDC),
             "\u0323": (0xEB, 0xCB)}
# Letters that are one byte: ơ ư đ, i with a tone, ỵ.
VNI_SINGLE = {"ơ": (0xF4, 0xD4), "ư": (0xF6, 0xD6), "đ": (0xF1, 0xD1),
              "í": (0xED, 0xCD), "ì": (0xEC, 0xCC), "ỉ": (0xE6, 0xC6),
              "ĩ": (0xF3, 0xD3), "ị": (0xF2, 0xD2), "ỵ": (0xEE, 0xCE)}


def vni_spelling(letter):
    """The VNI bytes of one lowercase letter (NFC), as a bytes object."""
    if letter in VNI_SINGLE:
        return bytes([VNI_SINGLE[letter][0]])
    d = unicodedata.normalize("NFD", letter)
    base, marks = d[0], d[1:]
    tone = next((m for m in marks if m in VNI_TONE), "")
    shape = marks.replace(tone, "")
    if base in "ou" and shape == "\u031B":  # ơ ư with a tone
        return bytes([VNI_SINGLE[unicodedata.normalize("NFC", base + shape)][0],
                      VNI_TONE[tone][0]])
    if shape == "\u0302":
        return bytes([ord(base), VNI_CIRC[tone][0]])
    if shape == "\u0306":
        return bytes([ord(base), VNI_BREVE[tone][0]])
    if shape == "" and tone:
        return bytes([ord(base), VNI_TONE[tone][0]])
    if shape == "" and not tone:
        return bytes([ord(base)])
    raise SystemExit("no VNI spelling for %r" % letter)


def upper_spelling(lower_bytes):
    """Upper case: the base letter upper-cased, each mark byte from the
    upper half of its pair."""
    pairs = {}
    for table in (VNI_TONE, VNI_CIRC, VNI_BREVE, VNI_SINGLE):
        for lo, up in table.values():
            pairs[lo] = up
    return bytes(pairs.get(b, ord(chr(b).upper()) if b < 0x80 else b)
                 for b in lower_bytes)


def vni_tables():
    letters = [unicodedata.normalize("NFC", v + t) for v in VOWELS
               for t in TONES] + ["đ"]
    single = [0] * 256
    pairs = {}
    seen = {}
    for lo in letters:
        for letter, spelt in ((lo, vni_spelling(lo)),
                              (lo.upper(), upper_spelling(vni_spelling(lo)))):
            if spelt in seen:
                raise SystemExit("VNI: %r and %r share %s"
                                 % (seen[spelt], letter, spelt.hex()))
            seen[spelt] = letter
            if len(spelt) == 1 and spelt[0] >= 0x80:
                single[spelt[0]] = ord(letter)
            elif len(spelt) == 2:
                pairs[(spelt[0], spelt[1])] = ord(letter)
    # A two-byte spelling never starts with a byte that is a mark.
    marks = {b for (_, b) in pairs}
    if any(base in marks for (base, _) in pairs):
        raise SystemExit("VNI: a base byte is also a mark byte")
    assert len(seen) == 2 * len(letters)
    return single, sorted(pairs.items())


def emit_u16(name, values, comment):
    print("/* %s */" % comment)
    print("static const uint16_t %s[%d] = {" % (name, len(values)))
    for i in range(0, len(values), 8):
        print("\t" + " ".join("0x%04X," % v for v in values[i:i + 8]))
    print("};\n")


def main():
    print("/* Generated by scripts/gen-legacy-tables.py (glibc iconv %s,"
          % subprocess.run(["iconv", "--version"], capture_output=True,
                           text=True).stdout.split("\n")[0].split()[-1])
    print(" * Python %s); do not edit. */\n" % sys.version.split()[0])
    emit_u16("cp1252_high", cp1252_high(),
             "Windows-1252 0x80-0x9F; undefined bytes as their C1 control")
    for name, enc in (("tcvn3_ucs", "TCVN5712-1"), ("viscii_ucs", "VISCII"),
                      ("cp1258_ucs", "CP1258")):
        emit_u16(name, glibc_table(enc),
                 "%s byte -> code point (0: undefined), glibc iconv" % enc)
    single, pairs = vni_tables()
    emit_u16("vni_single", single,
             "VNI-Windows one-byte letters (0: not a letter of its own)")
    print("/* VNI-Windows letter = base byte + mark byte, sorted. */")
    print("static const struct vni_pair {\n\tunsigned char base, mark;"
          "\n\tuint16_t cp;\n} vni_pairs[%d] = {" % len(pairs))
    for (base, mark), cp in pairs:
        print("\t{0x%02X, 0x%02X, 0x%04X}, /* %s */"
              % (base, mark, cp, chr(cp)))
    print("};")


if __name__ == "__main__":
    main()
