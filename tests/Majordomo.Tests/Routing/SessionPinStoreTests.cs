using Majordomo.Budgets;
using Majordomo.Chat;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Tests.Routing;

/// <summary>
/// <c>/use</c> writes its pin through the store on the request path: awaited, so a slow store (PostgreSQL behind a
/// row lock) holds no thread; the pin is in memory before the write, so the session's next request follows it; a
/// failing store or a client that hangs up leaves the pin in memory and says so.
/// </summary>
public sealed class SessionPinStoreTests : IDisposable
{
    private const string Config = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
          "models": { "p/m": { "provider": "p" }, "p/n": { "provider": "p" } },
          "routes": { "auto": { "strategy": "smart" }, "r": { "chain": ["p/n"] } }
        }
        """;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _dir = new();
    private readonly SqliteStore _store;
    private readonly RoutingSnapshot _snapshot = RoutingSnapshot.Build(TestConfig.BuildCatalog(Config));

    public SessionPinStoreTests()
    {
        _store = new SqliteStore(_dir.File("pins.db"));
        _store.Migrate();
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Use_PinStoreSlow_HoldsNoThread_NextRequestPinnedAtOnce_AnsweredWhenStored()
    {
        var store = new GatedPinStore(new SqliteSessionPinStore(_store));
        var pins = new SessionPins(store, NullLogger<SessionPins>.Instance);
        var router = Router(pins);
        try
        {
            // The store's write waits; the call returns at once with the decision pending.
            var use = await ReturnsAsync(() => router.DecideAsync(_snapshot, Chat("auto", "/use r"), null, CancellationToken.None).AsTask());
            Assert.False(use.IsCompleted);

            // Meanwhile the session's next request already follows the pin (memory first), and other sessions route as before.
            var next = await Task.Run(() => router.DecideAsync(_snapshot, Chat("auto", "Explain how a hash map handles collisions."), null, CancellationToken.None).AsTask()).WaitAsync(Deadline);
            Assert.Equal("r", next.Plan!.RouteName);
            var other = await Task.Run(() => router.DecideAsync(_snapshot, Chat("auto", "Explain how a hash map handles collisions.", session: "s2"), null, CancellationToken.None).AsTask()).WaitAsync(Deadline);
            Assert.Equal("auto", other.Plan!.RouteName);
            Assert.False(use.IsCompleted);

            store.Open();
            var answered = await use.WaitAsync(Deadline);
            Assert.Equal("/use", answered.Reply!.Command);
            Assert.Contains(KeyValuePair.Create("s1", "r"), await new SqliteSessionPinStore(_store).LoadAsync(CancellationToken.None));
        }
        finally
        {
            store.Open();
        }
    }

    [Fact]
    public async Task Use_PinStoreFails_AnsweredPinHeldInMemory_FailureLogged()
    {
        var logger = new ListLogger();
        var pins = new SessionPins(new FailingPinStore(), logger);

        var decision = await Router(pins).DecideAsync(_snapshot, Chat("auto", "/use r"), null, CancellationToken.None);

        Assert.Equal("/use", decision.Reply!.Command);
        Assert.Equal("r", pins.Get("s1"));
        Assert.Contains(logger.Lines, l => l.Id == LogEvents.SessionPinNotStored && l.Message.Contains("connection refused (test)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Use_ClientClosesWhileStoring_ClientClosedNoReply_PinHeldInMemoryAndLogged()
    {
        var store = new GatedPinStore(new SqliteSessionPinStore(_store));
        var logger = new ListLogger();
        var pins = new SessionPins(store, logger);
        using var client = new CancellationTokenSource();
        try
        {
            var use = await ReturnsAsync(() => Router(pins).DecideAsync(_snapshot, Chat("auto", "/use r"), null, client.Token).AsTask());
            client.Cancel();
            var decision = await use.WaitAsync(Deadline);

            Assert.Null(decision.Reply);
            Assert.Equal((RouteDecider.ClientClosed, "client_closed"), (decision.Error!.Status, decision.Error.Code));
            Assert.Equal("r", pins.Get("s1"));
            Assert.Contains(logger.Lines, l => l.Id == LogEvents.SessionPinCancelled);
            Assert.Empty(await new SqliteSessionPinStore(_store).LoadAsync(CancellationToken.None));
        }
        finally
        {
            store.Open();
        }
    }

    private static RouteDecider Router(SessionPins pins) =>
        new(new NoDegradation(), new LatencyTracker(), pins, TimeProvider.System, NullLogger<RouteDecider>.Instance);

    private static ChatRequest Chat(string model, string text, string session = "s1")
    {
        var request = OpenAIRequestReader.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"model":"{{model}}","messages":[{"role":"user","content":"{{text}}"}]}"""));
        request.Metadata = new RequestMetadata(null, null, session, null, null);
        return request;
    }

    /// <summary>
    /// Starts <paramref name="call"/> on another thread and gives back its task once the call has returned, not completed:
    /// a call that waits on the store with its thread misses the deadline (the test fails instead of hanging).
    /// </summary>
    private static async Task<Task<T>> ReturnsAsync<T>(Func<Task<T>> call) => (await Task.Run(() => new[] { call() }).WaitAsync(Deadline))[0];

    /// <summary>A pin store whose writes wait until <see cref="Open"/> (or the caller's token): a database slow to answer, or a row locked elsewhere.</summary>
    private sealed class GatedPinStore(ISessionPinStore inner) : ISessionPinStore
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _gate.TrySetResult();

        public ValueTask<IReadOnlyList<KeyValuePair<string, string>>> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);

        public async ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            await inner.SetAsync(session, pin, now, cancellationToken);
        }

        public IAsyncEnumerable<KeyValuePair<string, string?>> WatchAsync(CancellationToken cancellationToken) => inner.WatchAsync(cancellationToken);
    }

    /// <summary>A pin store whose writes fail (a database that went away).</summary>
    private sealed class FailingPinStore : ISessionPinStore
    {
        public ValueTask<IReadOnlyList<KeyValuePair<string, string>>> LoadAsync(CancellationToken cancellationToken) => throw new StoreException("connection refused (test)");

        public ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromException(new StoreException("connection refused (test)"));

        public IAsyncEnumerable<KeyValuePair<string, string?>> WatchAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<KeyValuePair<string, string?>>();
    }

    private sealed class ListLogger : ILogger<SessionPins>
    {
        private readonly List<(int Id, string Message)> _lines = [];

        public IReadOnlyList<(int Id, string Message)> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add((eventId.Id, formatter(state, exception)));
            }
        }
    }
}
