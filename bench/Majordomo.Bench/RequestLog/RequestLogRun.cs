using System.Diagnostics;
using System.Globalization;
using Majordomo.Bench.Cli;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;

namespace Majordomo.Bench.RequestLog;

/// <summary>
/// The request-log writer's cost per row, in process: realistic rows written in batches into real SQLite
/// files by the baseline appender and the store's own, alternating blocks (the machine is shared: only a
/// same-run ratio means something). Each block is timed by this process's CPU time (user + system, so the
/// kernel's WAL writes count) and by the bytes this thread allocated.
/// </summary>
internal static class RequestLogRun
{
    public static int Run(BenchArgs options)
    {
        var pairs = options.GetInt("pairs", null, 3, 1, 100);
        var rows = options.GetInt("rows", null, 20_000, 100, 10_000_000);
        var batch = options.GetInt("batch", null, 500, 1, RequestLogWriter.MaxBatch);
        var only = options.GetString("only");
        options.EnsureAllRead();

        var directory = Directory.CreateTempSubdirectory("majordomo-requestlog-bench-");
        try
        {
            var baselineStore = NewStore(directory.FullName, "baseline.db");
            var currentStore = NewStore(directory.FullName, "current.db");
            using var baseline = new BaselineRequestWriter(baselineStore.Open());
            using var current = currentStore.OpenRequestWriter();
            var source = new RowSource(batch);
            var results = new List<(double Cpu, double Bytes)>[] { [], [] };
            var appenders = new IRequestLogAppender[] { baseline, current };

            // Round 0 warms the JIT and SQLite's page cache up and is not counted.
            for (var round = 0; round <= pairs; round++)
            {
                for (var which = 0; which < 2; which++)
                {
                    if (only is not null && only != (which == 0 ? "baseline" : "store"))
                    {
                        continue;
                    }

                    var measured = Block(appenders[which], source, rows);
                    if (round > 0)
                    {
                        results[which].Add(measured);
                    }
                }
            }

            Console.WriteLine(FormattableString.Invariant($"{pairs} rounds of {rows:N0} rows in batches of {batch}, alternating; medians (range):"));
            Print("baseline (single-row insert, SQLitePCLRaw binds)", results[0]);
            Print("store's appender", results[1]);
            return 0;
        }
        finally
        {
            SqliteStore.ReleaseFiles();
            directory.Delete(recursive: true);
        }
    }

    private static SqliteStore NewStore(string directory, string name)
    {
        var store = new SqliteStore(Path.Combine(directory, name));
        store.Migrate();
        return store;
    }

    private static (double Cpu, double Bytes) Block(IRequestLogAppender appender, RowSource source, int rows)
    {
        using var process = Process.GetCurrentProcess();
        var batches = new List<List<RequestLogRecord>>();
        for (var written = 0; written < rows; written += source.BatchSize)
        {
            batches.Add(source.Next());
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        foreach (var b in batches)
        {
            appender.AppendAsync(b, CancellationToken.None).GetAwaiter().GetResult();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        process.Refresh();
        var count = (double)(batches.Count * source.BatchSize);
        return ((process.TotalProcessorTime - cpu).TotalMicroseconds / count, allocated / count);
    }

    private static void Print(string name, List<(double Cpu, double Bytes)> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        var cpu = results.Select(r => r.Cpu).Order().ToList();
        var bytes = results.Select(r => r.Bytes).Order().ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"  {name}: {cpu[cpu.Count / 2]:F2} CPU-µs/row ({cpu[0]:F2}–{cpu[^1]:F2}), {bytes[bytes.Count / 2]:F1} B/row allocated ({bytes[0]:F1}–{bytes[^1]:F1})"));
    }

    /// <summary>Rows like the gateway's for a smart-routed, classified, streamed request answered at the first attempt; every tenth has two attempts and a failure.</summary>
    private sealed class RowSource(int batchSize)
    {
        private readonly string _prefix = "req_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
        private long _counter;

        public int BatchSize => batchSize;

        public List<RequestLogRecord> Next()
        {
            var list = new List<RequestLogRecord>(batchSize);
            for (var i = 0; i < batchSize; i++)
            {
                list.Add(Row(++_counter));
            }

            return list;
        }

        private RequestLogRecord Row(long n)
        {
            var retried = n % 10 == 0;
            AttemptRecord answered = new("bench-model", "mock", "mock-key-1", 200, "ok", null, 3.25 + (n % 7));
            return new RequestLogRecord
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{_prefix}{n:x10}"),
                Timestamp = _start.AddTicks(n * 4_000),
                Ingress = "openai",
                RequestedModel = "auto",
                Route = "default",
                Tier = "standard",
                Rule = "default",
                AnsweredBy = "mock/bench-model",
                Status = 200,
                Stream = true,
                DurationMs = 4.125 + (n % 13),
                FirstByteMs = 1.5 + (n % 5),
                InputTokens = 42,
                OutputTokens = 120 + (n % 50),
                UsageReported = true,
                Session = "sess-" + (n % 64).ToString(CultureInfo.InvariantCulture),
                Attempts = retried ? [new("other-model", "mock", "mock-key-2", 429, "rate_limited", "cooldown", 0.875), answered] : [answered],
                CostUsd = 0.000125,
                QuotaUnits = 1,
                ApiKey = "bench",
                Degradation = "normal",
                Complexity = "simple",
                TaskType = "chat",
                Sensitive = false,
                ClassifierSource = "heuristic",
                PromptTokens = 42,
                HasMedia = false,
                HasTools = false,
            };
        }
    }
}
