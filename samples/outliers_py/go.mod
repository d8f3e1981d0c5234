module gpic.dev/samples/outliers_py

go 1.24

require outliers v0.0.0

// The package `gpic build outliers.gpi --target go -o out/outliers_go` writes (from the
// repository's root); scripts/demo points this at its own output directory.
replace outliers => ../../out/outliers_go
