binary.bin clean.txt
