suppress.txt
