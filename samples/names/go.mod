module gpic.dev/samples/names

go 1.23
