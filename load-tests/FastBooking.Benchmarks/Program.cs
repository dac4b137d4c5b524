using BenchmarkDotNet.Running;

// dotnet run -c Release --project load-tests/FastBooking.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
