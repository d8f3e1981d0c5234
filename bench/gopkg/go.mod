module example.com/gpicbench

go 1.23
