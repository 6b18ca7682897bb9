clean.txt --format
