crlf.txt
