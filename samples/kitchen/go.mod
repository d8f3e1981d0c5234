module gpic.dev/samples/kitchen

go 1.23
