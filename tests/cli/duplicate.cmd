duplicate.txt
