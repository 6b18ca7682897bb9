english.txt
