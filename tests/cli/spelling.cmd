spelling.txt
