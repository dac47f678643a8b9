using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Harmattan.Benchmarks -- --filter '*'
// (see README.md beside this file; the whole-pipeline figures with process memory come from `harmattan bench`).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new Harmattan.Benchmarks.BenchConfig());
