clean.txt
