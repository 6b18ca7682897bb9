numbers.txt
