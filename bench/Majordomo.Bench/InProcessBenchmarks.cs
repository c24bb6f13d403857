using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Majordomo.Bench;

/// <summary>Runs a BenchmarkDotNet class in process with the job every micro-benchmark here uses.</summary>
internal static class InProcessBenchmarks
{
    public static int Run<T>(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
                .WithWarmupCount(6)
                .WithIterationCount(20))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromTypes([typeof(T)]).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return 0;
    }
}
