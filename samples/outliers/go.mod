module gpic.dev/samples/outliers

go 1.23
