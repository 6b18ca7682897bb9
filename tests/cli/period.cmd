period.txt
