conf
