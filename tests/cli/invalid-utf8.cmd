invalid.txt
