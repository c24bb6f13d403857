using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Storage;

/// <summary>The request log's SQLite writer: multi-row inserts, text bound from one pinned buffer, rows read back exactly.</summary>
public sealed class SqliteRequestWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private SqliteStore NewStore()
    {
        var store = new SqliteStore(_dir.File("log.db"));
        store.Migrate();
        return store;
    }

    private static async Task<List<RequestLogRecord>> ReplayAll(SqliteStore store)
    {
        var rows = new List<RequestLogRecord>();
        await foreach (var row in new SqliteRequestLogStore(store).ReplayAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static RequestLogRecord Row(int i, string? body = null, string session = "s") => SqliteStoreTests.Record($"r{i:D4}", attempts: i % 3) with
    {
        // One timestamp for all: the replay order is then the order the rows were written in.
        Session = session,
        Body = body,
        DurationMs = i + 0.5,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(SqliteRequestWriter.RowsPerStatement - 1)]
    [InlineData(SqliteRequestWriter.RowsPerStatement)]
    [InlineData((3 * SqliteRequestWriter.RowsPerStatement) + 7)]
    [InlineData(RequestLogWriter.MaxBatch)]
    public async Task Write_BatchOfAnySize_EveryRowStoredInOrderWithItsOwnValues(int count)
    {
        var store = NewStore();
        var batch = Enumerable.Range(0, count).Select(i => Row(i)).ToList();

        using (var writer = store.OpenRequestWriter())
        {
            writer.Write(batch);
        }

        var stored = await ReplayAll(store);
        Assert.Equal(batch.Select(r => r.Id), stored.Select(r => r.Id));
        Assert.Equal(batch.Select(r => r.DurationMs), stored.Select(r => r.DurationMs));
        Assert.Equal(batch.Select(r => r.Attempts.Count), stored.Select(r => r.Attempts.Count));
    }

    [Fact]
    public async Task Write_RowTheTableRefusesInsideAChunk_OnlyThatRowIsSkipped()
    {
        var store = NewStore();
        var batch = Enumerable.Range(0, SqliteRequestWriter.RowsPerStatement).Select(i => Row(i)).ToList();

        // ingress is NOT NULL: OR IGNORE skips that one row, as the single-row insert did; its chunk's other rows stay.
        batch[5] = batch[5] with { Ingress = null! };
        using (var writer = store.OpenRequestWriter())
        {
            writer.Write(batch);
        }

        var stored = await ReplayAll(store);
        Assert.Equal(batch.Where((_, i) => i != 5).Select(r => r.Id), stored.Select(r => r.Id));
    }

    [Fact]
    public async Task Write_DuplicateIdsInOneChunk_FirstKept()
    {
        var store = NewStore();
        var batch = new[] { Row(1, session: "first"), Row(2), Row(1, session: "second"), Row(3) };

        using (var writer = store.OpenRequestWriter())
        {
            writer.Write(batch);
        }

        var stored = await ReplayAll(store);
        Assert.Equal(["r0001", "r0002", "r0003"], stored.Select(r => r.Id));
        Assert.Equal("first", stored[0].Session);
    }

    [Fact]
    public async Task Write_QuotesUnicodeEmptyAndHugeText_RoundTripExactly()
    {
        var store = NewStore();
        string[] texts =
        [
            "",
            "it's \"quoted\" \\ back; DROP TABLE requests; --",
            "emoji 🚀 and 日本語 and \u00e9\u0301 and a NUL \0 inside",
            "\ud83d\ude00\ud83d\ude00" + new string('é', 5000),
            new string('x', 300_000) + "🚀",
        ];

        // Each chunk's text shares one buffer: a chunk of many large values overflows it part way through.
        var batch = texts.Select((t, i) => Row(i, body: t, session: t)).Concat(Enumerable.Range(10, 40).Select(i => Row(i, body: new string((char)('a' + (i % 26)), 3000 + i)))).ToList();
        using (var writer = store.OpenRequestWriter())
        {
            writer.Write(batch);
            writer.Write([Row(100, body: texts[2])]);
        }

        var stored = await ReplayAll(store);
        Assert.Equal(batch.Count + 1, stored.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i].Body, stored[i].Body);
            Assert.Equal(batch[i].Session, stored[i].Session);
            Assert.Equal(batch[i].Id, stored[i].Id);
        }

        Assert.Equal(texts[2], stored[^1].Body);
        Assert.Equal("", stored[0].Body);
    }

    [Fact]
    public async Task Write_ValuesRepeatOrChangeAtTheSameParameterAcrossChunksAndBatches_EachRowReadsBackExactlyItsOwn()
    {
        var store = NewStore();

        // A NULL, integer or real a parameter already holds from the statement's last use is not bound again. Values are
        // drawn from two or three per column (null, zero, false and 0.0 among them), so most parameters repeat from chunk
        // to chunk and some change kind (null to a number, an integer to another, a real to NULL, text to NULL and back);
        // batches of random sizes use every statement size, some of them many times.
        var random = new Random(1607);
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        RequestLogRecord Random(int i) => new()
        {
            Id = $"r{i:D5}",
            Timestamp = Row(0).Timestamp,
            Ingress = Pick("openai", "anthropic"),
            RequestedModel = Pick<string?>(null, "m"),
            Route = Pick<string?>(null, "default"),
            Tier = Pick<string?>(null, "direct"),
            Rule = Pick<string?>(null, "", "rule"),
            AnsweredBy = Pick<string?>(null, "m"),
            Status = Pick(200, 429, 0),
            ErrorCode = Pick<string?>(null, "e"),
            Stream = Pick(true, false),
            DurationMs = Pick(0.0, 1.5, 2.25),
            FirstByteMs = Pick<double?>(null, 0.0, 1.5),
            InputTokens = Pick(0L, 5L, long.MaxValue),
            OutputTokens = Pick(0L, 7L),
            UsageReported = Pick(true, false),
            Session = Pick<string?>(null, "s"),
            CostUsd = Pick<double?>(null, 0.0, 0.5),
            CostEstimated = Pick(true, false),
            QuotaUnits = Pick(0.0, 1.0),
            Degradation = Pick<string?>(null, "normal"),
            Sensitive = Pick<bool?>(null, true, false),
            PromptTokens = Pick<int?>(null, 0, 1),
            MaxOutputTokens = Pick<int?>(null, 0, 64),
            HasMedia = Pick<bool?>(null, true, false),
            HasTools = Pick<bool?>(null, true, false),
            Cache = Pick<string?>(null, "hit"),
            Body = Pick<string?>(null, "b"),
        };
        var batch = Enumerable.Range(0, 2_000).Select(Random).ToList();

        using (var writer = store.OpenRequestWriter())
        {
            for (var start = 0; start < batch.Count;)
            {
                var size = Math.Min(batch.Count - start, Pick(1, 2, 3, 5, 31, 32, 33, 70));
                writer.Write(batch[start..(start + size)]);
                start += size;
            }
        }

        var stored = await ReplayAll(store);
        Assert.Equal(batch.Count, stored.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i] with { Attempts = [] }, stored[i] with { Attempts = [] });
        }
    }

    [Fact]
    public async Task Write_RowsWithAndWithoutOptionalValuesMixed_EachRowReadsBackExactlyItsOwn()
    {
        var store = NewStore();

        // Every parameter is bound for every row (NULL for a null value): nothing of a fuller row before, in the same
        // chunk or an earlier one, may show in a bare row. The same string object in a column row after row binds the
        // bytes encoded for the first; an equal string that is another object, and a different one, are encoded anew.
        const string Shared = "shared-name";
        var copy = new string(Shared.AsSpan());
        RequestLogRecord Full(int i) => Row(i, body: "body " + i, session: i % 2 == 0 ? Shared : "s" + i) with
        {
            Route = Shared,
            Tier = i % 4 == 1 ? copy : Shared,
            Rule = i % 5 == 0 ? "other" : Shared,
            ErrorCode = "e",
            Loop = "warning;repeat=6",
            CostUsd = 0.5,
            CostEstimated = true,
            QuotaUnits = 2,
            ApiKey = "key",
            Degradation = "normal",
            Complexity = "simple",
            TaskType = "code",
            Sensitive = true,
            ClassifierSource = "heuristic",
            Channel = "c",
            PromptTokens = 5,
            MaxOutputTokens = 7,
            HasMedia = true,
            HasTools = false,
            Cache = "hit",
        };
        RequestLogRecord Bare(int i) => new() { Id = $"r{i:D4}", Timestamp = Row(0).Timestamp, Ingress = "anthropic", Status = 500 };
        var batch = Enumerable.Range(0, 150).Select(i => i % 3 == 0 ? Bare(i) : Full(i)).ToList();

        using (var writer = store.OpenRequestWriter())
        {
            writer.Write(batch[..70]);
            writer.Write(batch[70..]);
        }

        var stored = await ReplayAll(store);
        Assert.Equal(batch.Count, stored.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i] with { Attempts = [] }, stored[i] with { Attempts = [] });
            Assert.Equal(batch[i].Attempts, stored[i].Attempts);
        }
    }

    [Fact]
    public void Open_MissingFile_FailsAsAStoreErrorAndCreatesNothing()
    {
        var path = _dir.File("absent.db");

        var ex = Assert.Throws<StoreException>(() => new SqliteRequestLogStore(new SqliteStore(path)).OpenAppender());

        Assert.False(File.Exists(path));
        Assert.NotEmpty(ex.Message);
    }
}
