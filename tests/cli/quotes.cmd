quotes.txt
