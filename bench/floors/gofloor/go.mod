module example.com/gpicbench/floors

go 1.23

require example.com/gpicbench v0.0.0

replace example.com/gpicbench => ../../gopkg
