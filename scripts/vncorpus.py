"""What the measuring scripts share: the text files of an extracted corpus
(scripts/extract-corpus.sh), in one fixed order, and how words are counted."""
import os


def walk_txt(root):
    """The .txt files under root, directory by directory in sorted order."""
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".txt"):
                yield os.path.join(d, f)


def corpus_files(root):
    """The .txt files under root, sorted by path."""
    return sorted(walk_txt(root))


def count_words(text):
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))
