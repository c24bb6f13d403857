using System.Diagnostics;
using System.Globalization;
using Majordomo.Bench.Cli;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

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
        var throughWriter = options.GetFlag("through-writer");
        var json = options.GetFlag("json");
        options.EnsureAllRead();
        if (json)
        {
            return JsonRun(pairs, rows, batch);
        }

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
            using var baselineWriter = new RequestLogWriter(new OneAppenderStore(baseline), TimeProvider.System, NullLogger<RequestLogWriter>.Instance);
            using var currentWriter = new RequestLogWriter(new OneAppenderStore(current), TimeProvider.System, NullLogger<RequestLogWriter>.Instance);
            var writers = new[] { baselineWriter, currentWriter };
            if (throughWriter)
            {
                baselineWriter.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
                currentWriter.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            // Round 0 warms the JIT and SQLite's page cache up and is not counted.
            for (var round = 0; round <= pairs; round++)
            {
                for (var which = 0; which < 2; which++)
                {
                    if (only is not null && only != (which == 0 ? "baseline" : "store"))
                    {
                        continue;
                    }

                    var measured = throughWriter ? WriterBlock(writers[which], source, rows) : Block(appenders[which], source, rows);
                    if (round > 0)
                    {
                        results[which].Add(measured);
                    }
                }
            }

            if (throughWriter)
            {
                baselineWriter.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
                currentWriter.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            Console.WriteLine(FormattableString.Invariant($"{pairs} rounds of {rows:N0} rows in batches of {batch}{(throughWriter ? " through RequestLogWriter (one batch per 100 ms flush)" : "")}, alternating; medians (range):"));
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

    /// <summary>
    /// The attempts column alone, the same rows' lists through <see cref="System.Text.Json.Utf8JsonWriter"/> and through
    /// <see cref="AttemptsJson.Write(System.Buffers.ArrayBufferWriter{byte}, System.Text.Json.Utf8JsonWriter, IReadOnlyList{AttemptRecord})"/>
    /// (by hand when it can), alternating blocks.
    /// </summary>
    private static int JsonRun(int pairs, int rows, int batch)
    {
        var source = new RowSource(batch);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using var writer = new System.Text.Json.Utf8JsonWriter(buffer);
        var results = new List<(double Cpu, double Bytes)>[] { [], [] };
        Action<List<RequestLogRecord>>[] ways =
        [
            rows => rows.ForEach(r => AttemptsJson.WriteWithWriter(buffer, writer, r.Attempts)),
            rows => rows.ForEach(r => AttemptsJson.Write(buffer, writer, r.Attempts)),
        ];
        for (var round = 0; round <= pairs; round++)
        {
            for (var which = 0; which < 2; which++)
            {
                var measured = Measure(source, rows, GC.GetAllocatedBytesForCurrentThread, ways[which]);
                if (round > 0)
                {
                    results[which].Add(measured);
                }
            }
        }

        Console.WriteLine(FormattableString.Invariant($"{pairs} rounds of {rows:N0} rows' attempts columns, alternating; medians (range):"));
        Print("Utf8JsonWriter", results[0]);
        Print("AttemptsJson.Write", results[1]);
        return 0;
    }

    private static SqliteStore NewStore(string directory, string name)
    {
        var store = new SqliteStore(Path.Combine(directory, name));
        store.Migrate();
        return store;
    }

    private static (double Cpu, double Bytes) Block(IRequestLogAppender appender, RowSource source, int rows) =>
        Measure(source, rows, GC.GetAllocatedBytesForCurrentThread, batch => appender.AppendAsync(batch, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>
    /// The same rows through a started <see cref="RequestLogWriter"/>: a batch enqueued as the request path does
    /// (<see cref="RequestLogWriter.TryEnqueue"/>), then waited for (polled every 25 ms) until its flush wrote it.
    /// The process's CPU and all threads' allocations count: the writer's thread, its waits and the enqueueing.
    /// </summary>
    private static (double Cpu, double Bytes) WriterBlock(RequestLogWriter writer, RowSource source, int rows) =>
        Measure(source, rows, () => GC.GetTotalAllocatedBytes(precise: true), batch =>
        {
            var expected = writer.Written + batch.Count;
            foreach (var row in batch)
            {
                if (!writer.TryEnqueue(row))
                {
                    throw new InvalidOperationException("the writer's queue was full");
                }
            }

            while (writer.Written < expected)
            {
                Thread.Sleep(25);
            }
        });

    /// <summary>CPU-µs (this process) and allocated bytes per row of writing <paramref name="rows"/> fresh rows, batch by batch.</summary>
    private static (double Cpu, double Bytes) Measure(RowSource source, int rows, Func<long> allocatedBytes, Action<List<RequestLogRecord>> write)
    {
        using var process = Process.GetCurrentProcess();
        var batches = new List<List<RequestLogRecord>>();
        for (var written = 0; written < rows; written += source.BatchSize)
        {
            batches.Add(source.Next());
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = allocatedBytes();
        foreach (var batch in batches)
        {
            write(batch);
        }

        var allocated = allocatedBytes() - bytes;
        process.Refresh();
        var count = (double)(batches.Count * source.BatchSize);
        return ((process.TotalProcessorTime - cpu).TotalMicroseconds / count, allocated / count);
    }

    /// <summary>A request-log store that hands the writer one given appender (each bench target's own).</summary>
    private sealed class OneAppenderStore(IRequestLogAppender appender) : IRequestLogStore
    {
        public IRequestLogAppender OpenAppender() => new Borrowed(appender);

        public IAsyncEnumerable<RequestSummary> SummariesAsync(DateTimeOffset since, DateTimeOffset until, string? apiKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<RequestLogRecord>> RecentAsync(RecentQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<RequestLogRecord> ReplayAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => throw new NotSupportedException();

        // The writer disposes its appender at stop; the bench disposes the real one itself.
        private sealed class Borrowed(IRequestLogAppender inner) : IRequestLogAppender
        {
            public ValueTask AppendAsync(IReadOnlyList<RequestLogRecord> batch, CancellationToken cancellationToken) => inner.AppendAsync(batch, cancellationToken);

            public void Dispose()
            {
            }
        }
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
