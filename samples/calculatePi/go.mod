module gpic.dev/samples/calculatePi

go 1.23
