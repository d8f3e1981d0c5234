module gpic.dev/samples/concurrency

go 1.23
