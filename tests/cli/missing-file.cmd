no-such-file.txt clean.txt
