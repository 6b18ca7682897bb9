nfd.txt
