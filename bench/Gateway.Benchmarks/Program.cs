using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Results land in artifacts/benchmarks (ignored by git). A busy machine can take longer than BenchmarkDotNet's
// default two minutes to build its generated project; `--inProcess` skips that build altogether.
var config = DefaultConfig.Instance
    .WithArtifactsPath(Path.Combine("artifacts", "benchmarks"))
    .WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
